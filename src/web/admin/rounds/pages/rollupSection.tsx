// Roll-up on the board: progress of goals, themes and the policy from the
// indicators, and the initiatives' ratings per goal, per administration and for
// the policy, each with its rule written next to the result (DESIGN.md §2).
import type { Rating } from "../../../../domain/enums.ts";
import {
  type ProgressRollup,
  progressRollupRuleText,
  type RatingRollup,
  ratingRollupRuleText,
  rollupProgress,
  rollupRatings,
} from "../../../../domain/rollup.ts";
import type { RoundReport } from "../../../../reports/roundReportModel.ts";
import { DataTable } from "../../../components/DataTable.tsx";
import { ProgressBadge, RatingBadge } from "../../../components/StatusBadge.tsx";

export interface RatingItem {
  initiativeId: string | null;
  administrationCode: string;
  /** The rating counts only once submitted or accepted. */
  rating: Rating | null;
}

interface ProgressRow {
  level: string;
  name: string;
  rollup: ProgressRollup;
}

export function progressRows(themes: RoundReport["themes"]): ProgressRow[] {
  const rows: ProgressRow[] = [];
  const themeRollups = themes.map((t) => {
    const goalRollups = t.goals.map((g) => {
      const rollup = rollupProgress(
        g.indicators.map((i) => ({ status: i.status })),
        "goal",
      );
      return { goal: g, rollup };
    });
    const rollup = rollupProgress(
      goalRollups.map((g) => ({ status: g.rollup.status, score: g.rollup.score })),
      "theme",
    );
    rows.push({ level: "Tema", name: t.number === null ? t.title : `${t.number}. ${t.title}`, rollup });
    for (const g of goalRollups) rows.push({ level: "Målsætning", name: g.goal.text, rollup: g.rollup });
    return rollup;
  });
  const policy = rollupProgress(
    themeRollups.map((r) => ({ status: r.status, score: r.score })),
    "policy",
  );
  return [{ level: "Politik", name: "Hele politikken", rollup: policy }, ...rows];
}

interface RatingRow {
  level: string;
  name: string;
  rollup: RatingRollup;
}

export function ratingRows(
  items: readonly RatingItem[],
  links: readonly { initiativeId: string; goalId: string; goalText: string }[],
): RatingRow[] {
  const initiativesOnly = items.filter((i) => i.initiativeId);
  const rows: RatingRow[] = [
    {
      level: "Politik",
      name: "Alle initiativer",
      rollup: rollupRatings(initiativesOnly.map((i) => i.rating)),
    },
  ];
  const codes = [...new Set(initiativesOnly.map((i) => i.administrationCode))].sort();
  for (const code of codes)
    rows.push({
      level: "Forvaltning",
      name: code,
      rollup: rollupRatings(
        initiativesOnly.filter((i) => i.administrationCode === code).map((i) => i.rating),
      ),
    });
  const goals = new Map<string, string>();
  for (const l of links) goals.set(l.goalId, l.goalText);
  for (const [goalId, text] of goals) {
    const ids = new Set(links.filter((l) => l.goalId === goalId).map((l) => l.initiativeId));
    rows.push({
      level: "Målsætning",
      name: text,
      rollup: rollupRatings(initiativesOnly.filter((i) => ids.has(i.initiativeId!)).map((i) => i.rating)),
    });
  }
  return rows;
}

export function RollupSection(props: { progress: ProgressRow[]; ratings: RatingRow[] }) {
  return (
    <section aria-labelledby="rollup-heading">
      <h2 id="rollup-heading">Samlet status</h2>
      <h3>Initiativernes vurdering</h3>
      <p>
        <strong>Regel:</strong> {ratingRollupRuleText}
      </p>
      <DataTable
        caption="Samlet vurdering af initiativerne"
        captionHidden
        compact
        columns={[
          { header: "Niveau", cell: (r) => r.level },
          { header: "Navn", rowHeader: true, cell: (r) => r.name },
          {
            header: "Samlet vurdering",
            cell: (r) => (r.rollup.rating ? <RatingBadge rating={r.rollup.rating} /> : "Ingen indmeldt"),
          },
          { header: "Sådan er den fundet", cell: (r) => r.rollup.explanation },
        ]}
        rows={props.ratings}
      />
      <h3>Fremdrift ud fra indikatorerne</h3>
      <p>
        <strong>Regel:</strong> {progressRollupRuleText}
      </p>
      <DataTable
        caption="Fremdrift for politik, temaer og målsætninger"
        captionHidden
        compact
        columns={[
          { header: "Niveau", cell: (r) => r.level },
          { header: "Navn", rowHeader: true, cell: (r) => r.name },
          { header: "Fremdrift", cell: (r) => <ProgressBadge progress={r.rollup.status} /> },
          { header: "Sådan er den fundet", cell: (r) => r.rollup.explanation },
        ]}
        rows={props.progress}
      />
    </section>
  );
}
