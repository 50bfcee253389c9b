// Hearings: the admin list and detail, the public list, the options of the "open a
// hearing" form, a response attachment's file, and the API's list. Every query
// filters by the organisation.
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { authorize } from "../../authz/can.ts";
import type { SectionGoal } from "../../commands/hearings/sections.ts";
import type { Context } from "../../context.ts";
import { committees, documents, goals, hearingResponses, hearings, policies } from "../../db/schema.ts";
import type { HearingState } from "../../domain/enums.ts";
import { notFound } from "../../errors.ts";
import { documentListing, notHearingAttachment } from "../documents.ts";
import { resourceQueries, when } from "../keysetPage.ts";
import { inOrganisation } from "../scope.ts";
import { isoDate } from "../sqlFragments.ts";

export type HearingRecord = typeof hearings.$inferSelect;

/** A hearing is public once it has been opened: a draft's existence is not (the portal and the API alike). */
const isPublic = () => ne(hearings.state, "draft");

export interface HearingListItem {
  id: string;
  title: string;
  state: HearingState;
  opensOn: string | null;
  closesOn: string | null;
  policyTitle: string | null;
  responses: number;
  published: number;
}

export async function listHearings(ctx: Context): Promise<HearingListItem[]> {
  authorize(ctx.actor, "read", { entity: "hearing" });
  const rows = await ctx.db
    .select({
      id: hearings.id,
      title: hearings.title,
      state: hearings.state,
      opensOn: hearings.opensOn,
      closesOn: hearings.closesOn,
      policyTitle: policies.title,
      responses: sql<number>`(SELECT count(*)::int FROM ${hearingResponses} r WHERE r.hearing_id = ${hearings.id}
        AND r.organisation_id = ${ctx.organisationId})`,
      published: sql<number>`(SELECT count(*)::int FROM ${hearingResponses} r WHERE r.hearing_id = ${hearings.id}
        AND r.organisation_id = ${ctx.organisationId} AND r.published)`,
    })
    .from(hearings)
    .leftJoin(policies, and(eq(policies.id, hearings.policyId), inOrganisation(policies, ctx.organisationId)))
    .where(eq(hearings.organisationId, ctx.organisationId))
    .orderBy(desc(hearings.createdAt));
  return rows.map((r) => ({ ...r, state: r.state as HearingState }));
}

export interface HearingDetail {
  hearing: HearingRecord;
  policy: { id: string; title: string; slug: string } | null;
  goals: SectionGoal[];
  draft: { id: string; title: string | null; filename: string; text: string } | null;
  adopted: { id: string; title: string | null; filename: string; text: string } | null;
}

async function documentText(ctx: Context, id: string | null) {
  if (!id) return null;
  const [doc] = await ctx.db
    .select({ id: documents.id, title: documents.title, filename: documents.filename, text: documents.text })
    .from(documents)
    .where(and(eq(documents.id, id), eq(documents.organisationId, ctx.organisationId)));
  return doc ?? null;
}

/** A hearing with its policy's goals and its documents; no authorization (callers check). */
export async function loadHearingDetail(ctx: Context, id: string): Promise<HearingDetail | null> {
  const [hearing] = await ctx.db
    .select()
    .from(hearings)
    .where(and(eq(hearings.id, id), eq(hearings.organisationId, ctx.organisationId)));
  if (!hearing) return null;
  const [policy] = hearing.policyId
    ? await ctx.db
        .select({ id: policies.id, title: policies.title, slug: policies.slug })
        .from(policies)
        .where(and(eq(policies.id, hearing.policyId), eq(policies.organisationId, ctx.organisationId)))
    : [];
  const goalRows = hearing.policyId
    ? await ctx.db
        .select({ id: goals.id, number: goals.number, text: goals.text })
        .from(goals)
        .where(and(eq(goals.policyId, hearing.policyId), eq(goals.organisationId, ctx.organisationId)))
        .orderBy(asc(goals.sortOrder), asc(goals.number), asc(goals.createdAt))
    : [];
  return {
    hearing,
    policy: policy ?? null,
    goals: goalRows,
    draft: await documentText(ctx, hearing.draftDocumentId),
    adopted: await documentText(ctx, hearing.adoptedDocumentId),
  };
}

export async function hearingDetail(ctx: Context, id: string): Promise<HearingDetail> {
  authorize(ctx.actor, "read", { entity: "hearing" });
  const detail = await loadHearingDetail(ctx, id);
  if (!detail) throw notFound("The hearing");
  return detail;
}

/** The choices of the "open a hearing" form. */
export async function hearingFormOptions(ctx: Context) {
  const org = ctx.organisationId;
  const [policyRows, documentRows, committeeRows] = await Promise.all([
    ctx.db
      .select({ id: policies.id, title: policies.title, documentId: policies.documentId })
      .from(policies)
      .where(eq(policies.organisationId, org))
      .orderBy(asc(policies.title)),
    ctx.db
      .select(documentListing)
      .from(documents)
      .where(
        // A respondent's attachment is not a document a hearing is about.
        and(eq(documents.organisationId, org), notHearingAttachment()),
      )
      .orderBy(desc(documents.createdAt)),
    ctx.db
      .select({ id: committees.id, code: committees.code, name: committees.name })
      .from(committees)
      .where(eq(committees.organisationId, org))
      .orderBy(asc(committees.name)),
  ]);
  return { policies: policyRows, documents: documentRows, committees: committeeRows };
}

/** Hearings the public may see: every one that has been opened (not drafts). */
export async function publicHearings(ctx: Context) {
  return ctx.db
    .select({
      id: hearings.id,
      title: hearings.title,
      state: hearings.state,
      opensOn: hearings.opensOn,
      closesOn: hearings.closesOn,
    })
    .from(hearings)
    .where(and(eq(hearings.organisationId, ctx.organisationId), isPublic()))
    .orderBy(desc(hearings.closesOn), asc(hearings.title));
}

/** A response attachment's stored file (staff only; callers have checked). */
export async function attachmentFile(ctx: Context, documentId: string) {
  const [doc] = await ctx.db
    .select({
      filename: documents.filename,
      mediaType: documents.mediaType,
      storagePath: documents.storagePath,
    })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.organisationId, ctx.organisationId)));
  return doc ?? null;
}

export interface HearingFilters {
  policy_id?: string;
  state?: HearingState;
}

export const hearingQueries = resourceQueries({
  id: hearings.id,
  organisationId: hearings.organisationId,
  visible: isPublic,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: hearings.id,
        policyId: hearings.policyId,
        title: hearings.title,
        opensOn: isoDate(hearings.opensOn),
        closesOn: isoDate(hearings.closesOn),
        state: hearings.state,
        invited: hearings.invited,
        draftDocumentId: hearings.draftDocumentId,
        adoptedDocumentId: hearings.adoptedDocumentId,
      })
      .from(hearings)
      .where(where)
      .orderBy(asc(hearings.id))
      .limit(limit),
  filters: (f: HearingFilters) => [
    when(f.policy_id, (v) => eq(hearings.policyId, v)),
    when(f.state, (v) => eq(hearings.state, v)),
  ],
});

export type HearingRow = NonNullable<Awaited<ReturnType<typeof hearingQueries.get>>>;
