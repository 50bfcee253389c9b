// Everything read from one policy or action plan: the policy, its themes, goals, indicators,
// initiatives, annual targets and budget lines, linked by keys.
import { yearOfPeriod } from "../../domain/period.ts";
import { applyRelativeTarget, findRelativeTarget } from "../../domain/relativeTarget.ts";
import type { Evidence } from "../types.ts";
import { recognizeMeasures } from "./actionplan.ts";
import { recognizeAnnualTargetTables } from "./annual-target-tables.ts";
import { type BudgetOwner, recognizeBudgetTables } from "./budget.ts";
import { recognizeBudgetTableViews } from "./budget-tables.ts";
import { type Doc, overlap, stems } from "./doc.ts";
import { findGoals, type GoalFound } from "./goals.ts";
import { type Baseline, readTable } from "./indicators.ts";
import { recognizeConcreteInitiatives } from "./initiatives.ts";
import { findOverviewTables } from "./overview.ts";
import { recognizePolicy } from "./policy.ts";
import type { Segment } from "./segments.ts";
import type { Sink } from "./sink.ts";
import { recognizeInitiativeTables } from "./table-initiatives.ts";
import { tablesIn } from "./tables.ts";
import { findThemes, type Theme } from "./themes.ts";

interface GoalRecord {
  key: string;
  number: number | null;
  committees: string[];
}

function addGoal(
  sink: Sink,
  policyKey: string,
  themeKeys: Map<Theme, string>,
  g: GoalFound,
  ordinal: number,
  extra: Evidence[] = [],
): GoalRecord {
  const parentKey = g.theme ? themeKeys.get(g.theme)! : policyKey;
  const key = sink.add({
    entity: "goal",
    key: `${parentKey}/goal:${g.number ?? `n${ordinal}`}`,
    parentKey,
    fields: { kind: g.kind, number: g.number, text: g.text, committees: [] },
    confidence: g.theme ? 0.85 : 0.75,
    evidence: [sink.ev("text", g.start, g.end), ...extra],
  });
  return { key, number: g.number, committees: [] };
}

export function recognizePolicySegment(doc: Doc, seg: Segment, index: number, sink: Sink): void {
  const tables = tablesIn(doc, seg);
  const inTable = (block: number) => tables.some((t) => block >= t.startBlock && block < t.endBlock);
  const policy = recognizePolicy(doc, seg, index, sink, inTable);
  const policyKey = policy.key;

  const themes = findThemes(doc, seg);
  const themeKeys = new Map<Theme, string>();
  themes.forEach((t, i) => {
    const key = sink.add({
      entity: "theme",
      key: `${policyKey}/theme:${t.number ?? i + 1}`,
      parentKey: policyKey,
      fields: { number: t.number, title: t.title },
      confidence: 0.85,
      evidence: [sink.ev("title", t.start, t.end)],
    });
    themeKeys.set(t, key);
  });

  const goals: GoalRecord[] = [];
  findGoals(doc, seg, themes).forEach((g, i) => {
    goals.push(addGoal(sink, policyKey, themeKeys, g, i + 1));
  });

  // Overview tables: committees per goal and indicators with baselines.
  let indicatorCount = 0;
  for (const table of findOverviewTables(doc, seg, tables)) {
    const reading = readTable(table, doc.text.slice(seg.start, seg.end));
    const tableTheme = table.title
      ? themes.find((t) => overlap(stems(t.title), stems(table.title!.text)) >= 0.75)
      : undefined;
    const goalKeys = table.goals.map((tg, gi) => {
      const cellText = tg.cell.text.replace(/(?<=\p{Ll})\d{1,2}$/u, "").trim();
      let record =
        tg.number !== null ? goals.find((g) => g.number === tg.number) : sameGoal(sink, goals, cellText);
      if (!record) {
        const found: GoalFound = {
          kind: "goal",
          number: tg.number,
          text: tg.cell.text.replace(/(?<=\p{Ll})\d{1,2}$/u, "").trim(),
          start: tg.cell.start,
          end: tg.cell.end,
          block: doc.blockAt(tg.cell.start),
          theme: tableTheme ?? null,
        };
        record = addGoal(sink, policyKey, themeKeys, found, goals.length + gi + 1);
        goals.push(record);
      }
      const candidate = sink.byKey(record.key)!;
      // A goal listed in running text may have run into the next paragraph; the table's shorter
      // wording shows where it ends.
      const shortText = tg.cell.text.replace(/(?<=\p{Ll})\d{1,2}$/u, "").trim();
      const longText = String(candidate.fields.text ?? "");
      if (
        shortText.length >= 20 &&
        longText.length > shortText.length + 20 &&
        longText.toLowerCase().startsWith(shortText.toLowerCase())
      ) {
        candidate.fields.text = longText.slice(0, shortText.length);
        const ev = candidate.evidence.find((e) => e.field === "text");
        if (ev) Object.assign(ev, sink.ev("text", ev.start, ev.start + shortText.length));
      }
      for (const c of reading.committees[gi] ?? []) {
        if (!record.committees.includes(c.code)) {
          record.committees.push(c.code);
          candidate.evidence.push(sink.ev("committees", c.start, c.end));
        }
      }
      candidate.fields.committees = [...record.committees];
      return record.key;
    });
    for (const ind of reading.indicators) {
      const goalKey = goalKeys[ind.goal];
      if (!goalKey) continue;
      const base = ind.baseline;
      const evidence: Evidence[] = [sink.ev("title", ind.cell.start, ind.cell.end)];
      if (base?.value)
        evidence.push(
          sink.ev("baseline_value", base.value.start, base.value.end),
          sink.ev("unit", base.value.start, base.value.end),
        );
      if (base?.period) evidence.push(sink.ev("baseline_period", base.period.start, base.period.end));
      if (ind.targetPeriod)
        evidence.push(sink.ev("target_period", ind.targetPeriod.start, ind.targetPeriod.end));
      const target = relativeTarget(ind.cell.text, base);
      if (target)
        evidence.push(sink.ev("target_value", ind.cell.start + target.start, ind.cell.start + target.end));
      indicatorCount++;
      sink.add({
        entity: "indicator",
        key: `${goalKey}/indicator:${indicatorCount}`,
        parentKey: goalKey,
        fields: {
          title: ind.cell.text,
          unit: base?.value?.value.unit ?? null,
          direction: ind.direction,
          baseline_value: base?.value?.value.value ?? null,
          baseline_period: base?.value ? (base.period?.value ?? null) : null,
          target_value: target?.value ?? null,
          target_period: ind.targetPeriod?.value ?? null,
          source: null,
        },
        confidence: base?.value ? 0.8 : 0.65,
        evidence,
      });
    }
  }

  // A goal's responsible administration is the one under its first responsible committee
  // (the organisation's own pairing of administrations and committees), so a status round
  // can ask that administration for the goal's numbers.
  for (const g of goals) {
    const candidate = sink.byKey(g.key);
    if (!candidate || candidate.fields.administration) continue;
    const administration = g.committees
      .map((code) => doc.units.administrationOfCommittee(code))
      .find((a): a is string => a !== null);
    if (administration) candidate.fields.administration = administration;
  }

  const initiatives = recognizeConcreteInitiatives(doc, seg, policyKey, sink, 0);
  initiatives.push(...recognizeInitiativeTables(doc, tables, policyKey, sink, initiatives.length));
  const measures = recognizeMeasures(doc, seg, policyKey, sink, initiatives.length);
  // An action plan's measures belong to the administration that owns the plan.
  if (policy.ownerAdministration) {
    for (const m of measures) {
      const c = sink.byKey(m.key);
      if (c && c.fields.administration === null) c.fields.administration = policy.ownerAdministration;
    }
  }
  const owners: BudgetOwner[] = [...initiatives, ...measures].map((x) => ({
    key: x.key,
    title: x.title,
    funding: (sink.byKey(x.key)?.fields.funding_status as BudgetOwner["funding"]) ?? "unknown",
  }));
  const read = recognizeBudgetTableViews(doc, tables, policyKey, owners, sink);
  const inRead = (block: number) => read.some((t) => block >= t.startBlock && block < t.endBlock);
  recognizeBudgetTables(doc, seg, policyKey, owners, sink, inRead);
  recognizeAnnualTargetTables(doc, tables, owners, sink);
}

/** The goal already found whose text a table repeats (the same words, perhaps shortened). */
function sameGoal(sink: Sink, goals: readonly GoalRecord[], text: string): GoalRecord | undefined {
  const words = stems(text);
  if (words.size === 0) return undefined;
  let best: { goal: GoalRecord; score: number } | undefined;
  for (const g of goals) {
    const score = overlap(words, stems(String(sink.byKey(g.key)?.fields.text ?? "")));
    if (score >= 0.8 && (!best || score > best.score)) best = { goal: g, score };
  }
  return best?.goal;
}

/** A target written as a change from the baseline ("20 pct. færre end i 2018"), computed. */
function relativeTarget(
  text: string,
  base: Baseline | null,
): { value: number; start: number; end: number } | null {
  if (!base?.value) return null;
  const rule = findRelativeTarget(text);
  if (!rule) return null;
  const year = base.period ? yearOfPeriod(base.period.value) : null;
  const value = applyRelativeTarget(rule, { value: base.value.value.value, year });
  return value === null ? null : { value, start: rule.start, end: rule.end };
}
