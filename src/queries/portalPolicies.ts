// Policies for the public portal: the list with a progress summary per policy
// (front page, /politikker), and one policy with everything under it.
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Context } from "../context.ts";
import {
  administrations,
  committees,
  documents,
  goalCommittees,
  goals,
  indicators,
  initiatives,
  policies,
  provenance,
  themes,
} from "../db/schema.ts";
import type { FundingStatus, InitiativeStatus, ProgressStatus } from "../domain/enums.ts";
import { col } from "./apiSql.ts";
import { policyBudget } from "./policyBudget.ts";
import { countByStatus, type IndicatorWithProgress, indicatorsWithProgress } from "./portalProgress.ts";

/** Funding statuses that mean "not yet paid for": the front page counts these as awaiting funding. */
export const awaitingFunding: readonly FundingStatus[] = ["requires_separate_funding", "in_budget_process"];

const ownerCommittee = alias(committees, "owner_committee");

const policyColumns = {
  id: policies.id,
  slug: policies.slug,
  title: policies.title,
  kind: policies.kind,
  status: policies.status,
  periodStart: policies.periodStart,
  periodEnd: policies.periodEnd,
  parentPolicyId: policies.parentPolicyId,
  adoptedOn: policies.adoptedOn,
  followUp: policies.followUp,
  documentId: policies.documentId,
  ownerCode: administrations.code,
  ownerName: administrations.name,
  committeeCode: ownerCommittee.code,
  committeeName: ownerCommittee.name,
};

export type PolicyRow = {
  id: string;
  slug: string;
  title: string;
  kind: string;
  status: string;
  periodStart: number | null;
  periodEnd: number | null;
  parentPolicyId: string | null;
  adoptedOn: string | null;
  followUp: string | null;
  documentId: string | null;
  ownerCode: string | null;
  ownerName: string | null;
  committeeCode: string | null;
  committeeName: string | null;
};

function policyQuery(ctx: Context) {
  return ctx.db
    .select(policyColumns)
    .from(policies)
    .leftJoin(administrations, eq(administrations.id, policies.ownerAdministrationId))
    .leftJoin(ownerCommittee, eq(ownerCommittee.id, policies.ownerCommitteeId))
    .$dynamic();
}

export interface PolicySummary extends PolicyRow {
  indicatorCounts: Map<ProgressStatus, number>;
  indicatorTotal: number;
  initiativeCounts: Map<InitiativeStatus, number>;
  initiativeTotal: number;
  awaitingFunding: number;
}

/** Every policy of the organisation with its progress summary, newest period first. */
export async function policySummaries(ctx: Context, threshold: number): Promise<PolicySummary[]> {
  const [rows, indicatorRows, initiativeRows] = await Promise.all([
    policyQuery(ctx)
      .where(eq(policies.organisationId, ctx.organisationId))
      .orderBy(
        sql`coalesce(${policies.periodEnd}, ${policies.periodStart}) desc nulls last`,
        asc(policies.title),
      ),
    indicatorsWithProgress(ctx, undefined, threshold),
    ctx.db
      .select({
        policyId: initiatives.policyId,
        status: initiatives.status,
        fundingStatus: initiatives.fundingStatus,
        count: sql<number>`count(*)::int`,
      })
      .from(initiatives)
      .where(eq(initiatives.organisationId, ctx.organisationId))
      .groupBy(initiatives.policyId, initiatives.status, initiatives.fundingStatus),
  ]);
  return rows.map((row) => {
    const own = indicatorRows.filter((i) => i.policyId === row.id);
    const initiativeCounts = new Map<InitiativeStatus, number>();
    let initiativeTotal = 0;
    let waiting = 0;
    for (const r of initiativeRows) {
      if (r.policyId !== row.id) continue;
      const status = r.status as InitiativeStatus;
      initiativeCounts.set(status, (initiativeCounts.get(status) ?? 0) + r.count);
      initiativeTotal += r.count;
      if (awaitingFunding.includes(r.fundingStatus as FundingStatus)) waiting += r.count;
    }
    return {
      ...row,
      indicatorCounts: countByStatus(own),
      indicatorTotal: own.length,
      initiativeCounts,
      initiativeTotal,
      awaitingFunding: waiting,
    };
  });
}

/** Whether a policy is in force in `year` (no period: counted as in force). */
export function inForce(p: { periodStart: number | null; periodEnd: number | null }, year: number) {
  return (p.periodEnd ?? year) >= year && (p.periodStart ?? year) <= year;
}

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

export interface ProvenanceRef {
  id: string;
  entity: string;
  entityId: string;
  field: string;
  documentId: string;
  quote: string;
}

export interface PolicyDocument {
  id: string;
  title: string | null;
  filename: string;
  caseNumber: string | null;
  documentNumber: string | null;
  dated: string | null;
  /** How many policies and action plans the document holds (a compiled file holds several). */
  policyCount: number;
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
  const entityIds = sql`(select ${policy.id}::uuid
    union all select id from ${themes} where organisation_id = ${org} and policy_id = ${policy.id}
    union all select id from ${goals} where organisation_id = ${org} and policy_id = ${policy.id}
    union all select i.id from ${indicators} i join ${goals} g on g.id = i.goal_id where i.organisation_id = ${org} and g.policy_id = ${policy.id}
    union all select id from ${initiatives} where organisation_id = ${org} and policy_id = ${policy.id})`;
  const documentIds = policy.documentId
    ? sql`(${sourceDocumentIds(ctx, entityIds)} union select ${policy.documentId}::uuid)`
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
        .leftJoin(administrations, eq(administrations.id, goals.administrationId))
        .where(and(eq(goals.organisationId, org), eq(goals.policyId, policy.id)))
        .orderBy(asc(goals.sortOrder), asc(goals.number)),
      ctx.db
        .select({ goalId: goalCommittees.goalId, code: committees.code, name: committees.name })
        .from(goalCommittees)
        .innerJoin(committees, eq(committees.id, goalCommittees.committeeId))
        .innerJoin(goals, eq(goals.id, goalCommittees.goalId))
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
        .leftJoin(administrations, eq(administrations.id, initiatives.administrationId))
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

/**
 * Ids given as a list, or as a subquery that selects them: a page then reads its
 * sources in the same round trip as the rows they belong to, not after them.
 */
export type IdsOf = readonly string[] | SQL;

/** Provenance rows of the given entities, in document order. */
export async function sourcesOf(ctx: Context, entityIds: IdsOf): Promise<ProvenanceRef[]> {
  if (Array.isArray(entityIds) && entityIds.length === 0) return [];
  return ctx.db
    .select({
      id: provenance.id,
      entity: provenance.entity,
      entityId: provenance.entityId,
      field: provenance.field,
      documentId: provenance.documentId,
      quote: provenance.quote,
    })
    .from(provenance)
    .where(
      and(eq(provenance.organisationId, ctx.organisationId), inArray(provenance.entityId, idList(entityIds))),
    )
    .orderBy(
      asc(provenance.documentId),
      asc(provenance.start),
      asc(provenance.end),
      asc(provenance.field),
      asc(provenance.id),
    );
}

function idList(ids: IdsOf): string[] | SQL {
  return Array.isArray(ids) ? [...ids] : (ids as SQL);
}

/** Ids of the documents the given entities' provenance quotes (a subquery for documentsByIds). */
export function sourceDocumentIds(ctx: Context, entityIds: SQL): SQL {
  return sql`(select ${provenance.documentId} from ${provenance} where ${provenance.organisationId} = ${ctx.organisationId} and ${provenance.entityId} in ${entityIds})`;
}

export async function documentsByIds(ctx: Context, ids: IdsOf): Promise<PolicyDocument[]> {
  if (Array.isArray(ids) && ids.length === 0) return [];
  return ctx.db
    .select({
      id: documents.id,
      title: documents.title,
      filename: documents.filename,
      caseNumber: documents.caseNumber,
      documentNumber: documents.documentNumber,
      dated: documents.dated,
      policyCount: sql<number>`(select count(*) from ${policies} where ${col(policies.documentId)} = ${col(documents.id)})::int`,
    })
    .from(documents)
    .where(and(eq(documents.organisationId, ctx.organisationId), inArray(documents.id, idList(ids))))
    .orderBy(asc(documents.title));
}
