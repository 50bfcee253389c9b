// Reads for hearings: the admin list and detail, the public page, the responses
// (unpublished ones only for staff; a citizen's name only with consent, except to
// staff) and the options of the forms. Every query filters by the organisation.
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { authorize, can } from "../authz/can.ts";
import type { SectionGoal } from "../commands/hearings/sections.ts";
import type { Actor, Context } from "../context.ts";
import { committees, documents, goals, hearingResponses, hearings, policies } from "../db/schema.ts";
import type { HearingState, RespondentKind } from "../domain/enums.ts";
import { respondentKindLabels } from "../domain/labels.ts";
import { notFound } from "../errors.ts";
import { col } from "./apiSql.ts";
import { inOrganisation } from "./scope.ts";

export type HearingRecord = typeof hearings.$inferSelect;
export type ResponseRecord = typeof hearingResponses.$inferSelect;

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

/** Staff manage responses and see them all, names included; others see published ones as the public does. */
export const seesUnpublished = (actor: Actor) => can(actor, "manage", { entity: "hearing" });

export interface ResponseView {
  id: string;
  respondentKind: RespondentKind;
  /** Who, as it may be shown to this reader. */
  from: string;
  /** Who, as the public may read it (a private person's name only with consent). */
  publicFrom: string;
  text: string | null;
  sections: string[];
  positions: ResponseRecord["positions"];
  published: boolean;
  consentToPublishName: boolean;
  administrationComment: string | null;
  receivedAt: string;
  erasedAt: string | null;
  documentId: string | null;
  attachmentDocumentId: string | null;
  version: number;
}

const committeeName = sql<string | null>`(SELECT c.name FROM ${committees} c
  WHERE c.id = ${hearingResponses.fromCommitteeId} AND c.organisation_id = ${col(hearingResponses.organisationId)})`;

/** Who a response is from, as the public may read it: a private person only with consent. */
export function publicFrom(r: {
  respondentKind: string;
  fromName: string | null;
  committee: string | null;
  consentToPublishName: boolean;
}): string {
  if (r.committee) return r.committee;
  if (r.respondentKind === "citizen")
    return r.consentToPublishName && r.fromName ? r.fromName : "Privatperson (navn ikke offentliggjort)";
  return r.fromName ?? respondentKindLabels[r.respondentKind as RespondentKind] ?? "Ukendt afsender";
}

function staffFrom(r: { respondentKind: string; fromName: string | null; committee: string | null }) {
  return (
    r.committee ??
    r.fromName ??
    (r.respondentKind === "citizen" ? "Privatperson (navn slettet)" : "Ukendt afsender")
  );
}

export async function responsesOf(
  ctx: Context,
  hearingId: string,
  opts: { audience: "staff" | "public" },
): Promise<ResponseView[]> {
  const staff = opts.audience === "staff" && seesUnpublished(ctx.actor);
  const rows = await ctx.db
    .select({ r: hearingResponses, committee: committeeName })
    .from(hearingResponses)
    .where(
      and(
        eq(hearingResponses.organisationId, ctx.organisationId),
        eq(hearingResponses.hearingId, hearingId),
        staff ? undefined : eq(hearingResponses.published, true),
      ),
    )
    // received_at holds whole seconds (the open-data format); within one second, arrival order.
    .orderBy(asc(hearingResponses.receivedAt), asc(hearingResponses.createdAt), asc(hearingResponses.id));
  return rows.map(({ r, committee }) => ({
    id: r.id,
    respondentKind: r.respondentKind as RespondentKind,
    from: staff ? staffFrom({ ...r, committee }) : publicFrom({ ...r, committee }),
    publicFrom: publicFrom({ ...r, committee }),
    text: r.text,
    sections: r.goalsChosen,
    positions: r.positions,
    published: r.published,
    consentToPublishName: r.consentToPublishName,
    administrationComment: r.administrationComment,
    receivedAt: r.receivedAt,
    erasedAt: r.erasedAt,
    documentId: r.documentId,
    attachmentDocumentId: r.attachmentDocumentId,
    version: r.version,
  }));
}

/** One response with everything staff may see (contact e-mail included). */
export async function responseForStaff(ctx: Context, hearingId: string, id: string) {
  authorize(
    ctx.actor,
    "manage",
    { entity: "hearing" },
    { hidden: !can(ctx.actor, "read", { entity: "hearing" }) },
  );
  const [row] = await ctx.db
    .select({ r: hearingResponses, committee: committeeName })
    .from(hearingResponses)
    .where(
      and(
        eq(hearingResponses.id, id),
        eq(hearingResponses.hearingId, hearingId),
        eq(hearingResponses.organisationId, ctx.organisationId),
      ),
    );
  if (!row) throw notFound("The hearing response");
  return { ...row.r, committee: row.committee, from: staffFrom({ ...row.r, committee: row.committee }) };
}

/** Imported response letters not yet attached to a hearing (staff attach them). */
export async function unattachedResponses(ctx: Context) {
  if (!seesUnpublished(ctx.actor)) return [];
  return ctx.db
    .select({
      id: hearingResponses.id,
      policyTitle: hearingResponses.policyTitle,
      committee: committeeName,
      fromName: hearingResponses.fromName,
      meetingDate: hearingResponses.meetingDate,
      goalsChosen: hearingResponses.goalsChosen,
    })
    .from(hearingResponses)
    .where(and(eq(hearingResponses.organisationId, ctx.organisationId), isNull(hearingResponses.hearingId)))
    .orderBy(desc(hearingResponses.receivedAt), desc(hearingResponses.createdAt), asc(hearingResponses.id));
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
      .select({
        id: documents.id,
        title: documents.title,
        filename: documents.filename,
        kind: documents.kind,
      })
      .from(documents)
      .where(
        and(eq(documents.organisationId, org), sql`coalesce(${documents.kind}, '') <> 'hearing_attachment'`),
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
    .where(
      and(
        eq(hearings.organisationId, ctx.organisationId),
        inArray(hearings.state, ["open", "closed", "summarized"]),
      ),
    )
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
