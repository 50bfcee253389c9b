// Goals: the API's list (with their committees by code), a policy's goals for the
// registry's editors, and the goals an initiative is linked to.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Context } from "../context.ts";
import { committees, goalCommittees, goals, initiativeGoals } from "../db/schema.ts";
import type { GoalKind } from "../domain/enums.ts";
import { resourceQueries, when } from "./keysetPage.ts";
import { inOrganisation } from "./scope.ts";
import { administrationCode, col, ownedBy } from "./sqlFragments.ts";

export interface GoalFilters {
  policy_id?: string;
  theme_id?: string;
  kind?: GoalKind;
  committee?: string;
}

const goalCommitteeCodes = (organisationId: string) => sql<string[]>`ARRAY(
  SELECT ${col(committees.code)} FROM ${goalCommittees}
  JOIN ${committees} ON ${col(committees.id)} = ${col(goalCommittees.committeeId)}
    AND ${ownedBy(committees, organisationId)}
  WHERE ${col(goalCommittees.goalId)} = ${col(goals.id)} AND ${ownedBy(goalCommittees, organisationId)} ORDER BY 1)`;

export const goalQueries = resourceQueries({
  id: goals.id,
  organisationId: goals.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: goals.id,
        policyId: goals.policyId,
        themeId: goals.themeId,
        kind: goals.kind,
        number: goals.number,
        text: goals.text,
        committees: goalCommitteeCodes(scope.organisationId),
        administration: administrationCode(goals.administrationId, scope.organisationId),
        sortOrder: goals.sortOrder,
      })
      .from(goals)
      .where(where)
      .orderBy(asc(goals.id))
      .limit(limit),
  filters: (f: GoalFilters, scope) => [
    when(f.policy_id, (v) => eq(goals.policyId, v)),
    when(f.theme_id, (v) => eq(goals.themeId, v)),
    when(f.kind, (v) => eq(goals.kind, v)),
    when(f.committee, (v) => sql`${v} = ANY(${goalCommitteeCodes(scope.organisationId)})`),
  ],
});

export type GoalRow = NonNullable<Awaited<ReturnType<typeof goalQueries.get>>>;

export async function goalsOf(ctx: Context, policyId: string) {
  return ctx.db
    .select({ id: goals.id, number: goals.number, text: goals.text, themeId: goals.themeId })
    .from(goals)
    .where(and(eq(goals.policyId, policyId), eq(goals.organisationId, ctx.organisationId)))
    .orderBy(asc(goals.sortOrder), asc(goals.number), asc(goals.text));
}

export async function goalIdsOf(ctx: Context, initiativeId: string) {
  const rows = await ctx.db
    .select({ goalId: initiativeGoals.goalId })
    .from(initiativeGoals)
    .where(
      and(
        inOrganisation(initiativeGoals, ctx.organisationId),
        eq(initiativeGoals.initiativeId, initiativeId),
      ),
    );
  return rows.map((r) => r.goalId).sort();
}
