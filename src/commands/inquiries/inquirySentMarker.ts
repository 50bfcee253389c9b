// Marks an approved answer as sent to the council member: it is then final and
// published on the portal's list of answered questions.
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { inquiries } from "../../db/schema.ts";
import { todayInDenmark } from "../../domain/danishDate.ts";
import { validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { assertTransition } from "./inquiryState.ts";
import { loadInquiryAt, WHAT } from "./load.ts";

export const inquirySentSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  /** The day the answer went out; today when not given. */
  answeredOn: z.iso.date().optional(),
  signedBy: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
});

export async function inquirySentMarker(ctx: Context, input: z.input<typeof inquirySentSchema>) {
  authorize(ctx.actor, "manage", { entity: "inquiry" });
  const parsed = inquirySentSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version, answeredOn, signedBy } = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const row = await loadInquiryAt(tx, id, version);
    assertTransition(row.state, "sent");
    const now = new Date();
    const { before, after } = await updateVersioned(
      tx,
      inquiries,
      id,
      version,
      {
        state: "sent",
        sentAt: now.toISOString(),
        answeredOn: answeredOn ?? todayInDenmark(now),
        ...(signedBy ? { signedBy } : {}),
      },
      WHAT,
    );
    await recordAudit(tx, { action: "inquiry.send", entity: "inquiry", entityId: id, before, after });
    return after;
  });
}
