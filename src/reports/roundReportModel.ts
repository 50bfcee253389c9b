// The committee status report of a round, as data: what the HTML and the Word
// document both render. Built only from the database, so a locked round gives
// the same report every time.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Context } from "../context.ts";
import {
  administrations,
  goals,
  indicators,
  initiatives,
  observations,
  policies,
  themes,
} from "../db/schema.ts";
import { todayInDenmark } from "../domain/danishDate.ts";
import type { ProgressStatus, Rating, RoundKind } from "../domain/enums.ts";
import { indicatorProgress } from "../domain/indicatorProgress.ts";
import { roundKindLabels } from "../domain/labels.ts";
import { parsePeriod } from "../domain/period.ts";
import { answerCounts } from "../domain/roundState.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../domain/suppression.ts";
import { budgetLinesOfMany } from "../queries/initiatives/budgetLines.ts";
import { roundAnswers } from "../queries/rounds/answers.ts";
import { getRound, roundBoard } from "../queries/rounds/rounds.ts";

export interface ReportIndicator {
  id: string;
  title: string;
  unit: string | null;
  baseline: { value: number; period: string } | null;
  target: { value: number; period: string } | null;
  observations: { period: string; value: number; n: number | null }[];
  status: ProgressStatus;
  explanation: string;
}

export interface ReportAnswer {
  administrationCode: string;
  subject: string;
  kind: "initiative" | "goal";
  state: string;
  rating: Rating | null;
  progressPct: number | null;
  narrative: string | null;
  spendDkk: number | null;
  fte: number | null;
  returnComment: string | null;
  fundingStatus: string | null;
}

/** Money per administration: planned in the registry for the round's period, and as reported. */
export interface ReportMoney {
  plannedDkk: number | null;
  plannedFte: number | null;
  spendDkk: number | null;
  fte: number | null;
}

export interface RoundReport {
  /** "Årlig status 2025 for <policy>": what the committee reads first. */
  title: string;
  /** The round's own name, when it has one. */
  roundTitle: string | null;
  /** The years the round's period covers (for the planned budget). */
  periodYears: number[];
  policyTitle: string;
  period: string;
  kind: string;
  deadline: string;
  state: string;
  isExample: boolean;
  /** Counts below this are withheld (shown by suppressionMarker), as on the portal. */
  suppressionThreshold: number;
  /** The date the report was made: when the round was locked (so it regenerates identically), else today. */
  asOf: string;
  ratingCounts: Partial<Record<Rating | "none", number>>;
  progressCounts: Partial<Record<ProgressStatus, number>>;
  administrations: {
    code: string;
    name: string;
    total: number;
    submitted: number;
    accepted: number;
    answers: ReportAnswer[];
    money: ReportMoney;
  }[];
  themes: {
    number: number | null;
    title: string;
    goals: { text: string; indicators: ReportIndicator[] }[];
  }[];
  awaitingFunding: { title: string; administrationCode: string; fundingStatus: string }[];
}

/** The calendar years a round's period covers: "2025" → [2025], "2019-2022" → 2019…2022. */
export function periodYearsOf(period: string): number[] {
  const p = parsePeriod(period);
  if (!p.ok) return [];
  const v = p.value;
  if (v.kind === "year" || v.kind === "quarter") return [v.year];
  return Array.from({ length: v.end - v.start + 1 }, (_, k) => v.start + k);
}

const addOrNull = (a: number | null, b: number | null | undefined) =>
  b === null || b === undefined ? a : (a ?? 0) + b;

export async function buildRoundReport(
  ctx: Context,
  roundId: string,
  opts: { today?: string; threshold?: number } = {},
): Promise<RoundReport> {
  const threshold = opts.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const round = await getRound(ctx, roundId);
  const [policy] = await ctx.db
    .select()
    .from(policies)
    .where(and(eq(policies.organisationId, ctx.organisationId), eq(policies.id, round.policyId)));
  const { rows: board } = await roundBoard(ctx, round.id, round.deadline);
  const answers = await roundAnswers(ctx, round.id);
  const initiativeIds = answers.map((a) => a.report.initiativeId).filter((id): id is string => !!id);
  const funding = initiativeIds.length
    ? await ctx.db
        .select({
          id: initiatives.id,
          fundingStatus: initiatives.fundingStatus,
          title: initiatives.title,
          code: administrations.code,
        })
        .from(initiatives)
        .leftJoin(administrations, eq(administrations.id, initiatives.administrationId))
        .where(
          and(eq(initiatives.organisationId, ctx.organisationId), inArray(initiatives.id, initiativeIds)),
        )
        .orderBy(asc(administrations.code), asc(initiatives.title))
    : [];
  const fundingById = new Map(funding.map((f) => [f.id, f.fundingStatus]));
  const periodYears = periodYearsOf(round.period);
  // Planned money of the period per administration, read within the organisation.
  const codeById = new Map(funding.flatMap((f) => (f.code === null ? [] : [[f.id, f.code] as const])));
  const planned = (await budgetLinesOfMany(ctx, initiativeIds, { years: periodYears })).flatMap((l) => {
    const code = codeById.get(l.initiativeId);
    return code === undefined ? [] : [{ code, amountDkk: l.amountDkk, fte: l.fte }];
  });

  const reportAnswers: ReportAnswer[] = answers.map((a) => {
    // A draft or a returned answer is still the reporter's work in progress:
    // the committee sees that it is missing, never its unfinished content.
    const given = answerCounts(a.report.state);
    const numbers = (given ? a.report.numbers : {}) as { spendDkk?: number | null; fte?: number | null };
    return {
      administrationCode: a.administrationCode,
      subject: a.initiativeTitle ?? a.goalText ?? "",
      kind: a.report.initiativeId ? "initiative" : "goal",
      state: a.report.state,
      rating: given ? (a.report.rating as Rating | null) : null,
      progressPct: given ? a.report.progressPct : null,
      narrative: given ? a.report.narrative : null,
      spendDkk: numbers.spendDkk ?? null,
      fte: numbers.fte ?? null,
      returnComment: a.report.returnComment,
      fundingStatus: a.report.initiativeId ? (fundingById.get(a.report.initiativeId) ?? null) : null,
    };
  });
  const ratingCounts: RoundReport["ratingCounts"] = {};
  for (const a of reportAnswers)
    ratingCounts[a.rating ?? "none"] = (ratingCounts[a.rating ?? "none"] ?? 0) + 1;

  const reportThemes = await themesWithIndicators(ctx, round.policyId, threshold);
  const progressCounts: RoundReport["progressCounts"] = {};
  for (const t of reportThemes)
    for (const g of t.goals)
      for (const i of g.indicators) progressCounts[i.status] = (progressCounts[i.status] ?? 0) + 1;

  const moneyOf = (code: string): ReportMoney => {
    const money: ReportMoney = { plannedDkk: null, plannedFte: null, spendDkk: null, fte: null };
    for (const l of planned.filter((l) => l.code === code)) {
      money.plannedDkk = addOrNull(money.plannedDkk, l.amountDkk);
      money.plannedFte = addOrNull(money.plannedFte, l.fte);
    }
    for (const a of reportAnswers.filter((a) => a.administrationCode === code)) {
      money.spendDkk = addOrNull(money.spendDkk, a.spendDkk);
      money.fte = addOrNull(money.fte, a.fte);
    }
    return money;
  };

  return {
    title: `${roundKindLabels[round.kind as RoundKind] ?? "Status"} ${round.period} for ${policy!.title}`,
    roundTitle: round.title,
    periodYears,
    policyTitle: policy!.title,
    period: round.period,
    kind: round.kind,
    deadline: round.deadline,
    state: round.state,
    isExample: round.isExample,
    suppressionThreshold: threshold,
    asOf: round.lockedAt ? todayInDenmark(new Date(round.lockedAt)) : (opts.today ?? todayInDenmark()),
    ratingCounts,
    progressCounts,
    administrations: board.map((b) => ({
      code: b.code,
      name: b.name,
      total: b.total,
      submitted: b.submitted,
      accepted: b.accepted,
      answers: reportAnswers.filter((a) => a.administrationCode === b.code),
      money: moneyOf(b.code),
    })),
    themes: reportThemes,
    awaitingFunding: funding
      .filter(
        (f) => f.fundingStatus === "requires_separate_funding" || f.fundingStatus === "in_budget_process",
      )
      .map((f) => ({ title: f.title, administrationCode: f.code ?? "", fundingStatus: f.fundingStatus })),
  };
}

async function themesWithIndicators(
  ctx: Context,
  policyId: string,
  threshold: number,
): Promise<RoundReport["themes"]> {
  const org = ctx.organisationId;
  const [themeRows, goalRows] = await Promise.all([
    ctx.db
      .select()
      .from(themes)
      .where(and(eq(themes.organisationId, org), eq(themes.policyId, policyId)))
      .orderBy(asc(themes.number)),
    ctx.db
      .select()
      .from(goals)
      .where(and(eq(goals.organisationId, org), eq(goals.policyId, policyId)))
      .orderBy(asc(goals.sortOrder), asc(goals.number)),
  ]);
  const goalIds = goalRows.map((g) => g.id);
  const indicatorRows = goalIds.length
    ? await ctx.db
        .select()
        .from(indicators)
        .where(inArray(indicators.goalId, goalIds))
        .orderBy(asc(indicators.title))
    : [];
  const observationRows = indicatorRows.length
    ? await ctx.db
        .select()
        .from(observations)
        .where(
          and(
            inArray(
              observations.indicatorId,
              indicatorRows.map((i) => i.id),
            ),
          ),
        )
        .orderBy(asc(observations.year), asc(observations.period))
    : [];
  const toIndicator = (i: (typeof indicatorRows)[number]): ReportIndicator => {
    const all = observationRows.filter((o) => o.indicatorId === i.id);
    // The table shows the total; progress is the portal's rule over every series.
    const obs = all.filter((o) => o.disaggregation === "");
    const baseline =
      i.baselineValue !== null && i.baselinePeriod
        ? { value: i.baselineValue, period: i.baselinePeriod }
        : null;
    const target =
      i.targetValue !== null && i.targetPeriod ? { value: i.targetValue, period: i.targetPeriod } : null;
    const progress = indicatorProgress(i, all, threshold);
    return {
      id: i.id,
      title: i.title,
      unit: i.unit,
      baseline,
      target,
      observations: obs.map((o) => ({ period: o.period, value: o.value, n: o.n })),
      status: progress.status,
      explanation: progress.explanation,
    };
  };
  const goalsOf = (themeId: string | null) =>
    goalRows
      .filter((g) => g.themeId === themeId)
      .map((g) => ({
        text: g.text,
        indicators: indicatorRows.filter((i) => i.goalId === g.id).map(toIndicator),
      }));
  const result: RoundReport["themes"] = themeRows.map((t) => ({
    number: t.number,
    title: t.title,
    goals: goalsOf(t.id),
  }));
  const loose = goalsOf(null);
  if (loose.length) result.push({ number: null, title: "Mål uden tema", goals: loose });
  return result;
}
