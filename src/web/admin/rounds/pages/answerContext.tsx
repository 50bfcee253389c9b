// Beside a reporter's form: what the initiative is (description, registered
// budget per year or for the whole period) and what was answered last time, so
// the answer can be written without looking elsewhere.
import type { Rating } from "../../../../domain/enums.ts";
import { formatDkk } from "../../../../domain/format.ts";
import { formatFte } from "../../../../domain/money.ts";
import { spanLabel } from "../../../../domain/moneyPeriods.ts";
import type { AnswerNumbers } from "../../../../reports/roundAnswers.ts";
import { SummaryList } from "../../../components/Card.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { RatingBadge } from "../../../components/StatusBadge.tsx";
import type { EditableAnswer } from "./answerView.tsx";

function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => <p class="mt-0">{p}</p>);
}

export function AnswerContext({ answer }: { answer: EditableAnswer }) {
  const c = answer.context;
  const prev = answer.previous;
  if (!c && !prev) return null;
  const period = c ? spanLabel(c.periodStart, c.periodEnd) : "";
  const prevNumbers = (prev?.numbers ?? {}) as AnswerNumbers;
  return (
    <section aria-labelledby="context-heading" class="answer-context">
      <h2 id="context-heading">Baggrund for svaret</h2>
      {c && (
        <>
          <h3>Om initiativet</h3>
          {c.description ? paragraphs(c.description) : <p>Initiativet har ingen beskrivelse i registret.</p>}
          <p>{`Politik: ${c.policyTitle}${period === "uden periode" ? "" : ` (${period})`}.`}</p>
          <DataTable
            caption="Registreret budget"
            compact
            rows={c.budget}
            emptyText="Der er ikke registreret noget budget for initiativet."
            columns={[
              {
                header: "År",
                rowHeader: true,
                cell: (b) =>
                  b.year === null
                    ? `Hele perioden${period === "uden periode" ? "" : ` ${period}`}`
                    : String(b.year),
              },
              {
                header: "Kroner",
                numeric: true,
                cell: (b) => (b.amountDkk === null ? "Ikke registreret" : formatDkk(b.amountDkk)),
              },
              {
                header: "Årsværk",
                numeric: true,
                cell: (b) => (b.fte === null ? "Ikke registreret" : formatFte(b.fte)),
              },
            ]}
          />
        </>
      )}
      <h3>Sidste svar</h3>
      {prev ? (
        <SummaryList
          items={[
            { label: "Statusrunde", value: prev.roundTitle ?? `Statusrunde ${prev.period}` },
            {
              label: "Vurdering",
              value: prev.rating ? <RatingBadge rating={prev.rating as Rating} /> : "Ikke angivet",
            },
            {
              label: "Fremdrift",
              value: prev.progressPct === null ? "Ikke angivet" : `${prev.progressPct} %`,
            },
            ...(answer.kind === "initiative"
              ? [
                  {
                    label: "Forbrug",
                    value: prevNumbers.spendDkk == null ? "Ikke angivet" : formatDkk(prevNumbers.spendDkk),
                  },
                  {
                    label: "Årsværk",
                    value: prevNumbers.fte == null ? "Ikke angivet" : formatFte(prevNumbers.fte),
                  },
                ]
              : []),
            { label: "Beretning", value: prev.narrative ? <div>{paragraphs(prev.narrative)}</div> : "Ingen" },
          ]}
        />
      ) : (
        <p>
          Der er ikke svaret på {answer.kind === "goal" ? "målet" : "initiativet"} i en tidligere statusrunde.
        </p>
      )}
    </section>
  );
}
