// Saves the coordinator's edit of the answer text, guarded by the version they
// read. Only before approval: an approved answer is frozen until reopened.
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { inquiries } from "../../db/schema.ts";
import { validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { assertEditable } from "./inquiryState.ts";
import { loadInquiryAt, WHAT } from "./load.ts";

export const inquiryAnswerSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  answer: z.string().max(100_000),
});

export async function inquiryDraftSaver(ctx: Context, input: z.input<typeof inquiryAnswerSchema>) {
  authorize(ctx.actor, "answer", { entity: "inquiry" });
  const parsed = inquiryAnswerSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version, answer } = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const row = await loadInquiryAt(tx, id, version);
    assertEditable(row.state);
    const { before, after } = await updateVersioned(
      tx,
      inquiries,
      id,
      version,
      { state: "drafting", answer: answer.replace(/\r\n/g, "\n").trim() || null },
      WHAT,
    );
    await recordAudit(tx, { action: "inquiry.answer", entity: "inquiry", entityId: id, before, after });
    return after;
  });
}
