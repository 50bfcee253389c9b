// An initiative's budget lines, read in one place for the portal, the registry
// editor, a reporter's answer form, the committee report and an inquiry's answer
// draft (the whole period's lines, with no year, first), and the API's list.
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { budgetLines } from "../../db/schema.ts";
import type { FundingStatus } from "../../domain/enums.ts";
import { resourceQueries, when } from "../keysetPage.ts";
import { col, jsonRows, type OrganisationParam, ownedBy } from "../sqlFragments.ts";

const columns = {
  id: budgetLines.id,
  initiativeId: budgetLines.initiativeId,
  year: budgetLines.year,
  amountDkk: budgetLines.amountDkk,
  fte: budgetLines.fte,
  fundingStatus: budgetLines.fundingStatus,
  label: budgetLines.label,
};

/**
 * Lines alike in what orders them first (year, label) by what they say: the larger
 * amount first, then FTE and funding status, so every installation that holds the same
 * lines lists them alike whatever ids they got; the id only parts lines that say the same.
 * Named with the table, so the order also serves inside a subquery (budgetLinesJson).
 */
export const lineTieBreak = [
  sql`${col(budgetLines.amountDkk)} desc nulls last`,
  sql`${col(budgetLines.fte)} desc nulls last`,
  sql`${col(budgetLines.fundingStatus)} asc`,
  sql`${col(budgetLines.id)} asc`,
];

const order = [
  sql`${col(budgetLines.year)} asc nulls first`,
  sql`${col(budgetLines.label)} asc`,
  ...lineTieBreak,
];

export async function budgetLinesOf(ctx: Context, initiativeId: string) {
  return ctx.db
    .select(columns)
    .from(budgetLines)
    .where(
      and(eq(budgetLines.organisationId, ctx.organisationId), eq(budgetLines.initiativeId, initiativeId)),
    )
    .orderBy(...order);
}

/** The same lines as one JSON array, for a page that reads them in the statement of the initiative (`initiativeId`). */
export const budgetLinesJson = (initiativeId: SQL, organisationId: OrganisationParam) =>
  jsonRows(
    columns,
    sql`FROM ${budgetLines} WHERE ${ownedBy(budgetLines, organisationId)}
      AND ${col(budgetLines.initiativeId)} = ${initiativeId}`,
    order,
  );

/**
 * The budget lines of several initiatives at once; with `years`, only those
 * years' lines (the whole period's lines have no year and are left out then).
 */
export async function budgetLinesOfMany(
  ctx: Context,
  initiativeIds: string[],
  opts: { years?: number[] } = {},
) {
  if (!initiativeIds.length || opts.years?.length === 0) return [];
  return ctx.db
    .select(columns)
    .from(budgetLines)
    .where(
      and(
        eq(budgetLines.organisationId, ctx.organisationId),
        inArray(budgetLines.initiativeId, initiativeIds),
        opts.years === undefined ? undefined : inArray(budgetLines.year, opts.years),
      ),
    )
    .orderBy(asc(budgetLines.initiativeId), ...order);
}

export interface BudgetLineFilters {
  initiative_id?: string;
  year?: number;
  funding_status?: FundingStatus;
}

export const budgetLineQueries = resourceQueries({
  id: budgetLines.id,
  organisationId: budgetLines.organisationId,
  select: (scope, where, limit) =>
    scope.db.select(columns).from(budgetLines).where(where).orderBy(asc(budgetLines.id)).limit(limit),
  filters: (f: BudgetLineFilters) => [
    when(f.initiative_id, (v) => eq(budgetLines.initiativeId, v)),
    when(f.year, (v) => eq(budgetLines.year, v)),
    when(f.funding_status, (v) => eq(budgetLines.fundingStatus, v)),
  ],
});

export type BudgetLineRow = NonNullable<Awaited<ReturnType<typeof budgetLineQueries.get>>>;
