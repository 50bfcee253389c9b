// Indicators with their observations and computed progress, for the portal.
// Progress is never stored: it is computed here from baseline, target,
// direction and observations by the domain rule (domain/progress.ts).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import type { Executor } from "../../db/client.ts";
import { goals, indicators, observations } from "../../db/schema.ts";
import type { ProgressStatus } from "../../domain/enums.ts";
import { indicatorProgress } from "../../domain/indicatorProgress.ts";
import type { IndicatorProgress } from "../../domain/progress.ts";

export interface ObservationRow {
  id: string;
  indicatorId: string;
  period: string;
  year: number;
  value: number;
  disaggregation: string;
  n: number | null;
  footnote: string | null;
  source: string | null;
}

export interface IndicatorRow {
  id: string;
  goalId: string;
  policyId: string;
  title: string;
  unit: string | null;
  direction: string;
  baselineValue: number | null;
  baselinePeriod: string | null;
  targetValue: number | null;
  targetPeriod: string | null;
  source: string | null;
}

export interface IndicatorWithProgress extends IndicatorRow {
  observations: ObservationRow[];
  progress: IndicatorProgress;
}

export const indicatorColumns = {
  id: indicators.id,
  goalId: indicators.goalId,
  policyId: goals.policyId,
  title: indicators.title,
  unit: indicators.unit,
  direction: indicators.direction,
  baselineValue: indicators.baselineValue,
  baselinePeriod: indicators.baselinePeriod,
  targetValue: indicators.targetValue,
  targetPeriod: indicators.targetPeriod,
  source: indicators.source,
};

export const observationColumns = {
  id: observations.id,
  indicatorId: observations.indicatorId,
  period: observations.period,
  year: observations.year,
  value: observations.value,
  disaggregation: observations.disaggregation,
  n: observations.n,
  footnote: observations.footnote,
  source: observations.source,
};

export function withProgress(
  indicator: IndicatorRow,
  obs: ObservationRow[],
  threshold: number,
): IndicatorWithProgress {
  return {
    ...indicator,
    observations: obs,
    progress: indicatorProgress(indicator, obs, threshold),
  };
}

/** An observation as far as progress and the latest value read it. */
export type ProgressObservation = Pick<ObservationRow, "period" | "year" | "value" | "disaggregation" | "n">;

/**
 * An indicator with its progress, and the observations progress is computed from: the total
 * series when it has one, otherwise every breakdown (domain/indicatorProgress.ts).
 */
export interface MeasuredIndicator extends IndicatorRow {
  observations: ProgressObservation[];
  progress: IndicatorProgress;
}

/** Every indicator of the given policies (all of the organisation's when omitted), with progress. */
export async function indicatorsWithProgress(
  ctx: Context,
  policyIds: readonly string[] | undefined,
  threshold: number,
): Promise<MeasuredIndicator[]> {
  if (policyIds && policyIds.length === 0) return [];
  const byOrganisation = await measuredIndicators(ctx.db, [ctx.organisationId], policyIds, threshold);
  return byOrganisation.get(ctx.organisationId) ?? [];
}

/**
 * Every indicator of each organisation, with progress, by organisation: the national pages
 * read many organisations' in the same two queries as one's.
 */
export function indicatorsOfOrganisations(
  db: Executor,
  organisationIds: readonly string[],
  threshold: number,
): Promise<Map<string, MeasuredIndicator[]>> {
  return measuredIndicators(db, organisationIds, undefined, threshold);
}

type ObservationTuple = [
  period: string,
  year: number,
  value: number,
  disaggregation: string,
  n: number | null,
];

function observationList(list: string | null): ProgressObservation[] {
  if (!list) return [];
  return (JSON.parse(list) as ObservationTuple[]).map(([period, year, value, disaggregation, n]) => ({
    period,
    year,
    value,
    disaggregation,
    n,
  }));
}

async function measuredIndicators(
  db: Executor,
  organisationIds: readonly string[],
  policyIds: readonly string[] | undefined,
  threshold: number,
): Promise<Map<string, MeasuredIndicator[]>> {
  const out = new Map<string, MeasuredIndicator[]>(organisationIds.map((id) => [id, []]));
  if (organisationIds.length === 0) return out;
  const scope = and(
    inArray(indicators.organisationId, [...organisationIds]),
    eq(goals.organisationId, indicators.organisationId),
    policyIds ? inArray(goals.policyId, [...policyIds]) : undefined,
  );
  const tuple = sql`json_build_array(${observations.period}, ${observations.year}, ${observations.value}, ${observations.disaggregation}, ${observations.n}) order by ${observations.year}, ${observations.period}`;
  const [rows, totalRows] = await Promise.all([
    db
      .select({ ...indicatorColumns, organisationId: indicators.organisationId })
      .from(indicators)
      .innerJoin(goals, eq(goals.id, indicators.goalId))
      .where(scope)
      .orderBy(asc(indicators.title)),
    // One row per indicator that has observations, its total series as one JSON array (thousands
    // of rows cost more to carry out of the database, PGlite above all, than to read): null when
    // all it has are breakdowns.
    // Only the columns progress reads: the whole rows were three times the bytes and twice the time.
    db
      .select({
        indicatorId: observations.indicatorId,
        list: sql<
          string | null
        >`(json_agg(${tuple}) filter (where ${observations.disaggregation} = ''))::text`,
      })
      .from(observations)
      .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
      .innerJoin(goals, eq(goals.id, indicators.goalId))
      .where(and(eq(observations.organisationId, indicators.organisationId), scope))
      .groupBy(observations.indicatorId),
  ]);
  const byIndicator = new Map(totalRows.map((r) => [r.indicatorId, observationList(r.list)]));
  // An indicator measured only in breakdowns: its progress is read from them.
  const onlyBreakdowns = totalRows.filter((r) => r.list === null).map((r) => r.indicatorId);
  if (onlyBreakdowns.length) {
    const breakdownRows = await db
      .select({ indicatorId: observations.indicatorId, list: sql<string>`json_agg(${tuple})::text` })
      .from(observations)
      .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
      .where(
        and(
          inArray(indicators.organisationId, [...organisationIds]),
          eq(observations.organisationId, indicators.organisationId),
          inArray(observations.indicatorId, onlyBreakdowns),
        ),
      )
      .groupBy(observations.indicatorId);
    for (const r of breakdownRows) byIndicator.set(r.indicatorId, observationList(r.list));
  }
  for (const { organisationId, ...row } of rows) {
    const obs = byIndicator.get(row.id) ?? [];
    out
      .get(organisationId)!
      .push({ ...row, observations: obs, progress: indicatorProgress(row, obs, threshold) });
  }
  return out;
}

export function countByStatus(items: readonly { progress: { status: ProgressStatus } }[]) {
  const counts = new Map<ProgressStatus, number>();
  for (const item of items) counts.set(item.progress.status, (counts.get(item.progress.status) ?? 0) + 1);
  return counts;
}
