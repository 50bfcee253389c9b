// Approves the answer text: from here it is frozen (what goes to the council
// member is what was approved) until someone reopens it.
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { actorId, type Context, inTransaction } from "../../context.ts";
import { inquiries } from "../../db/schema.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { assertTransition } from "./inquiryState.ts";
import { loadInquiryAt, WHAT } from "./load.ts";

export const inquiryVersionSchema = z.object({ id: z.uuid(), version: z.number().int().positive() });

export async function inquiryApprover(ctx: Context, input: z.input<typeof inquiryVersionSchema>) {
  authorize(ctx.actor, "manage", { entity: "inquiry" });
  const parsed = inquiryVersionSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version } = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const row = await loadInquiryAt(tx, id, version);
    assertTransition(row.state, "approved");
    if (!row.answer?.trim())
      throw new AppError("invalid_state", "An empty answer cannot be approved.", {
        danish: "Svaret er tomt. Skriv svaret, før det godkendes.",
      });
    const { before, after } = await updateVersioned(
      tx,
      inquiries,
      id,
      version,
      { state: "approved", approvedAt: new Date().toISOString(), approvedBy: actorId(tx.actor) },
      WHAT,
    );
    await recordAudit(tx, { action: "inquiry.approve", entity: "inquiry", entityId: id, before, after });
    return after;
  });
}
