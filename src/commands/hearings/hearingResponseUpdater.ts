// Edits what a hearing response's letter says (a new version of the letter, or
// a correction): the policy and its period, the committee, the addressee, the
// meeting, the signatory, the numbers and the goals chosen. Guarded by version.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { committees, hearingResponses } from "../../db/schema.ts";
import { checkOrder } from "../../domain/entities/fieldTypes.ts";
import { hearingResponseFields as h } from "../../domain/entities/hearingResponse.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { parseInput } from "../registry/shared.ts";
import { updateVersioned } from "../versioned.ts";

export const responseLetterSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    policyTitle: h.policy_title.optional(),
    periodStart: h.period_start.optional(),
    periodEnd: h.period_end.optional(),
    fromCommitteeCode: h.from_committee.optional(),
    addressedTo: h.addressed_to.optional(),
    addressedToRole: h.addressed_to_role.optional(),
    meetingDate: h.meeting_date.optional(),
    signedBy: h.signed_by.optional(),
    caseNumber: h.case_number.optional(),
    documentNumber: h.document_number.optional(),
    goalsChosen: h.goals_chosen.optional(),
    documentId: z.uuid().optional(),
  })
  .superRefine(checkOrder("periodStart", "periodEnd"));

export async function hearingResponseUpdater(ctx: Context, input: unknown) {
  const { id, version, fromCommitteeCode, ...changes } = parseInput(responseLetterSchema, input);
  authorize(ctx.actor, "manage", { entity: "hearing" });
  return inTransaction(ctx, async (tx) => {
    let fromCommitteeId: string | undefined;
    if (fromCommitteeCode) {
      const [committee] = await tx.db
        .select({ id: committees.id })
        .from(committees)
        .where(and(eq(committees.organisationId, tx.organisationId), eq(committees.code, fromCommitteeCode)));
      if (!committee) throw new AppError("validation_failed", `Unknown committee code ${fromCommitteeCode}.`);
      fromCommitteeId = committee.id;
    }
    const values = fromCommitteeId ? { ...changes, fromCommitteeId } : changes;
    const { after } = await updateVersioned(
      tx,
      hearingResponses,
      id,
      version,
      values,
      "The hearing response",
    );
    // Field names only: the audit log outlives an erasure of the response's personal data.
    await recordAudit(tx, {
      action: "hearing_response.update",
      entity: "hearing_response",
      entityId: id,
      after: { changed: Object.keys(values).sort() },
    });
    return after;
  });
}
