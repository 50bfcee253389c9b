// One initiative for the public portal: its money, targets, goals, status history
// (locked rounds only) and sources.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Context } from "../../context.ts";
import {
  administrations,
  committees,
  goals,
  initiativeGoals,
  initiatives,
  policies,
  statusReports,
  statusRounds,
} from "../../db/schema.ts";
import { countedReportStates } from "../../domain/roundState.ts";
import { documentsByIds } from "../documents.ts";
import { sourcesOf } from "../provenance.ts";
import { inOrganisation } from "../scope.ts";
import { annualTargetsOf } from "./annualTargets.ts";
import { budgetLinesOf } from "./budgetLines.ts";

export async function initiativeDetail(ctx: Context, id: string) {
  const org = ctx.organisationId;
  const [row] = await ctx.db
    .select({
      id: initiatives.id,
      title: initiatives.title,
      description: initiatives.description,
      targetGroups: initiatives.targetGroups,
      equalityGrounds: initiatives.equalityGrounds,
      partners: initiatives.partners,
      fundingStatus: initiatives.fundingStatus,
      status: initiatives.status,
      startYear: initiatives.startYear,
      endYear: initiatives.endYear,
      administrationCode: administrations.code,
      administrationName: administrations.name,
      committeeCode: committees.code,
      committeeName: committees.name,
      policyId: policies.id,
      policySlug: policies.slug,
      policyTitle: policies.title,
    })
    .from(initiatives)
    .innerJoin(policies, and(eq(policies.id, initiatives.policyId), inOrganisation(policies, org)))
    .leftJoin(
      administrations,
      and(eq(administrations.id, initiatives.administrationId), inOrganisation(administrations, org)),
    )
    .leftJoin(committees, and(eq(committees.id, initiatives.committeeId), inOrganisation(committees, org)))
    .where(and(eq(initiatives.organisationId, org), eq(initiatives.id, id)))
    .limit(1);
  if (!row) return undefined;
  const [goalRows, budget, targets, history] = await Promise.all([
    ctx.db
      .select({ id: goals.id, number: goals.number, text: goals.text, kind: goals.kind })
      .from(initiativeGoals)
      .innerJoin(goals, and(eq(goals.id, initiativeGoals.goalId), inOrganisation(goals, org)))
      .where(and(eq(initiativeGoals.organisationId, org), eq(initiativeGoals.initiativeId, id)))
      .orderBy(asc(goals.sortOrder), asc(goals.number)),
    budgetLinesOf(ctx, id),
    annualTargetsOf(ctx, id),
    // Only locked rounds are public: until then an answer can still be returned and changed.
    ctx.db
      .select({
        id: statusReports.id,
        roundTitle: statusRounds.title,
        roundKind: statusRounds.kind,
        period: statusRounds.period,
        rating: statusReports.rating,
        progressPct: statusReports.progressPct,
        narrative: statusReports.narrative,
        lockedAt: statusRounds.lockedAt,
      })
      .from(statusReports)
      .innerJoin(
        statusRounds,
        and(eq(statusRounds.id, statusReports.roundId), inOrganisation(statusRounds, org)),
      )
      .where(
        and(
          eq(statusReports.organisationId, org),
          eq(statusReports.initiativeId, id),
          eq(statusRounds.state, "locked"),
          eq(statusRounds.isExample, false),
          inArray(statusReports.state, countedReportStates),
        ),
      )
      .orderBy(desc(statusRounds.period), desc(statusRounds.lockedAt)),
  ]);
  const sources = await sourcesOf(ctx, [id, ...budget.map((b) => b.id), ...targets.map((t) => t.id)]);
  const docs = await documentsByIds(ctx, [...new Set(sources.map((s) => s.documentId))]);
  return { initiative: row, goals: goalRows, budget, targets, history, sources, documents: docs };
}

export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof initiativeDetail>>>;
