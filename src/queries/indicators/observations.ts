// Observations (målinger): the API's list, read as stored (suppression of small
// counts is the presenter's job), and an indicator's observations for its editor.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { indicators, observations } from "../../db/schema.ts";
import { resourceQueries, when } from "../keysetPage.ts";
import { inOrganisation } from "../scope.ts";

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

export async function observationsOf(ctx: Context, indicatorId: string) {
  return ctx.db
    .select()
    .from(observations)
    .where(
      and(eq(observations.indicatorId, indicatorId), eq(observations.organisationId, ctx.organisationId)),
    )
    .orderBy(asc(observations.year), asc(observations.period), asc(observations.disaggregation));
}
