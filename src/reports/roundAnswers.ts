// The answers of a status round as flat rows, for the CSV and XLSX downloads:
// one row per initiative or goal, with the Danish labels a coordinator reads.
// Observation values based on fewer persons than the threshold are written as
// "<5", never as the number.
import { inArray } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { indicators } from "../db/schema.ts";
import type { Rating, ReportState } from "../domain/enums.ts";
import { ratingLabels, reportStateLabels } from "../domain/labels.ts";
import { formatNumberDa } from "../domain/numberFormat.ts";
import { isSuppressed, suppressionMarker } from "../domain/suppression.ts";
import { annualTargetMetrics } from "../queries/initiatives/annualTargets.ts";
import { roundAnswers } from "../queries/rounds/answers.ts";
import { getRound } from "../queries/rounds/rounds.ts";

export interface AnswerNumbers {
  spendDkk?: number | null;
  fte?: number | null;
  annualTargets?: { id: string; actualValue: number | null }[];
  observations?: { indicatorId: string; period: string; value: number; n?: number | null }[];
}

export interface RoundAnswerRow {
  administration: string;
  kind: string;
  subject: string;
  state: string;
  rating: string;
  progressPct: number | null;
  spendDkk: number | null;
  fte: number | null;
  observations: string;
  annualTargets: string;
  narrative: string;
  returnComment: string;
  submittedAt: string;
}

export const roundAnswerColumns: { key: keyof RoundAnswerRow; header: string; width: number }[] = [
  { key: "administration", header: "Forvaltning", width: 12 },
  { key: "kind", header: "Type", width: 12 },
  { key: "subject", header: "Initiativ eller mål", width: 40 },
  { key: "state", header: "Status", width: 14 },
  { key: "rating", header: "Vurdering", width: 24 },
  { key: "progressPct", header: "Fremdrift (%)", width: 12 },
  { key: "spendDkk", header: "Forbrug (kr.)", width: 14 },
  { key: "fte", header: "Årsværk", width: 10 },
  { key: "observations", header: "Indikatorer", width: 30 },
  { key: "annualTargets", header: "Årsmål, faktisk", width: 30 },
  { key: "narrative", header: "Beretning", width: 60 },
  { key: "returnComment", header: "Koordinatorens kommentar", width: 30 },
  { key: "submittedAt", header: "Indsendt", width: 20 },
];

export async function roundAnswerRows(ctx: Context, roundId: string) {
  // Every administration's answers: only who may read them all gets the export.
  authorize(ctx.actor, "read", { entity: "statusReport", administrationId: null }, { hidden: true });
  const round = await getRound(ctx, roundId);
  const answers = await roundAnswers(ctx, round.id);
  const numbersOf = (a: (typeof answers)[number]) => (a.report.numbers ?? {}) as AnswerNumbers;
  const indicatorIds = answers.flatMap((a) => (numbersOf(a).observations ?? []).map((o) => o.indicatorId));
  const targetIds = answers.flatMap((a) => (numbersOf(a).annualTargets ?? []).map((t) => t.id));
  const indicatorTitles = new Map(
    indicatorIds.length
      ? (
          await ctx.db
            .select({ id: indicators.id, title: indicators.title })
            .from(indicators)
            .where(inArray(indicators.id, indicatorIds))
        ).map((i) => [i.id, i.title])
      : [],
  );
  const targetMetrics = await annualTargetMetrics(ctx, targetIds);
  const rows: RoundAnswerRow[] = answers.map((a) => {
    const numbers = numbersOf(a);
    return {
      administration: a.administrationCode,
      kind: a.report.initiativeId ? "Initiativ" : "Mål",
      subject: a.initiativeTitle ?? a.goalText ?? "",
      state: reportStateLabels[a.report.state as ReportState] ?? a.report.state,
      rating: a.report.rating ? ratingLabels[a.report.rating as Rating] : "",
      progressPct: a.report.progressPct,
      spendDkk: numbers.spendDkk ?? null,
      fte: numbers.fte ?? null,
      observations: (numbers.observations ?? [])
        .map((o) => {
          const value = isSuppressed(o.n) ? suppressionMarker() : formatNumberDa(o.value);
          return `${indicatorTitles.get(o.indicatorId) ?? "Indikator"} ${o.period}: ${value}`;
        })
        .join("; "),
      annualTargets: (numbers.annualTargets ?? [])
        .filter((t) => t.actualValue !== null)
        .map((t) => `${targetMetrics.get(t.id) ?? "Årsmål"}: ${formatNumberDa(t.actualValue!)}`)
        .join("; "),
      narrative: a.report.narrative ?? "",
      returnComment: a.report.returnComment ?? "",
      submittedAt: a.report.submittedAt ?? "",
    };
  });
  return { round, rows };
}

/** The download's file name, e.g. "statusrunde-2025-svar". */
export function answersFileStem(period: string): string {
  return `statusrunde-${period.replace(/[^0-9A-Za-z-]+/g, "-")}-svar`;
}
