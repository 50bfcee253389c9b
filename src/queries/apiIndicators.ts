// The API's reads of indicators and their observations. Suppression of small counts
// is the presenter's job (it needs only the row); here the rows are read as stored.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { goals, indicators, observations } from "../db/schema.ts";
import type { ProgressObservationRow } from "../domain/indicatorProgress.ts";
import { resourceQueries, when } from "./apiPage.ts";
import { inOrganisation } from "./scope.ts";

export interface IndicatorFilters {
  goal_id?: string;
  policy_id?: string;
}

export const indicatorQueries = resourceQueries({
  id: indicators.id,
  organisationId: indicators.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: indicators.id,
        goalId: indicators.goalId,
        title: indicators.title,
        unit: indicators.unit,
        direction: indicators.direction,
        baselineValue: indicators.baselineValue,
        baselinePeriod: indicators.baselinePeriod,
        targetValue: indicators.targetValue,
        targetPeriod: indicators.targetPeriod,
        source: indicators.source,
        // What the progress rule needs, so the API computes progress as the portal does.
        observations: sql<ProgressObservationRow[]>`coalesce((
          select json_agg(json_build_object('period', o.period, 'value', o.value,
            'disaggregation', o.disaggregation, 'n', o.n) order by o.year, o.period)
          from ${observations} o where o.indicator_id = "indicators"."id"
            and o.organisation_id = ${scope.organisationId}), '[]'::json)`,
      })
      .from(indicators)
      .where(where)
      .orderBy(asc(indicators.id))
      .limit(limit),
  filters: (f: IndicatorFilters, scope) => [
    when(f.goal_id, (v) => eq(indicators.goalId, v)),
    when(f.policy_id, (v) =>
      inArray(
        indicators.goalId,
        scope.db
          .select({ id: goals.id })
          .from(goals)
          .where(and(inOrganisation(goals, scope.organisationId), eq(goals.policyId, v))),
      ),
    ),
  ],
});
export type IndicatorRow = NonNullable<Awaited<ReturnType<typeof indicatorQueries.get>>>;

export interface ObservationFilters {
  indicator_id?: string;
  goal_id?: string;
  period?: string;
  disaggregation?: string;
}

export const observationQueries = resourceQueries({
  id: observations.id,
  organisationId: observations.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: observations.id,
        indicatorId: observations.indicatorId,
        period: observations.period,
        value: observations.value,
        disaggregation: observations.disaggregation,
        n: observations.n,
        footnote: observations.footnote,
        source: observations.source,
      })
      .from(observations)
      .where(where)
      .orderBy(asc(observations.id))
      .limit(limit),
  filters: (f: ObservationFilters, scope) => [
    when(f.indicator_id, (v) => eq(observations.indicatorId, v)),
    when(f.goal_id, (v) =>
      inArray(
        observations.indicatorId,
        scope.db
          .select({ id: indicators.id })
          .from(indicators)
          .where(and(inOrganisation(indicators, scope.organisationId), eq(indicators.goalId, v))),
      ),
    ),
    when(f.period, (v) => eq(observations.period, v)),
    when(f.disaggregation, (v) => eq(observations.disaggregation, v)),
  ],
});
export type ObservationRow = NonNullable<Awaited<ReturnType<typeof observationQueries.get>>>;
