// Edits what the registry says about a document: its title, kind, case and
// document numbers, date, and the earlier version it replaces. Guarded by version.
import { z } from "zod";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import { documents } from "../db/schema.ts";
import { documentFields as d } from "../domain/entities/document.ts";
import { recordAudit } from "./audit.ts";
import { parseInput, requireRow } from "./registry/shared.ts";
import { updateVersioned } from "./versioned.ts";

export const documentUpdateSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  title: d.title.optional(),
  kind: d.kind.optional(),
  caseNumber: d.case_number.optional(),
  documentNumber: d.document_number.optional(),
  dated: d.dated.optional(),
  previousVersionId: z.uuid().nullable().optional(),
});

export async function documentUpdater(ctx: Context, input: unknown) {
  const { id, version, ...changes } = parseInput(documentUpdateSchema, input);
  authorize(ctx.actor, "update", { entity: "document" });
  return inTransaction(ctx, async (tx) => {
    if (changes.previousVersionId)
      await requireRow(tx, documents, changes.previousVersionId, "The earlier version");
    const { before, after } = await updateVersioned(tx, documents, id, version, changes, "The document");
    // Not the text: it can be long, and it does not change.
    const { text: _b, ...was } = before;
    const { text: _a, ...is } = after;
    await recordAudit(tx, {
      action: "document.update",
      entity: "document",
      entityId: id,
      before: was,
      after: is,
    });
    return after;
  });
}
