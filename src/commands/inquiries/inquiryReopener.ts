// Reopens an approved answer for editing; the approval is withdrawn.
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { inquiries } from "../../db/schema.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { inquiryVersionSchema } from "./inquiryApprover.ts";
import { loadInquiryAt, WHAT } from "./load.ts";

export async function inquiryReopener(ctx: Context, input: { id: string; version: number }) {
  authorize(ctx.actor, "manage", { entity: "inquiry" });
  const parsed = inquiryVersionSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version } = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const row = await loadInquiryAt(tx, id, version);
    if (row.state !== "approved")
      throw new AppError("invalid_state", `Only an approved answer can be reopened (it is ${row.state}).`, {
        danish: "Kun et godkendt svar kan genåbnes.",
      });
    const { before, after } = await updateVersioned(
      tx,
      inquiries,
      id,
      version,
      { state: "drafting", approvedAt: null, approvedBy: null },
      WHAT,
    );
    await recordAudit(tx, { action: "inquiry.reopen", entity: "inquiry", entityId: id, before, after });
    return after;
  });
}
