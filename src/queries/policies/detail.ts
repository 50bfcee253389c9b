// One policy for the public portal with everything under it: themes → goals →
// indicators with progress, initiatives, related policies, budget, documents and sources.
import { and, asc, eq, or } from "drizzle-orm";
import type { Context } from "../../context.ts";
import {
  administrations,
  committees,
  goalCommittees,
  goals,
  initiatives,
  policies,
  themes,
} from "../../db/schema.ts";
import { documentsByIds } from "../documents.ts";
import { type IndicatorWithProgress, indicatorsWithProgress } from "../indicators/progress.ts";
import { sourcesOf } from "../provenance.ts";
import { inOrganisation } from "../scope.ts";
import { policyBudget } from "./budget.ts";
import { policyQuery } from "./policies.ts";

export interface GoalRow {
  id: string;
  themeId: string | null;
  kind: string;
  number: string | null;
  text: string;
  administrationCode: string | null;
  committees: { code: string; name: string }[];
  indicators: IndicatorWithProgress[];
}

export interface PolicyInitiative {
  id: string;
  title: string;
  fundingStatus: string;
  status: string;
  administrationCode: string | null;
  administrationName: string | null;
}

/** One policy with themes → goals → indicators, initiatives, related policies, documents and sources. */
export async function policyDetail(ctx: Context, slug: string, threshold: number) {
  const [policy] = await policyQuery(ctx)
    .where(and(eq(policies.organisationId, ctx.organisationId), eq(policies.slug, slug)))
    .limit(1);
  if (!policy) return undefined;
  const org = ctx.organisationId;
  const [themeRows, goalRows, committeeRows, indicatorRows, initiativeRows, related] = await Promise.all([
    ctx.db
      .select({ id: themes.id, number: themes.number, title: themes.title, description: themes.description })
      .from(themes)
      .where(and(eq(themes.organisationId, org), eq(themes.policyId, policy.id)))
      .orderBy(asc(themes.number)),
    ctx.db
      .select({
        id: goals.id,
        themeId: goals.themeId,
        kind: goals.kind,
        number: goals.number,
        text: goals.text,
        administrationCode: administrations.code,
      })
      .from(goals)
      .leftJoin(
        administrations,
        and(eq(administrations.id, goals.administrationId), inOrganisation(administrations, org)),
      )
      .where(and(eq(goals.organisationId, org), eq(goals.policyId, policy.id)))
      .orderBy(asc(goals.sortOrder), asc(goals.number)),
    ctx.db
      .select({ goalId: goalCommittees.goalId, code: committees.code, name: committees.name })
      .from(goalCommittees)
      .innerJoin(
        committees,
        and(eq(committees.id, goalCommittees.committeeId), inOrganisation(committees, org)),
      )
      .innerJoin(goals, and(eq(goals.id, goalCommittees.goalId), inOrganisation(goals, org)))
      .where(and(eq(goalCommittees.organisationId, org), eq(goals.policyId, policy.id)))
      .orderBy(asc(committees.code)),
    indicatorsWithProgress(ctx, [policy.id], threshold),
    ctx.db
      .select({
        id: initiatives.id,
        title: initiatives.title,
        fundingStatus: initiatives.fundingStatus,
        status: initiatives.status,
        administrationCode: administrations.code,
        administrationName: administrations.name,
      })
      .from(initiatives)
      .leftJoin(
        administrations,
        and(eq(administrations.id, initiatives.administrationId), inOrganisation(administrations, org)),
      )
      .where(and(eq(initiatives.organisationId, org), eq(initiatives.policyId, policy.id)))
      .orderBy(asc(administrations.code), asc(initiatives.title)),
    ctx.db
      .select({
        id: policies.id,
        slug: policies.slug,
        title: policies.title,
        kind: policies.kind,
        periodStart: policies.periodStart,
        periodEnd: policies.periodEnd,
        parentPolicyId: policies.parentPolicyId,
      })
      .from(policies)
      .where(
        and(
          eq(policies.organisationId, org),
          policy.parentPolicyId
            ? or(eq(policies.parentPolicyId, policy.id), eq(policies.id, policy.parentPolicyId))
            : eq(policies.parentPolicyId, policy.id),
        ),
      )
      .orderBy(asc(policies.periodStart), asc(policies.title)),
  ]);

  const goalList: GoalRow[] = goalRows.map((g) => ({
    ...g,
    committees: committeeRows.filter((c) => c.goalId === g.id).map(({ code, name }) => ({ code, name })),
    indicators: indicatorRows.filter((i) => i.goalId === g.id),
  }));

  const entityIds = [
    policy.id,
    ...themeRows.map((t) => t.id),
    ...goalRows.map((g) => g.id),
    ...indicatorRows.map((i) => i.id),
    ...initiativeRows.map((i) => i.id),
  ];
  const sources = await sourcesOf(ctx, entityIds);
  const docIds = new Set(sources.map((s) => s.documentId));
  if (policy.documentId) docIds.add(policy.documentId);
  const [docs, budget] = await Promise.all([documentsByIds(ctx, [...docIds]), policyBudget(ctx, policy.id)]);

  return {
    policy,
    budget,
    parent: related.find((r) => r.id === policy.parentPolicyId),
    children: related.filter((r) => r.parentPolicyId === policy.id),
    themes: themeRows,
    goals: goalList,
    indicators: indicatorRows,
    initiatives: initiativeRows as PolicyInitiative[],
    documents: docs,
    sources,
  };
}

export type PolicyDetail = NonNullable<Awaited<ReturnType<typeof policyDetail>>>;
