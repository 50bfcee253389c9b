// The API's reads of policies, themes and goals.
import { asc, eq, sql } from "drizzle-orm";
import { committees, goalCommittees, goals, policies, themes } from "../db/schema.ts";
import type { GoalKind, PolicyKind, PolicyStatus } from "../domain/enums.ts";
import { resourceQueries, when } from "./apiPage.ts";
import { administrationCode, col, committeeCode, hasAdministrationCode, isoDate, ownedBy } from "./apiSql.ts";

export interface PolicyFilters {
  kind?: PolicyKind;
  status?: PolicyStatus;
  owner_administration?: string;
  parent_policy_id?: string;
}

export const policyQueries = resourceQueries({
  id: policies.id,
  organisationId: policies.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: policies.id,
        title: policies.title,
        kind: policies.kind,
        periodStart: policies.periodStart,
        periodEnd: policies.periodEnd,
        ownerAdministration: administrationCode(policies.ownerAdministrationId, scope.organisationId),
        ownerCommittee: committeeCode(policies.ownerCommitteeId, scope.organisationId),
        parentPolicyId: policies.parentPolicyId,
        adoptedOn: isoDate(policies.adoptedOn),
        documentId: policies.documentId,
        slug: policies.slug,
        status: policies.status,
        followUp: policies.followUp,
        subtitle: policies.subtitle,
        equalityGrounds: policies.equalityGrounds,
      })
      .from(policies)
      .where(where)
      .orderBy(asc(policies.id))
      .limit(limit),
  filters: (f: PolicyFilters, scope) => [
    when(f.kind, (v) => eq(policies.kind, v)),
    when(f.status, (v) => eq(policies.status, v)),
    when(f.owner_administration, (v) =>
      hasAdministrationCode(policies.ownerAdministrationId, v, scope.organisationId),
    ),
    when(f.parent_policy_id, (v) => eq(policies.parentPolicyId, v)),
  ],
});
export type PolicyRow = NonNullable<Awaited<ReturnType<typeof policyQueries.get>>>;

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
