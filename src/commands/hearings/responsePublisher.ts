// Publishes a response on the hearing page and in the open data, or withdraws it.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { hearingResponses } from "../../db/schema.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { responseForUpdate } from "./load.ts";

export const responsePublishSchema = z.object({
  hearingId: z.uuid(),
  responseId: z.uuid(),
  published: z.boolean(),
});

export async function responsePublisher(ctx: Context, input: z.input<typeof responsePublishSchema>) {
  authorize(ctx.actor, "manage", { entity: "hearing" });
  const parsed = responsePublishSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const before = await responseForUpdate(tx, data.responseId, data.hearingId);
    if (data.published && before.erasedAt && !before.text)
      throw new AppError("invalid_state", "An erased response has nothing to publish.");
    const [after] = await tx.db
      .update(hearingResponses)
      .set({ published: data.published, version: before.version + 1, updatedAt: new Date().toISOString() })
      .where(eq(hearingResponses.id, before.id))
      .returning();
    await recordAudit(tx, {
      action: data.published ? "hearing_response.publish" : "hearing_response.unpublish",
      entity: "hearing_response",
      entityId: before.id,
      before: { published: before.published },
      after: { published: after!.published },
    });
    return after!;
  });
}
