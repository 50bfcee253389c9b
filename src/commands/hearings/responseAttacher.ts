// Attaches an imported response letter (the importer's hearing_responses row,
// made without a hearing) to a hearing. The goals the letter chose, in its own
// words, become sections: the policy goal they match, or a section of their own.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { documents, hearingResponses } from "../../db/schema.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { hearingWithGoals, responseForUpdate } from "./load.ts";
import { sectionOf } from "./sections.ts";

export const responseAttachSchema = z.object({ hearingId: z.uuid(), responseId: z.uuid() });

export async function responseAttacher(ctx: Context, input: z.input<typeof responseAttachSchema>) {
  authorize(ctx.actor, "manage", { entity: "hearing" });
  const parsed = responseAttachSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const detail = await hearingWithGoals(tx, data.hearingId);
    const response = await responseForUpdate(tx, data.responseId);
    if (response.hearingId)
      throw new AppError("conflict", "The response already belongs to a hearing.", {
        danish: "Høringssvaret hører allerede til en høring.",
      });
    const chosen = response.goalsChosen.map((g) => ({ quote: g, section: sectionOf(g, detail.goals) }));
    const sections = [...new Set(chosen.map((c) => c.section))];
    let text = response.text;
    if (!text && response.documentId) {
      const [doc] = await tx.db
        .select({ text: documents.text })
        .from(documents)
        .where(eq(documents.id, response.documentId));
      text = doc?.text ?? null;
    }
    const [after] = await tx.db
      .update(hearingResponses)
      .set({
        hearingId: detail.hearing.id,
        goalsChosen: sections.length ? sections : response.goalsChosen,
        positions: chosen.map((c) => ({ section: c.section, position: "Valgt som bidrag", quote: c.quote })),
        text,
        version: response.version + 1,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(hearingResponses.id, response.id))
      .returning();
    await recordAudit(tx, {
      action: "hearing_response.attach",
      entity: "hearing_response",
      entityId: response.id,
      before: { hearingId: null, goalsChosen: response.goalsChosen },
      after: { hearingId: detail.hearing.id, goalsChosen: after!.goalsChosen },
    });
    return after!;
  });
}
