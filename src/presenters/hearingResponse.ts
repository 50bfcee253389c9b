// A published hearing response; a citizen's name only with their consent (the query
// withholds it otherwise).
import type { RespondentKind } from "../domain/enums.ts";
import type { HearingResponseRow } from "../queries/hearings/responses.ts";

export function presentHearingResponse(row: HearingResponseRow) {
  return {
    id: row.id,
    policy_title: row.policyTitle,
    from_committee: row.fromCommittee,
    addressed_to: row.addressedTo,
    meeting_date: row.meetingDate,
    signed_by: row.signedBy,
    case_number: row.caseNumber,
    document_number: row.documentNumber,
    goals_chosen: row.goalsChosen,
    document_id: row.documentId,
    hearing_id: row.hearingId,
    respondent_kind: row.respondentKind as RespondentKind,
    from_name: row.fromName,
    text: row.text,
    positions: row.positions,
    consent_to_publish_name: row.consentToPublishName,
    published: row.published,
    administration_comment: row.administrationComment,
    attachment_document_id: row.attachmentDocumentId,
    received_at: row.receivedAt,
    addressed_to_role: row.addressedToRole,
    period_start: row.periodStart,
    period_end: row.periodEnd,
  };
}
