// What the admin front page shows: the review queue's size, the documents
// imported, and what waits for this user (candidates to review; status
// reports to write in open rounds of their administration); for those who see
// every administration's answers, the open rounds and how far they have come.
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { can } from "../authz/can.ts";
import type { Context } from "../context.ts";
import {
  administrations,
  candidates,
  documents,
  policies,
  statusReports,
  statusRounds,
} from "../db/schema.ts";
import { countedReportStates } from "../domain/roundState.ts";
import { reporterAdministrationIds } from "./rounds/rounds.ts";
import { inOrganisation } from "./scope.ts";

export async function adminDashboard(ctx: Context, today = new Date().toISOString().slice(0, 10)) {
  const org = ctx.organisationId;
  const reviews = can(ctx.actor, "review", { entity: "candidate" });
  // The import tables are the importers' work: a reporter or a viewer reads documents on the portal.
  const seesDocuments = can(ctx.actor, "create", { entity: "document" });

  const [queue] = reviews
    ? await ctx.db
        .select({ n: count() })
        .from(candidates)
        .where(and(eq(candidates.organisationId, org), eq(candidates.state, "pending")))
    : [undefined];

  const [docCount] = seesDocuments
    ? await ctx.db.select({ n: count() }).from(documents).where(eq(documents.organisationId, org))
    : [undefined];

  // Waiting candidates per document, counted as the queue counts them (a correlated
  // subquery here once compared a candidate's document with its own id, and said 0).
  const waiting = seesDocuments
    ? await ctx.db
        .select({ documentId: candidates.documentId, n: count() })
        .from(candidates)
        .where(and(eq(candidates.organisationId, org), eq(candidates.state, "pending")))
        .groupBy(candidates.documentId)
    : [];
  const waitingBy = new Map(waiting.map((w) => [w.documentId, w.n]));
  const recentDocuments = seesDocuments
    ? (
        await ctx.db
          .select({
            id: documents.id,
            filename: documents.filename,
            title: documents.title,
            kind: documents.kind,
            createdAt: documents.createdAt,
          })
          .from(documents)
          .where(eq(documents.organisationId, org))
          .orderBy(desc(documents.createdAt))
      ).map((d) => ({ ...d, pending: waitingBy.get(d.id) ?? 0 }))
    : [];
  // The latest five, and every older one that still has candidates waiting, so the
  // table's counts add up to the queue's.
  const shownDocuments = recentDocuments.filter((d, i) => i < 5 || d.pending > 0);

  // Status reports still to be written in open rounds, per round, for the administrations the user reports for.
  const reportsFor = reporterAdministrationIds(ctx);
  const reportRows =
    reportsFor.length > 0
      ? await ctx.db
          .select({
            roundId: statusRounds.id,
            title: statusRounds.title,
            period: statusRounds.period,
            deadline: statusRounds.deadline,
            administrations: sql<string>`string_agg(distinct ${administrations.code}, ', ' order by ${administrations.code})`,
            open: sql<number>`(count(*) filter (where ${statusReports.state} in ('draft', 'returned')))::int`,
            total: sql<number>`count(*)::int`,
          })
          .from(statusReports)
          .innerJoin(
            statusRounds,
            and(eq(statusRounds.id, statusReports.roundId), inOrganisation(statusRounds, org)),
          )
          .innerJoin(
            administrations,
            and(eq(administrations.id, statusReports.administrationId), inOrganisation(administrations, org)),
          )
          .where(
            and(
              eq(statusReports.organisationId, org),
              eq(statusRounds.state, "open"),
              inArray(statusReports.administrationId, reportsFor),
            ),
          )
          .groupBy(statusRounds.id)
          .orderBy(asc(statusRounds.deadline))
      : [];
  const reportsToWrite = reportRows.map((r) => ({ ...r, late: r.open > 0 && today > r.deadline }));

  // Open rounds with "x af y indmeldt", for those who see every administration's answers.
  const openRounds = can(ctx.actor, "read", { entity: "statusReport", administrationId: null })
    ? (
        await ctx.db
          .select({
            id: statusRounds.id,
            title: statusRounds.title,
            period: statusRounds.period,
            deadline: statusRounds.deadline,
            policyTitle: policies.title,
            total: sql<number>`(select count(*)::int from ${statusReports} r where r.round_id = ${statusRounds.id}
              and r.organisation_id = ${org})`,
            reported: sql<number>`(select count(*)::int from ${statusReports} r where r.round_id = ${statusRounds.id}
              and r.organisation_id = ${org} and r.state in (${sql.join(
                countedReportStates.map((s) => sql`${s}`),
                sql`, `,
              )}))`,
          })
          .from(statusRounds)
          .innerJoin(policies, and(eq(policies.id, statusRounds.policyId), inOrganisation(policies, org)))
          .where(and(eq(statusRounds.organisationId, org), eq(statusRounds.state, "open")))
          .orderBy(asc(statusRounds.deadline), asc(policies.title))
      ).map((r) => ({ ...r, late: r.reported < r.total && today > r.deadline }))
    : [];

  return {
    pendingCandidates: queue?.n ?? null,
    documentCount: docCount?.n ?? null,
    recentDocuments: shownDocuments,
    reportsToWrite,
    openRounds,
  };
}
