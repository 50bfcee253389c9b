// An answer's content as label/value pairs, for the coordinator's review page
// and the reporter's read-only view.
import type { Rating } from "../../../../domain/enums.ts";
import { formatDkk, formatFte } from "../../../../domain/money.ts";
import { formatNumberDa } from "../../../../domain/numberFormat.ts";
import { displayCount, isSuppressed, suppressionMarker } from "../../../../domain/suppression.ts";
import type { answerForEdit } from "../../../../queries/rounds/answers.ts";
import type { AnswerNumbers } from "../../../../reports/roundAnswers.ts";
import { SummaryList } from "../../../components/Card.tsx";
import { RatingBadge } from "../../../components/StatusBadge.tsx";
import { ReportStateBadge } from "./controls.tsx";

export type EditableAnswer = Awaited<ReturnType<typeof answerForEdit>>;

/** `threshold`: the organisation's suppression threshold (AdminPage.suppressionThreshold). */
export function AnswerView({ answer, threshold }: { answer: EditableAnswer; threshold: number }) {
  const r = answer.report;
  const numbers = (r.numbers ?? {}) as AnswerNumbers;
  const indicatorTitle = new Map(answer.indicators.map((i) => [i.id, i.title]));
  const targetMetric = new Map(answer.annualTargets.map((t) => [t.id, t.metric]));
  const items = [
    { label: "Status", value: <ReportStateBadge state={r.state} /> },
    { label: "Vurdering", value: r.rating ? <RatingBadge rating={r.rating as Rating} /> : "Ikke angivet" },
    { label: "Fremdrift", value: r.progressPct === null ? "Ikke angivet" : `${r.progressPct} %` },
  ];
  if (answer.kind === "initiative") {
    items.push({
      label: "Forbrug",
      value: numbers.spendDkk == null ? "Ikke angivet" : formatDkk(numbers.spendDkk),
    });
    items.push({ label: "Årsværk", value: numbers.fte == null ? "Ikke angivet" : formatFte(numbers.fte) });
  }
  for (const t of numbers.annualTargets ?? [])
    if (t.actualValue !== null)
      items.push({
        label: `Årsmål: ${targetMetric.get(t.id) ?? "ukendt"}`,
        value: formatNumberDa(t.actualValue),
      });
  for (const o of numbers.observations ?? [])
    items.push({
      label: `${indicatorTitle.get(o.indicatorId) ?? "Indikator"} (${o.period})`,
      value: isSuppressed(o.n, threshold)
        ? `${suppressionMarker(threshold)} (færre end ${threshold} personer)`
        : `${formatNumberDa(o.value)}${o.n == null ? "" : `, ${displayCount(o.n, threshold)} personer`}`,
    });
  items.push({
    label: "Beretning",
    value: r.narrative ? (
      <div>
        {r.narrative
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => (
            <p class="mt-0">{p}</p>
          ))}
      </div>
    ) : (
      "Ingen"
    ),
  });
  return <SummaryList items={items} />;
}
