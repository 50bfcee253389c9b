// Edits a goal: its text, number, kind, theme (within its policy) and the
// administration responsible; guarded by its version.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { goals, themes } from "../../db/schema.ts";
import { goalKinds } from "../../domain/enums.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadForUpdate, updateVersioned } from "../versioned.ts";
import { authorizeRegistry, parseInput, requireAdministration } from "./shared.ts";

/** The fields a goal is created and edited with. */
export const goalFields = {
  kind: z.enum(goalKinds),
  number: z.string().trim().max(20).nullable(),
  text: z.string().trim().min(1).max(5_000),
  themeId: z.uuid().nullable(),
  administrationId: z.uuid().nullable(),
  sortOrder: z.number().int().min(0).max(100_000),
};
export const goalUpdateSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  ...goalFields,
});

export async function goalUpdater(ctx: Context, input: unknown) {
  const { id, version, ...changes } = parseInput(goalUpdateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "update");
    const current = await loadForUpdate(tx, goals, id, "The goal");
    if (changes.themeId) {
      const [theme] = await tx.db
        .select({ id: themes.id })
        .from(themes)
        .where(and(eq(themes.id, changes.themeId), eq(themes.policyId, current.policyId)));
      if (!theme) throw new AppError("validation_failed", "The theme belongs to another policy.");
    }
    await requireAdministration(tx, changes.administrationId);
    const { before, after } = await updateVersioned(tx, goals, id, version, changes, "The goal");
    await recordAudit(tx, { action: "goal.update", entity: "goal", entityId: id, before, after });
    return after;
  });
}
