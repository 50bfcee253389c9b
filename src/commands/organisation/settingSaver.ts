// Changes one of the organisation's settings, guarded by the version the admin
// read (0 when the setting had never been saved, so two first saves conflict too).
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { settings } from "../../db/schema.ts";
import { AppError, staleVersion, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { settingDefinition, settingKeys } from "./settings.ts";

export const settingSaveSchema = z.object({
  key: z.enum(settingKeys),
  value: z.number().int(),
  version: z.number().int().min(0),
});
export type SettingSave = z.infer<typeof settingSaveSchema>;

export async function settingSaver(ctx: Context, input: unknown) {
  const parsed = settingSaveSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { key, value, version } = parsed.data;
  const def = settingDefinition(key)!;
  if (value < def.min || value > def.max)
    throw new AppError("validation_failed", `${key} must be a whole number from ${def.min} to ${def.max}.`, {
      details: [{ path: "value", message: `must be from ${def.min} to ${def.max}` }],
      danish: `Skriv et helt tal fra ${def.min} til ${def.max}.`,
    });
  authorize(ctx.actor, "manage", { entity: "organisation" });
  return inTransaction(ctx, async (tx) => {
    const where = and(eq(settings.organisationId, tx.organisationId), eq(settings.key, key));
    const [current] = await tx.db.select().from(settings).where(where).for("update");
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== version) throw staleVersion("The setting", version, currentVersion);
    const rows = current
      ? await tx.db
          .update(settings)
          .set({ value, version: sql`${settings.version} + 1`, updatedAt: sql`now()` })
          .where(and(where, eq(settings.version, version)))
          .returning()
      : await tx.db
          .insert(settings)
          .values({ organisationId: tx.organisationId, key, value })
          .onConflictDoNothing()
          .returning();
    // Someone else saved it first (the first save of a setting has no row to lock).
    if (!rows[0]) throw staleVersion("The setting", version, version + 1);
    await recordAudit(tx, {
      action: "setting.update",
      entity: "setting",
      entityId: key,
      before: current ? { key, value: current.value, version: current.version } : null,
      after: { key, value, version: rows[0].version },
    });
    return { key, value, version: rows[0].version };
  });
}
