// Initiatives of the project bank: the API's list (money per year summed from the
// budget lines), the rule for "runs in a year" in SQL (the browse page's, held to it by a test),
// and a policy's initiatives for the registry's editors.
import { and, asc, eq, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Context } from "../../context.ts";
import { budgetLines, initiativeGoals, initiatives, policies } from "../../db/schema.ts";
import type { EqualityGround, FundingStatus, InitiativeStatus } from "../../domain/enums.ts";
import { resourceQueries, when } from "../keysetPage.ts";
import { administrationCode, col, committeeCode, hasAdministrationCode, ownedBy } from "../sqlFragments.ts";

export interface InitiativeFilters {
  administration?: string;
  policy_id?: string;
  goal_id?: string;
  equality_ground?: EqualityGround;
  funding_status?: FundingStatus;
  status?: InitiativeStatus;
  year?: number;
}

export interface InitiativeBudget {
  year: number | null;
  amount_dkk: number | null;
  fte: number | null;
}

const policyYear = (column: PgColumn, organisationId: string) =>
  sql<number | null>`(SELECT ${col(column)} FROM ${policies}
    WHERE ${col(policies.id)} = ${col(initiatives.policyId)} AND ${ownedBy(policies, organisationId)})`;

/**
 * Runs in `year` (domain/initiativeYears.ts, which the portal's browse page asks in
 * memory), asked in SQL: it has a budget line for the year, or its own period (its
 * policy's where its own is not registered) covers the year; a period with a start
 * and no end counts as its start year only.
 */
export const runsInYear = (year: number, organisationId: string) => {
  const start = sql`coalesce(${col(initiatives.startYear)}, ${policyYear(policies.periodStart, organisationId)})`;
  const end = sql`coalesce(${col(initiatives.endYear)}, ${policyYear(policies.periodEnd, organisationId)}, ${start})`;
  return sql`(EXISTS (SELECT 1 FROM ${budgetLines} WHERE ${col(budgetLines.initiativeId)} = ${col(initiatives.id)}
      AND ${ownedBy(budgetLines, organisationId)} AND ${col(budgetLines.year)} = ${year})
    OR (${start} <= ${year} AND ${end} >= ${year}))`;
};

export const initiativeQueries = resourceQueries({
  id: initiatives.id,
  organisationId: initiatives.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: initiatives.id,
        policyId: initiatives.policyId,
        goalIds: sql<string[]>`ARRAY(SELECT ${col(initiativeGoals.goalId)}::text FROM ${initiativeGoals}
          WHERE ${col(initiativeGoals.initiativeId)} = ${col(initiatives.id)}
            AND ${ownedBy(initiativeGoals, scope.organisationId)} ORDER BY 1)`,
        administration: administrationCode(initiatives.administrationId, scope.organisationId),
        committee: committeeCode(initiatives.committeeId, scope.organisationId),
        title: initiatives.title,
        description: initiatives.description,
        fundingStatus: initiatives.fundingStatus,
        status: initiatives.status,
        targetGroups: initiatives.targetGroups,
        equalityGrounds: initiatives.equalityGrounds,
        partners: initiatives.partners,
        startYear: initiatives.startYear,
        endYear: initiatives.endYear,
        // Money per year (null: the whole period), each year its own figure.
        budget: sql<InitiativeBudget[]>`coalesce((SELECT json_agg(json_build_object(
            'year', y.year, 'amount_dkk', y.amount, 'fte', y.fte) ORDER BY y.year NULLS LAST)
          FROM (SELECT ${col(budgetLines.year)} AS year, sum(${col(budgetLines.amountDkk)})::float8 AS amount,
              sum(${col(budgetLines.fte)})::float8 AS fte
            FROM ${budgetLines} WHERE ${col(budgetLines.initiativeId)} = ${col(initiatives.id)}
              AND ${ownedBy(budgetLines, scope.organisationId)}
            GROUP BY ${col(budgetLines.year)}) y), '[]'::json)`,
        periodStart: policyYear(policies.periodStart, scope.organisationId).mapWith(Number),
        periodEnd: policyYear(policies.periodEnd, scope.organisationId).mapWith(Number),
      })
      .from(initiatives)
      .where(where)
      .orderBy(asc(initiatives.id))
      .limit(limit),
  filters: (f: InitiativeFilters, scope) => [
    when(f.administration, (v) =>
      hasAdministrationCode(initiatives.administrationId, v, scope.organisationId),
    ),
    when(f.policy_id, (v) => eq(initiatives.policyId, v)),
    when(
      f.goal_id,
      (
        v,
      ) => sql`EXISTS (SELECT 1 FROM ${initiativeGoals} WHERE ${col(initiativeGoals.initiativeId)} = ${col(initiatives.id)}
        AND ${ownedBy(initiativeGoals, scope.organisationId)} AND ${col(initiativeGoals.goalId)} = ${v})`,
    ),
    when(f.equality_ground, (v) => sql`${v} = ANY(${col(initiatives.equalityGrounds)})`),
    when(f.funding_status, (v) => eq(initiatives.fundingStatus, v)),
    when(f.status, (v) => eq(initiatives.status, v)),
    when(f.year, (v) => runsInYear(v, scope.organisationId)),
  ],
});

export type InitiativeRow = NonNullable<Awaited<ReturnType<typeof initiativeQueries.get>>>;

export async function initiativesOf(ctx: Context, policyId: string) {
  return ctx.db
    .select({ id: initiatives.id, title: initiatives.title })
    .from(initiatives)
    .where(and(eq(initiatives.policyId, policyId), eq(initiatives.organisationId, ctx.organisationId)))
    .orderBy(asc(initiatives.title));
}
