// The API's reads of the project bank: initiatives, their budget lines and annual
// targets. The initiative filters are those of the portal's browse page.
import { asc, eq, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { annualTargets, budgetLines, initiativeGoals, initiatives, policies } from "../db/schema.ts";
import type { EqualityGround, FundingStatus, InitiativeStatus } from "../domain/enums.ts";
import { resourceQueries, when } from "./apiPage.ts";
import { administrationCode, col, committeeCode, hasAdministrationCode, ownedBy } from "./apiSql.ts";

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
 * Runs in `year`, as on the portal's browse page: it has a budget line for the year, or
 * its own period (its policy's where its own is not registered) covers the year; a
 * period with a start and no end counts as its start year only.
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

export interface BudgetLineFilters {
  initiative_id?: string;
  year?: number;
  funding_status?: FundingStatus;
}

export const budgetLineQueries = resourceQueries({
  id: budgetLines.id,
  organisationId: budgetLines.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: budgetLines.id,
        initiativeId: budgetLines.initiativeId,
        year: budgetLines.year,
        amountDkk: budgetLines.amountDkk,
        fte: budgetLines.fte,
        fundingStatus: budgetLines.fundingStatus,
        label: budgetLines.label,
      })
      .from(budgetLines)
      .where(where)
      .orderBy(asc(budgetLines.id))
      .limit(limit),
  filters: (f: BudgetLineFilters) => [
    when(f.initiative_id, (v) => eq(budgetLines.initiativeId, v)),
    when(f.year, (v) => eq(budgetLines.year, v)),
    when(f.funding_status, (v) => eq(budgetLines.fundingStatus, v)),
  ],
});
export type BudgetLineRow = NonNullable<Awaited<ReturnType<typeof budgetLineQueries.get>>>;

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
