// "Lav udkast": builds the answer from the registry for the chosen scope
// (grounds, administrations, policies, years) and keeps that scope and the
// draft's figures with the inquiry, so the letter shows the tables the text was
// written from even if the registry changes later.
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { inquiries } from "../../db/schema.ts";
import { validationFailed } from "../../errors.ts";
import { draftInquiryAnswer, inquiryScopeSchema } from "../../queries/inquiries/draft.ts";
import { inquiryAnswerText } from "../../reports/inquiryAnswerText.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { assertEditable } from "./inquiryState.ts";
import { loadInquiryAt, WHAT } from "./load.ts";

export const inquiryDraftSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  scope: inquiryScopeSchema,
});

export async function inquiryDrafter(ctx: Context, input: z.input<typeof inquiryDraftSchema>) {
  authorize(ctx.actor, "answer", { entity: "inquiry" });
  const parsed = inquiryDraftSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version, scope } = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const row = await loadInquiryAt(tx, id, version);
    assertEditable(row.state);
    const draft = await draftInquiryAnswer(tx, scope);
    const { scope: _, ...figures } = draft;
    const { before, after } = await updateVersioned(
      tx,
      inquiries,
      id,
      version,
      { state: "drafting", scope: { ...draft.scope, draft: figures }, answer: inquiryAnswerText(draft) },
      WHAT,
    );
    await recordAudit(tx, { action: "inquiry.draft", entity: "inquiry", entityId: id, before, after });
    return { inquiry: after, draft };
  });
}
