// A council member's inquiry; the answer only once it is sent (the query withholds it).
import type { InquiryState } from "../domain/enums.ts";
import type { InquiryRow } from "../queries/inquiries/inquiries.ts";

export function presentInquiry(row: InquiryRow) {
  return {
    id: row.id,
    asked_by: row.askedBy,
    asked_on: row.askedOn,
    answered_on: row.answeredOn,
    administration: row.administration,
    signed_by: row.signedBy,
    case_number: row.caseNumber,
    document_number: row.documentNumber,
    question_count: row.questionCount,
    document_id: row.documentId,
    due_on: row.dueOn,
    questions: row.questions,
    answer: row.answer,
    state: row.state as InquiryState,
    administrations: row.administrations,
    signer_title: row.signerTitle,
  };
}
