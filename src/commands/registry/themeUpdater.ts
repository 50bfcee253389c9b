// Edits a theme (number, title, description), guarded by its version.
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { themes } from "../../db/schema.ts";
import { themeFields as t } from "../../domain/entities/theme.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadForUpdate, updateVersioned } from "../versioned.ts";
import { authorizeRegistry, parseInput } from "./shared.ts";

/** The fields a theme is created and edited with: the theme entity's rules. */
export const themeFields = t;
export const themeUpdateSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  ...themeFields,
});

export async function themeUpdater(ctx: Context, input: unknown) {
  const { id, version, ...changes } = parseInput(themeUpdateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "update");
    const current = await loadForUpdate(tx, themes, id, "The theme");
    const [clash] = await tx.db
      .select({ id: themes.id })
      .from(themes)
      .where(
        and(eq(themes.policyId, current.policyId), eq(themes.number, changes.number), ne(themes.id, id)),
      );
    if (clash)
      throw new AppError("duplicate", `The policy already has a theme number ${changes.number}.`, {
        danish: `Politikken har allerede et tema nummer ${changes.number}.`,
      });
    const { before, after } = await updateVersioned(tx, themes, id, version, changes, "The theme");
    await recordAudit(tx, { action: "theme.update", entity: "theme", entityId: id, before, after });
    return after;
  });
}
