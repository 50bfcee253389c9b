// Inquiries and hearing responses read from their letters, written through the
// commands the inquiry and hearing pages use.
import { hearingResponses, inquiries } from "../../db/schema.ts";
import { hearingResponseRegistrar } from "../hearings/hearingResponseRegistrar.ts";
import { hearingResponseUpdater } from "../hearings/hearingResponseUpdater.ts";
import { inquiryLetterUpdater } from "../inquiries/inquiryLetterUpdater.ts";
import { inquiryRegistrar } from "../inquiries/inquiryRegistrar.ts";
import { sameText } from "./match.ts";
import { type AnyRow, changedValues, type EntityWriter } from "./writer.ts";

type InquiryRow = typeof inquiries.$inferSelect;
type ResponseRow = typeof hearingResponses.$inferSelect;

export const inquiryWriter: EntityWriter<"inquiry"> = {
  table: inquiries,
  parents: [],
  match: (env, v) =>
    env.matcher.find<InquiryRow & AnyRow>(inquiries, (r) =>
      v.case_number && r.caseNumber
        ? r.caseNumber === v.case_number
        : sameText(r.askedBy, v.asked_by) && r.askedOn === v.asked_on,
    ),
  async create(env, v) {
    // The administration is checked here too, so an unknown code is the field's error.
    await env.lookups.unit("administration", v.administration, "inquiry", "administration");
    const row = await inquiryRegistrar(env.ctx, {
      askedBy: v.asked_by,
      askedOn: v.asked_on,
      questions: v.questions,
      administrations: v.administration ? [v.administration] : [],
      caseNumber: v.case_number ?? undefined,
      documentNumber: v.document_number ?? undefined,
      answeredOn: v.answered_on,
      signedBy: v.signed_by,
      signerTitle: v.signer_title,
      equalityGrounds: v.equality_grounds,
      documentId: env.candidate.documentId,
    });
    return row.id;
  },
  async update(env, row, v) {
    const current = row as unknown as InquiryRow;
    const administrationId = await env.lookups.unit(
      "administration",
      v.administration,
      "inquiry",
      "administration",
    );
    const proposed = {
      askedBy: v.asked_by,
      askedOn: v.asked_on,
      answeredOn: v.answered_on,
      questions: v.questions,
      signedBy: v.signed_by,
      signerTitle: v.signer_title,
      caseNumber: v.case_number,
      documentNumber: v.document_number,
      administrationId,
      documentId: env.candidate.documentId,
    };
    const { administrationId: changedAdministration, ...changes } = changedValues(current, proposed);
    const grounds = (current.scope as { equality_grounds?: string[] }).equality_grounds ?? [];
    const groundChanges = changedValues(
      { equalityGrounds: grounds },
      { equalityGrounds: v.equality_grounds },
    );
    if (Object.keys(changes).length === 0 && !changedAdministration && !groundChanges.equalityGrounds) return;
    await inquiryLetterUpdater(env.ctx, {
      id: current.id,
      version: current.version,
      ...changes,
      ...groundChanges,
      ...(changedAdministration ? { administrationCode: v.administration } : {}),
    });
  },
};

export const hearingResponseWriter: EntityWriter<"hearing_response"> = {
  table: hearingResponses,
  parents: [],
  async match(env, v) {
    const committeeId = await env.lookups.unit(
      "committee",
      v.from_committee,
      "hearing_response",
      "from_committee",
    );
    return env.matcher.find<ResponseRow & AnyRow>(
      hearingResponses,
      (r) => r.fromCommitteeId === committeeId && sameText(r.policyTitle, v.policy_title),
    );
  },
  async create(env, v) {
    await env.lookups.unit("committee", v.from_committee, "hearing_response", "from_committee");
    const row = await hearingResponseRegistrar(env.ctx, {
      respondentKind: "committee",
      fromCommitteeCode: v.from_committee,
      sections: v.goals_chosen,
      // A committee's letter is a public record: published, as the document it came in.
      published: true,
      policyTitle: v.policy_title,
      periodStart: v.period_start,
      periodEnd: v.period_end,
      addressedTo: v.addressed_to,
      addressedToRole: v.addressed_to_role,
      meetingDate: v.meeting_date,
      signedBy: v.signed_by,
      caseNumber: v.case_number ?? undefined,
      documentNumber: v.document_number ?? undefined,
      documentId: env.candidate.documentId,
    });
    return row.id;
  },
  async update(env, row, v) {
    const current = row as unknown as ResponseRow;
    const proposed = {
      policyTitle: v.policy_title,
      periodStart: v.period_start,
      periodEnd: v.period_end,
      addressedTo: v.addressed_to,
      addressedToRole: v.addressed_to_role,
      meetingDate: v.meeting_date,
      signedBy: v.signed_by,
      caseNumber: v.case_number,
      documentNumber: v.document_number,
      goalsChosen: v.goals_chosen,
      documentId: env.candidate.documentId,
    };
    const changes = changedValues(current, proposed);
    if (Object.keys(changes).length === 0) return;
    await hearingResponseUpdater(env.ctx, { id: current.id, version: current.version, ...changes });
  },
};
