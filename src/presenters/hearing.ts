// A hearing on a draft policy.
import type { HearingState } from "../domain/enums.ts";
import type { HearingRow } from "../queries/hearings/hearings.ts";

export function presentHearing(row: HearingRow) {
  return {
    id: row.id,
    policy_id: row.policyId,
    title: row.title,
    opens_on: row.opensOn,
    closes_on: row.closesOn,
    state: row.state as HearingState,
    invited: row.invited,
    draft_document_id: row.draftDocumentId,
    adopted_document_id: row.adoptedDocumentId,
  };
}
