// A goal's indicators, read in one place for the registry editor and a
// reporter's answer form: always within the organisation, by title.
import { and, asc, eq } from "drizzle-orm";
import type { Context } from "../context.ts";
import { indicators } from "../db/schema.ts";

export async function indicatorsOf(ctx: Context, goalId: string) {
  return ctx.db
    .select({ id: indicators.id, title: indicators.title, unit: indicators.unit })
    .from(indicators)
    .where(and(eq(indicators.organisationId, ctx.organisationId), eq(indicators.goalId, goalId)))
    .orderBy(asc(indicators.title));
}
