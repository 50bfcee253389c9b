// Changes what the organisation calls its council in the pages ("kommunalbestyrelsen",
// "Borgerrepræsentationen"), guarded by the organisation's version the admin read.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { organisations } from "../../db/schema.ts";
import { councilNameSchema } from "../../domain/council.ts";
import { AppError, staleVersion, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";

export const councilNameSaveSchema = z.object({
  councilName: councilNameSchema,
  version: z.number().int().min(1),
});
export type CouncilNameSave = z.infer<typeof councilNameSaveSchema>;

export async function councilNameSaver(ctx: Context, input: unknown) {
  const parsed = councilNameSaveSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { councilName, version } = parsed.data;
  authorize(ctx.actor, "manage", { entity: "organisation" });
  return inTransaction(ctx, async (tx) => {
    const where = eq(organisations.id, tx.organisationId);
    const [current] = await tx.db.select().from(organisations).where(where).for("update");
    if (!current) throw new AppError("not_found", "The organisation was not found.");
    if (current.version !== version) throw staleVersion("The organisation", version, current.version);
    const [row] = await tx.db
      .update(organisations)
      .set({ councilName, version: sql`${organisations.version} + 1`, updatedAt: sql`now()` })
      .where(and(where, eq(organisations.version, version)))
      .returning();
    await recordAudit(tx, {
      action: "organisation.update",
      entity: "organisation",
      entityId: tx.organisationId,
      before: { councilName: current.councilName, version: current.version },
      after: { councilName, version: row!.version },
    });
    return { councilName, version: row!.version };
  });
}
