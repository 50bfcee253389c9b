// The API's reads of council members' inquiries, hearings and hearing responses.
// Public only: an answer until it is sent, a response until it is published and a
// citizen's name without consent are not shown; the inquiry's draft scope never is.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import {
  administrations,
  hearingResponses,
  hearings,
  inquiries,
  inquiryAdministrations,
} from "../db/schema.ts";
import type { HearingState, InquiryState, RespondentKind } from "../domain/enums.ts";
import { resourceQueries, when } from "./apiPage.ts";
import {
  administrationCode,
  col,
  committeeCode,
  hasAdministrationCode,
  hasCommitteeCode,
  isoDate,
  isoTimestamp,
  ownedBy,
} from "./apiSql.ts";

export interface InquiryFilters {
  administration?: string;
  state?: InquiryState;
}

export const inquiryQueries = resourceQueries({
  id: inquiries.id,
  organisationId: inquiries.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: inquiries.id,
        askedBy: inquiries.askedBy,
        askedOn: isoDate(inquiries.askedOn),
        answeredOn: isoDate(inquiries.answeredOn),
        administration: administrationCode(inquiries.administrationId, scope.organisationId),
        signedBy: inquiries.signedBy,
        caseNumber: inquiries.caseNumber,
        documentNumber: inquiries.documentNumber,
        questionCount: sql<number>`jsonb_array_length(${col(inquiries.questions)})`.mapWith(Number),
        documentId: inquiries.documentId,
        dueOn: isoDate(inquiries.dueOn),
        questions: inquiries.questions,
        answer: sql<
          string | null
        >`CASE WHEN ${col(inquiries.state)} = 'sent' THEN ${col(inquiries.answer)} END`,
        state: inquiries.state,
        administrations: sql<string[]>`ARRAY(
          SELECT ${col(administrations.code)} FROM ${inquiryAdministrations}
          JOIN ${administrations} ON ${col(administrations.id)} = ${col(inquiryAdministrations.administrationId)}
            AND ${ownedBy(administrations, scope.organisationId)}
          WHERE ${col(inquiryAdministrations.inquiryId)} = ${col(inquiries.id)}
            AND ${ownedBy(inquiryAdministrations, scope.organisationId)} ORDER BY 1)`,
        signerTitle: inquiries.signerTitle,
      })
      .from(inquiries)
      .where(where)
      .orderBy(asc(inquiries.id))
      .limit(limit),
  filters: (f: InquiryFilters, scope) => [
    when(f.administration, (v) => hasAdministrationCode(inquiries.administrationId, v, scope.organisationId)),
    when(f.state, (v) => eq(inquiries.state, v)),
  ],
});
export type InquiryRow = NonNullable<Awaited<ReturnType<typeof inquiryQueries.get>>>;

export interface HearingFilters {
  policy_id?: string;
  state?: HearingState;
}

export const hearingQueries = resourceQueries({
  id: hearings.id,
  organisationId: hearings.organisationId,
  // A hearing not yet opened is not public (as on the portal's /hoeringer).
  visible: () => ne(hearings.state, "draft"),
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
