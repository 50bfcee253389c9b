// An initiative's annual targets, read in one place for the portal, the registry
// editor and a reporter's answer form (the whole period's targets, with no year,
// first), and the API's list.
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { annualTargets } from "../../db/schema.ts";
import { resourceQueries, when } from "../keysetPage.ts";
import { col, jsonRows, type OrganisationParam, ownedBy } from "../sqlFragments.ts";

const columns = {
  id: annualTargets.id,
  year: annualTargets.year,
  metric: annualTargets.metric,
  targetValue: annualTargets.targetValue,
  actualValue: annualTargets.actualValue,
  unit: annualTargets.unit,
};

// Named with the table, so the order also serves inside a subquery (annualTargetsJson).
const order = [
  sql`${col(annualTargets.year)} asc nulls first`,
  sql`${col(annualTargets.metric)} asc`,
  sql`${col(annualTargets.id)} asc`,
];

/** The initiative's annual targets; with `year`, only that year's and the whole period's. */
export async function annualTargetsOf(ctx: Context, initiativeId: string, opts: { year?: number } = {}) {
  return ctx.db
    .select(columns)
    .from(annualTargets)
    .where(
      and(
        eq(annualTargets.organisationId, ctx.organisationId),
        eq(annualTargets.initiativeId, initiativeId),
        opts.year === undefined
          ? undefined
          : or(isNull(annualTargets.year), eq(annualTargets.year, opts.year)),
      ),
    )
    .orderBy(...order);
}

/** All the initiative's targets as one JSON array, for a page that reads them in the statement of the initiative. */
export const annualTargetsJson = (initiativeId: SQL, organisationId: OrganisationParam) =>
  jsonRows(
    columns,
    sql`FROM ${annualTargets} WHERE ${ownedBy(annualTargets, organisationId)}
      AND ${col(annualTargets.initiativeId)} = ${initiativeId}`,
    order,
  );

/** The metric of each of these annual targets (for answers that name targets by id). */
export async function annualTargetMetrics(ctx: Context, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .select({ id: annualTargets.id, metric: annualTargets.metric })
    .from(annualTargets)
    .where(and(eq(annualTargets.organisationId, ctx.organisationId), inArray(annualTargets.id, ids)));
  return new Map(rows.map((t) => [t.id, t.metric]));
}

export interface AnnualTargetFilters {
  initiative_id?: string;
  year?: number;
}

export const annualTargetQueries = resourceQueries({
  id: annualTargets.id,
  organisationId: annualTargets.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: annualTargets.id,
        initiativeId: annualTargets.initiativeId,
        year: annualTargets.year,
        metric: annualTargets.metric,
        targetValue: annualTargets.targetValue,
        actualValue: annualTargets.actualValue,
        unit: annualTargets.unit,
        fromYear: annualTargets.fromYear,
      })
      .from(annualTargets)
      .where(where)
      .orderBy(asc(annualTargets.id))
      .limit(limit),
  filters: (f: AnnualTargetFilters) => [
    when(f.initiative_id, (v) => eq(annualTargets.initiativeId, v)),
    when(f.year, (v) => eq(annualTargets.year, v)),
  ],
});

export type AnnualTargetRow = NonNullable<Awaited<ReturnType<typeof annualTargetQueries.get>>>;
