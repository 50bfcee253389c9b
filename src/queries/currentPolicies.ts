// The organisation's current policies (domain/currentPolicies.ts decides which).
import { eq } from "drizzle-orm";
import type { Context } from "../context.ts";
import { policies } from "../db/schema.ts";
import { type CurrentSpan, currentPolicyIds, currentSpan } from "../domain/currentPolicies.ts";
import { todayInDenmark } from "../domain/danishDate.ts";

export interface CurrentPolicies {
  ids: string[];
  span: CurrentSpan | null;
}

export async function currentPolicies(ctx: Context, thisYear?: number): Promise<CurrentPolicies> {
  const year = thisYear ?? Number(todayInDenmark().slice(0, 4));
  const rows = await ctx.db
    .select({
      id: policies.id,
      status: policies.status,
      periodStart: policies.periodStart,
      periodEnd: policies.periodEnd,
    })
    .from(policies)
    .where(eq(policies.organisationId, ctx.organisationId));
  return { ids: currentPolicyIds(rows, year), span: currentSpan(rows, year) };
}
