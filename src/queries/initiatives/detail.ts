// One initiative for the public portal: its money, targets, goals, status history
// (locked rounds only) and sources.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import {
  administrations,
  annualTargets,
  budgetLines,
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
import { sourceDocumentIds, sourcesOf } from "../provenance.ts";
import { inOrganisation } from "../scope.ts";
import { col, ownedBy } from "../sqlFragments.ts";
import { annualTargetsOf } from "./annualTargets.ts";
import { budgetLinesOf } from "./budgetLines.ts";

export async function initiativeDetail(ctx: Context, id: string) {
  const org = ctx.organisationId;
  // Everything hangs on the id, so every part is read in one round trip (sources and their
  // documents through subqueries); for an unknown id the parts come back empty and are dropped.
  const sourceIds = sql`(SELECT ${id}::uuid
    UNION ALL SELECT ${col(budgetLines.id)} FROM ${budgetLines}
      WHERE ${col(budgetLines.initiativeId)} = ${id} AND ${ownedBy(budgetLines, org)}
    UNION ALL SELECT ${col(annualTargets.id)} FROM ${annualTargets}
      WHERE ${col(annualTargets.initiativeId)} = ${id} AND ${ownedBy(annualTargets, org)})`;
  const [[row], goalRows, budget, targets, history, sources, docs] = await Promise.all([
    ctx.db
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
      .limit(1),
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
    sourcesOf(ctx, sourceIds),
    documentsByIds(ctx, sourceDocumentIds(ctx, sourceIds)),
  ]);
  if (!row) return undefined;
  return { initiative: row, goals: goalRows, budget, targets, history, sources, documents: docs };
}

export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof initiativeDetail>>>;
