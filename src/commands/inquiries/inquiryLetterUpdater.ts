// Edits what an inquiry's letter says (a new version of the answer letter, or a
// correction): who asked and when, the questions, the answer's date and
// signatory, the numbers, the administration and the grounds. Guarded by version.
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { inquiries, inquiryAdministrations } from "../../db/schema.ts";
import { inquiryFields as q } from "../../domain/entities/inquiry.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { parseInput } from "../registry/shared.ts";
import { administrationIdOf } from "../users/administrationByCode.ts";
import { loadForUpdate, updateVersioned } from "../versioned.ts";

export const inquiryLetterSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  askedBy: q.asked_by.optional(),
  askedOn: q.asked_on.optional(),
  answeredOn: q.answered_on.optional(),
  questions: q.questions.optional(),
  administrationCode: q.administration.optional(),
  signedBy: q.signed_by.optional(),
  signerTitle: q.signer_title.optional(),
  caseNumber: q.case_number.optional(),
  documentNumber: q.document_number.optional(),
  equalityGrounds: q.equality_grounds.optional(),
  documentId: z.uuid().optional(),
});

export async function inquiryLetterUpdater(ctx: Context, input: unknown) {
  const { id, version, administrationCode, equalityGrounds, ...changes } = parseInput(
    inquiryLetterSchema,
    input,
  );
  authorize(ctx.actor, "update", { entity: "inquiry" });
  return inTransaction(ctx, async (tx) => {
    const current = await loadForUpdate(tx, inquiries, id, "The inquiry");
    const askedOn = changes.askedOn ?? current.askedOn;
    const answeredOn = changes.answeredOn === undefined ? current.answeredOn : changes.answeredOn;
    if (askedOn && answeredOn && answeredOn < askedOn)
      throw new AppError(
        "validation_failed",
        "The answer cannot be dated before the day the question was asked.",
      );
    const values: Partial<typeof inquiries.$inferInsert> = { ...changes };
    if (equalityGrounds) values.scope = { ...current.scope, equality_grounds: equalityGrounds };
    if (administrationCode !== undefined)
      values.administrationId = await administrationOf(tx, id, administrationCode);
    const { before, after } = await updateVersioned(tx, inquiries, id, version, values, "The inquiry");
    await recordAudit(tx, { action: "inquiry.update", entity: "inquiry", entityId: id, before, after });
    return after;
  });
}

/** The administration of that code (null: none) becomes the inquiry's answering administration. */
async function administrationOf(
  ctx: Context,
  inquiryId: string,
  code: string | null,
): Promise<string | null> {
  const administrationId = await administrationIdOf(ctx, code);
  if (!administrationId) return null;
  await ctx.db
    .insert(inquiryAdministrations)
    .values({ organisationId: ctx.organisationId, inquiryId, administrationId })
    .onConflictDoNothing();
  return administrationId;
}
