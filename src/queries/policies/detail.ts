// One policy for the public portal with everything under it: themes → goals →
// indicators with progress, initiatives, related policies, budget, documents and sources.
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import {
  administrations,
  committees,
  goalCommittees,
  goals,
  indicators,
  initiatives,
  policies,
  themes,
} from "../../db/schema.ts";
import { documentsByIds } from "../documents.ts";
import { type IndicatorWithProgress, indicatorsWithProgress } from "../indicators/progress.ts";
import { sourceDocumentIds, sourcesOf } from "../provenance.ts";
import { inOrganisation } from "../scope.ts";
import { col, ownedBy } from "../sqlFragments.ts";
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
  // The ids whose sources the page shows, as a subquery: sources, their documents and the
  // budget are then read in the same round trip as the rest.
  const ofPolicy = (table: typeof themes | typeof goals | typeof initiatives) =>
    sql`${ownedBy(table, org)} AND ${col(table.policyId)} = ${policy.id}`;
  const entityIds = sql`(SELECT ${policy.id}::uuid
    UNION ALL SELECT ${col(themes.id)} FROM ${themes} WHERE ${ofPolicy(themes)}
    UNION ALL SELECT ${col(goals.id)} FROM ${goals} WHERE ${ofPolicy(goals)}
    UNION ALL SELECT ${col(indicators.id)} FROM ${indicators}
      JOIN ${goals} ON ${col(goals.id)} = ${col(indicators.goalId)}
      WHERE ${ownedBy(indicators, org)} AND ${ofPolicy(goals)}
    UNION ALL SELECT ${col(initiatives.id)} FROM ${initiatives} WHERE ${ofPolicy(initiatives)})`;
  const documentIds = policy.documentId
    ? sql`(${sourceDocumentIds(ctx, entityIds)} UNION SELECT ${policy.documentId}::uuid)`
    : sourceDocumentIds(ctx, entityIds);
  const [themeRows, goalRows, committeeRows, indicatorRows, initiativeRows, related, sources, docs, budget] =
    await Promise.all([
      ctx.db
        .select({
          id: themes.id,
          number: themes.number,
          title: themes.title,
          description: themes.description,
        })
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
      sourcesOf(ctx, entityIds),
      documentsByIds(ctx, documentIds),
      policyBudget(ctx, policy.id),
    ]);

  const goalList: GoalRow[] = goalRows.map((g) => ({
    ...g,
    committees: committeeRows.filter((c) => c.goalId === g.id).map(({ code, name }) => ({ code, name })),
    indicators: indicatorRows.filter((i) => i.goalId === g.id),
  }));

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
