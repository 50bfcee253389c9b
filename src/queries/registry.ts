// Reads of the registry for the public portal: only accepted rows exist in these
// tables (candidates live apart), so everything here may be shown publicly.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { administrations, goals, initiatives, policies, themes } from "../db/schema.ts";

export async function listPolicies(db: Executor, organisationId: string) {
  return db
    .select({
      id: policies.id,
      slug: policies.slug,
      title: policies.title,
      kind: policies.kind,
      periodStart: policies.periodStart,
      periodEnd: policies.periodEnd,
      parentPolicyId: policies.parentPolicyId,
      ownerCode: administrations.code,
      ownerName: administrations.name,
    })
    .from(policies)
    .leftJoin(administrations, eq(administrations.id, policies.ownerAdministrationId))
    .where(eq(policies.organisationId, organisationId))
    .orderBy(asc(policies.periodStart), asc(policies.title));
}

/** Policies with their themes, goals and initiatives, for the registry overview. */
export async function registryOverview(db: Executor, organisationId: string) {
  const policyRows = await listPolicies(db, organisationId);
  const ids = policyRows.map((p) => p.id);
  if (ids.length === 0) return [];
  const [themeRows, goalRows, initiativeRows] = await Promise.all([
    db
      .select()
      .from(themes)
      .where(and(eq(themes.organisationId, organisationId), inArray(themes.policyId, ids)))
      .orderBy(asc(themes.number)),
    db
      .select({
        id: goals.id,
        policyId: goals.policyId,
        themeId: goals.themeId,
        number: goals.number,
        text: goals.text,
      })
      .from(goals)
      .where(and(eq(goals.organisationId, organisationId), inArray(goals.policyId, ids)))
      .orderBy(asc(goals.sortOrder), asc(goals.number)),
    db
      .select({
        id: initiatives.id,
        policyId: initiatives.policyId,
        title: initiatives.title,
        fundingStatus: initiatives.fundingStatus,
        status: initiatives.status,
        administrationCode: administrations.code,
      })
      .from(initiatives)
      .leftJoin(administrations, eq(administrations.id, initiatives.administrationId))
      .where(and(eq(initiatives.organisationId, organisationId), inArray(initiatives.policyId, ids)))
      .orderBy(asc(administrations.code), asc(initiatives.title)),
  ]);
  return policyRows.map((policy) => ({
    ...policy,
    themes: themeRows.filter((t) => t.policyId === policy.id),
    goals: goalRows.filter((g) => g.policyId === policy.id),
    initiatives: initiativeRows.filter((i) => i.policyId === policy.id),
  }));
}
