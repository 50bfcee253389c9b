// Erases the personal data in a response on the respondent's request (GDPR art.
// 17): a private person's name, the contact e-mail (and its receipts in the
// outbox), the text (replaced by a note) and position quotes, and the attachment
// (unlinked; deleted when it was this hearing's upload and nothing else uses it).
// The audit entry records that it happened, never what was erased.
import fs from "node:fs/promises";
import path from "node:path";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { documents, hearingResponses, outbox } from "../../db/schema.ts";
import { formatDanishDate } from "../../domain/danishDate.ts";
import { validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { ATTACHMENT_KIND } from "./attachment.ts";
import { responseForUpdate } from "./load.ts";

export const responseEraseSchema = z.object({
  hearingId: z.uuid(),
  responseId: z.uuid(),
  /** Why, for the log (e.g. "anmodning pr. e-mail 3. maj"); no personal data. */
  reason: z.string().trim().max(500).optional(),
});

export const erasedNote = (day: string) =>
  `[Teksten er slettet efter anmodning om sletning af personoplysninger ${formatDanishDate(day)}.]`;

export async function responseEraser(
  ctx: Context,
  input: z.input<typeof responseEraseSchema>,
  /** Where uploads are kept: the attachment's bytes are removed there too. */
  opts: { storeDir?: string } = {},
) {
  authorize(ctx.actor, "manage", { entity: "hearing" });
  const parsed = responseEraseSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  let storedFile: string | null = null;
  const erased = await inTransaction(ctx, async (tx) => {
    const before = await responseForUpdate(tx, data.responseId, data.hearingId);
    const now = new Date().toISOString();
    const [after] = await tx.db
      .update(hearingResponses)
      .set({
        fromName: before.respondentKind === "citizen" ? null : before.fromName,
        consentToPublishName: false,
        contactEmail: null,
        text: erasedNote(now.slice(0, 10)),
        positions: before.positions.map((p) => ({ section: p.section, position: p.position })),
        attachmentDocumentId: null,
        erasedAt: now,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(hearingResponses.id, before.id))
      .returning();
    if (before.contactEmail)
      await tx.db
        .delete(outbox)
        .where(
          and(
            eq(outbox.organisationId, tx.organisationId),
            eq(outbox.kind, "receipt"),
            eq(outbox.to, before.contactEmail),
          ),
        );
    let attachmentDeleted = false;
    if (before.attachmentDocumentId) {
      const others = await tx.db
        .select({ id: hearingResponses.id })
        .from(hearingResponses)
        .where(
          and(
            eq(hearingResponses.attachmentDocumentId, before.attachmentDocumentId),
            ne(hearingResponses.id, before.id),
          ),
        );
      if (others.length === 0) {
        const deleted = await tx.db
          .delete(documents)
          .where(and(eq(documents.id, before.attachmentDocumentId), eq(documents.kind, ATTACHMENT_KIND)))
          .returning({ id: documents.id, storagePath: documents.storagePath });
        attachmentDeleted = deleted.length > 0;
        storedFile = deleted[0]?.storagePath ?? null;
      }
    }
    await recordAudit(tx, {
      action: "hearing_response.erase",
      entity: "hearing_response",
      entityId: before.id,
      before: {
        hadName: before.respondentKind === "citizen" && !!before.fromName,
        hadEmail: !!before.contactEmail,
        hadAttachment: !!before.attachmentDocumentId,
      },
      after: { erasedAt: now, attachmentDeleted, reason: data.reason ?? null },
    });
    return after!;
  });
  // After the commit: a rolled-back erasure must not have lost the file.
  if (storedFile && opts.storeDir)
    await fs.rm(path.join(opts.storeDir, path.basename(storedFile)), { force: true });
  return erased;
}
