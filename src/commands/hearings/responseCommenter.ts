// The administration's comment on a response: the høringsnotat's last column.
// Versioned: two coordinators commenting at once get a 409, not a lost comment.
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { hearingResponses } from "../../db/schema.ts";
import { validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { responseForUpdate } from "./load.ts";

export const responseCommentSchema = z.object({
  hearingId: z.uuid(),
  responseId: z.uuid(),
  version: z.number().int().min(1),
  comment: z.string().trim().max(10_000),
});

export async function responseCommenter(ctx: Context, input: z.input<typeof responseCommentSchema>) {
  authorize(ctx.actor, "manage", { entity: "hearing" });
  const parsed = responseCommentSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  return inTransaction(ctx, async (tx) => {
    await responseForUpdate(tx, data.responseId, data.hearingId);
    const { before, after } = await updateVersioned(
      tx,
      hearingResponses,
      data.responseId,
      data.version,
      { administrationComment: data.comment || null },
      "The hearing response",
    );
    await recordAudit(tx, {
      action: "hearing_response.comment",
      entity: "hearing_response",
      entityId: after.id,
      before: { administrationComment: before.administrationComment },
      after: { administrationComment: after.administrationComment },
    });
    return after;
  });
}
