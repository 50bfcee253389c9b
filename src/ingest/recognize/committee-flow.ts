// Everything read from a file of committee action plans: one plan per committee with its goals,
// result goals, activities and their economy.
import { type CommitteePlan, plansPeriod, recognizeCommitteePlan } from "./committees.ts";
import type { Doc } from "./doc.ts";
import { recognizeEconomy } from "./economy.ts";
import { indicatorDirection } from "./indicators.ts";
import { findPlanIndicators, type GoalRef, goalForIndicator } from "./plan-indicators.ts";
import { findOverallGoals, findResultGoals } from "./result-goals.ts";
import { findNames } from "./segments.ts";
import type { Sink } from "./sink.ts";

/** The policy the plans serve: the policy name mentioned most, with the plans' period. */
function parentTitle(doc: Doc, period: ReturnType<typeof plansPeriod>): string | null {
  const counts = new Map<string, { n: number; display: string }>();
  for (const m of findNames(doc)) {
    if (/handleplan/i.test(m.key)) continue;
    const c = counts.get(m.key);
    if (c) c.n++;
    else counts.set(m.key, { n: 1, display: m.display.charAt(0).toUpperCase() + m.display.slice(1) });
  }
  const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (!top || top.n < 3) return null;
  return period ? `${top.display} ${period.value.start}–${period.value.end}` : top.display;
}

export function recognizeCommitteePlans(doc: Doc, plans: readonly CommitteePlan[], sink: Sink): void {
  const period = plansPeriod(doc);
  const parent = parentTitle(doc, period);
  plans.forEach((plan, i) => {
    const policyKey = recognizeCommitteePlan(doc.units, plan, i + 1, period, parent, sink);
    const resultGoals = new Map<number, string>();
    const refs: GoalRef[] = [];
    const goals = [...findOverallGoals(doc, plan.segment), ...findResultGoals(doc, plan.segment)].sort(
      (a, b) => a.start - b.start,
    );
    goals.forEach((g, n) => {
      const key = sink.add({
        entity: "goal",
        key: `${policyKey}/${g.kind === "result_goal" ? "result_goal" : "goal"}:${g.number ?? `n${n + 1}`}`,
        parentKey: policyKey,
        fields: {
          kind: g.kind,
          number: g.number,
          text: g.text,
          committees: [plan.code],
          administration: doc.units.administrationOfCommittee(plan.code),
        },
        confidence: g.number !== null ? 0.85 : 0.7,
        evidence: [sink.ev("text", g.start, g.end)],
      });
      if (g.kind === "result_goal" && g.number !== null) resultGoals.set(g.number, key);
      refs.push({ key, block: g.block, text: g.text, kind: g.kind });
    });
    findPlanIndicators(doc, plan.segment).forEach((ind, n) => {
      const goalKey = goalForIndicator(ind, refs, doc);
      if (!goalKey) return;
      sink.add({
        entity: "indicator",
        key: `${goalKey}/indicator:${n + 1}`,
        parentKey: goalKey,
        fields: {
          title: ind.text,
          unit: null,
          direction: indicatorDirection(
            ind.text,
            refs.find((r) => r.key === goalKey)?.text ?? "",
            doc.text.slice(plan.segment.start, plan.segment.end),
          ),
          baseline_value: null,
          baseline_period: null,
          target_value: null,
          target_period: null,
          source: null,
        },
        confidence: 0.6,
        evidence: [sink.ev("title", ind.start, ind.end)],
      });
    });
    recognizeEconomy(
      doc,
      plan.segment,
      {
        policyKey,
        administration: doc.units.administrationOfCommittee(plan.code),
        committee: plan.code,
        periodStart: period?.value.start ?? null,
        periodEnd: period?.value.end ?? null,
        resultGoals,
      },
      sink,
    );
  });
}
