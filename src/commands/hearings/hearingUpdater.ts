// Changes a hearing's state (close it, mark the summary done, reopen) and links
// the adopted version of the policy document, for the draft/adopted diff.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { documents, hearings } from "../../db/schema.ts";
import { hearingStates } from "../../domain/enums.ts";
import { notFound, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";

export const hearingUpdateSchema = z.object({
  hearingId: z.uuid(),
  version: z.number().int().min(1),
  state: z.enum(hearingStates).optional(),
  adoptedDocumentId: z.uuid().nullable().optional(),
});

export async function hearingUpdater(ctx: Context, input: z.input<typeof hearingUpdateSchema>) {
  authorize(ctx.actor, "update", { entity: "hearing" });
  const parsed = hearingUpdateSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  return inTransaction(ctx, async (tx) => {
    if (data.adoptedDocumentId) {
      const [doc] = await tx.db
        .select({ id: documents.id })
        .from(documents)
        .where(
          and(eq(documents.id, data.adoptedDocumentId), eq(documents.organisationId, tx.organisationId)),
        );
      if (!doc) throw notFound("The adopted document");
    }
    const values: Partial<typeof hearings.$inferInsert> = {};
    if (data.state) values.state = data.state;
    if (data.adoptedDocumentId !== undefined) values.adoptedDocumentId = data.adoptedDocumentId;
    const { before, after } = await updateVersioned(
      tx,
      hearings,
      data.hearingId,
      data.version,
      values,
      "The hearing",
    );
    await recordAudit(tx, {
      action: "hearing.update",
      entity: "hearing",
      entityId: after.id,
      before: { state: before.state, adoptedDocumentId: before.adoptedDocumentId },
      after: { state: after.state, adoptedDocumentId: after.adoptedDocumentId },
    });
    return after;
  });
}
