// A policy's themes (pejlemærker): the API's list and the registry editor's choices.
import { and, asc, eq } from "drizzle-orm";
import type { Context } from "../context.ts";
import { themes } from "../db/schema.ts";
import { resourceQueries, when } from "./keysetPage.ts";

export interface ThemeFilters {
  policy_id?: string;
}

export const themeQueries = resourceQueries({
  id: themes.id,
  organisationId: themes.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: themes.id,
        policyId: themes.policyId,
        number: themes.number,
        title: themes.title,
        description: themes.description,
      })
      .from(themes)
      .where(where)
      .orderBy(asc(themes.id))
      .limit(limit),
  filters: (f: ThemeFilters) => [when(f.policy_id, (v) => eq(themes.policyId, v))],
});

export type ThemeRow = NonNullable<Awaited<ReturnType<typeof themeQueries.get>>>;

export async function themesOf(ctx: Context, policyId: string) {
  return ctx.db
    .select({ id: themes.id, number: themes.number, title: themes.title })
    .from(themes)
    .where(and(eq(themes.policyId, policyId), eq(themes.organisationId, ctx.organisationId)))
    .orderBy(asc(themes.number));
}
