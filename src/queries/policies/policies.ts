// Policies: the API's list, the portal's list with a progress summary per policy
// (front page, /politikker), the current ones (domain/currentPolicies.ts decides
// which), and a title for the registry's editors.
import { and, asc, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Context } from "../../context.ts";
import type { Executor } from "../../db/client.ts";
import { administrations, committees, initiatives, policies } from "../../db/schema.ts";
import { type CurrentSpan, currentPolicyIds, currentSpan } from "../../domain/currentPolicies.ts";
import { todayInDenmark } from "../../domain/danishDate.ts";
import type {
  FundingStatus,
  InitiativeStatus,
  PolicyKind,
  PolicyStatus,
  ProgressStatus,
} from "../../domain/enums.ts";
import { notFound } from "../../errors.ts";
import { countByStatus, indicatorsWithProgress } from "../indicators/progress.ts";
import { resourceQueries, when } from "../keysetPage.ts";
import { inOrganisation } from "../scope.ts";
import { administrationCode, committeeCode, hasAdministrationCode, isoDate } from "../sqlFragments.ts";

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

/** Funding statuses that mean "not yet paid for": the front page counts these as awaiting funding. */
export const awaitingFunding: readonly FundingStatus[] = ["requires_separate_funding", "in_budget_process"];

const ownerCommittee = alias(committees, "owner_committee");

/** A policy as a list names it: its link (slug), title, kind and period. */
export const policyListing = {
  id: policies.id,
  slug: policies.slug,
  title: policies.title,
  kind: policies.kind,
  periodStart: policies.periodStart,
  periodEnd: policies.periodEnd,
};

const policyColumns = {
  ...policyListing,
  status: policies.status,
  parentPolicyId: policies.parentPolicyId,
  adoptedOn: policies.adoptedOn,
  followUp: policies.followUp,
  documentId: policies.documentId,
  ownerCode: administrations.code,
  ownerName: administrations.name,
  committeeCode: ownerCommittee.code,
  committeeName: ownerCommittee.name,
};

export type PolicyOverviewRow = {
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

/**
 * The policies with their owners' names, and any `extra` columns; `scope.organisationId` may be
 * a prepared statement's placeholder.
 */
export function policyQuery<E extends Record<string, SQL>>(
  scope: { db: Executor; organisationId: string | Placeholder },
  extra?: E,
) {
  return scope.db
    .select({ ...policyColumns, ...(extra as E) })
    .from(policies)
    .leftJoin(
      administrations,
      and(
        eq(administrations.id, policies.ownerAdministrationId),
        inOrganisation(administrations, scope.organisationId),
      ),
    )
    .leftJoin(
      ownerCommittee,
      and(
        eq(ownerCommittee.id, policies.ownerCommitteeId),
        inOrganisation(ownerCommittee, scope.organisationId),
      ),
    )
    .$dynamic();
}

export interface PolicySummary extends PolicyOverviewRow {
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

export async function policyTitle(ctx: Context, id: string) {
  const [row] = await ctx.db
    .select({ id: policies.id, title: policies.title })
    .from(policies)
    .where(and(eq(policies.id, id), eq(policies.organisationId, ctx.organisationId)));
  if (!row) throw notFound("The policy");
  return row;
}
