// An initiative's budget lines, read in one place for the portal, the registry
// editor, a reporter's answer form, the committee report and an inquiry's
// answer draft: always within the organisation, the whole period's lines (no
// year) first.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Context } from "../context.ts";
import { budgetLines } from "../db/schema.ts";

const columns = {
  id: budgetLines.id,
  initiativeId: budgetLines.initiativeId,
  year: budgetLines.year,
  amountDkk: budgetLines.amountDkk,
  fte: budgetLines.fte,
  fundingStatus: budgetLines.fundingStatus,
  label: budgetLines.label,
};

const order = [sql`${budgetLines.year} asc nulls first`, asc(budgetLines.label), asc(budgetLines.id)];

export async function budgetLinesOf(ctx: Context, initiativeId: string) {
  return ctx.db
    .select(columns)
    .from(budgetLines)
    .where(
      and(eq(budgetLines.organisationId, ctx.organisationId), eq(budgetLines.initiativeId, initiativeId)),
    )
    .orderBy(...order);
}

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
