// Indicators: the API's list (with what the progress rule needs, so the API computes
// progress as the portal does) and a goal's indicators for the registry editor and a
// reporter's answer form.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { goals, indicators, observations } from "../../db/schema.ts";
import type { ProgressObservationRow } from "../../domain/indicatorProgress.ts";
import { resourceQueries, when } from "../keysetPage.ts";
import { inOrganisation } from "../scope.ts";
import { indicatorColumns } from "./progress.ts";

export interface IndicatorFilters {
  goal_id?: string;
  policy_id?: string;
}

// The indicator's columns but its policy's: the list reads the indicators alone.
const { policyId: _policyId, ...ownColumns } = indicatorColumns;

export const indicatorQueries = resourceQueries({
  id: indicators.id,
  organisationId: indicators.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        ...ownColumns,
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

export async function indicatorsOf(ctx: Context, goalId: string) {
  return ctx.db
    .select({ id: indicators.id, title: indicators.title, unit: indicators.unit })
    .from(indicators)
    .where(and(eq(indicators.organisationId, ctx.organisationId), eq(indicators.goalId, goalId)))
    .orderBy(asc(indicators.title));
}
