// Hearing responses: unpublished ones only for staff, a citizen's name only with
// consent (except to staff); the letters not yet attached to a hearing; the API's list.
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { authorize, can } from "../../authz/can.ts";
import type { Actor, Context } from "../../context.ts";
import { committees, hearingResponses, hearings } from "../../db/schema.ts";
import type { RespondentKind } from "../../domain/enums.ts";
import { respondentKindLabels } from "../../domain/labels.ts";
import { notFound } from "../../errors.ts";
import { resourceQueries, when } from "../keysetPage.ts";
import { col, committeeCode, hasCommitteeCode, isoDate, isoTimestamp, ownedBy } from "../sqlFragments.ts";

export type ResponseRecord = typeof hearingResponses.$inferSelect;

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

export interface HearingResponseFilters {
  hearing_id?: string;
  from_committee?: string;
  respondent_kind?: RespondentKind;
}

export const hearingResponseQueries = resourceQueries({
  id: hearingResponses.id,
  organisationId: hearingResponses.organisationId,
  // Published, and not in a hearing that has not been opened (whose existence is not public);
  // a hearing of another organisation counts as not opened.
  visible: (scope) =>
    and(
      eq(hearingResponses.published, true),
      sql`NOT EXISTS (SELECT 1 FROM ${hearings} WHERE ${col(hearings.id)} = ${col(hearingResponses.hearingId)}
        AND (NOT ${ownedBy(hearings, scope.organisationId)} OR ${col(hearings.state)} = 'draft'))`,
    ),
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: hearingResponses.id,
        policyTitle: hearingResponses.policyTitle,
        fromCommittee: committeeCode(hearingResponses.fromCommitteeId, scope.organisationId),
        addressedTo: hearingResponses.addressedTo,
        meetingDate: isoDate(hearingResponses.meetingDate),
        signedBy: hearingResponses.signedBy,
        caseNumber: hearingResponses.caseNumber,
        documentNumber: hearingResponses.documentNumber,
        goalsChosen: hearingResponses.goalsChosen,
        documentId: hearingResponses.documentId,
        hearingId: hearingResponses.hearingId,
        respondentKind: hearingResponses.respondentKind,
        fromName: sql<string | null>`CASE WHEN ${col(hearingResponses.respondentKind)} <> 'citizen'
          OR ${col(hearingResponses.consentToPublishName)} THEN ${col(hearingResponses.fromName)} END`,
        text: hearingResponses.text,
        positions: hearingResponses.positions,
        consentToPublishName: hearingResponses.consentToPublishName,
        published: hearingResponses.published,
        administrationComment: hearingResponses.administrationComment,
        attachmentDocumentId: hearingResponses.attachmentDocumentId,
        receivedAt: isoTimestamp(hearingResponses.receivedAt),
        addressedToRole: hearingResponses.addressedToRole,
        periodStart: hearingResponses.periodStart,
        periodEnd: hearingResponses.periodEnd,
      })
      .from(hearingResponses)
      .where(where)
      .orderBy(asc(hearingResponses.id))
      .limit(limit),
  filters: (f: HearingResponseFilters, scope) => [
    when(f.hearing_id, (v) => eq(hearingResponses.hearingId, v)),
    when(f.from_committee, (v) =>
      hasCommitteeCode(hearingResponses.fromCommitteeId, v, scope.organisationId),
    ),
    when(f.respondent_kind, (v) => eq(hearingResponses.respondentKind, v)),
  ],
});

export type HearingResponseRow = NonNullable<Awaited<ReturnType<typeof hearingResponseQueries.get>>>;
