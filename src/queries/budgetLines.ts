// An initiative's budget lines, read in one place for the portal, the registry
// editor and a reporter's answer form: always within the organisation, the
// whole period's lines (no year) first.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Context } from "../context.ts";
import { budgetLines } from "../db/schema.ts";

export async function budgetLinesOf(ctx: Context, initiativeId: string) {
  return ctx.db
    .select({
      id: budgetLines.id,
      year: budgetLines.year,
      amountDkk: budgetLines.amountDkk,
      fte: budgetLines.fte,
      fundingStatus: budgetLines.fundingStatus,
      label: budgetLines.label,
    })
    .from(budgetLines)
    .where(
      and(eq(budgetLines.organisationId, ctx.organisationId), eq(budgetLines.initiativeId, initiativeId)),
    )
    .orderBy(sql`${budgetLines.year} asc nulls first`, asc(budgetLines.label), asc(budgetLines.id));
}
