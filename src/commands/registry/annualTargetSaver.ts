// Adds a yearly target of an initiative (year, metric, target, actual, unit),
// or edits one, guarded by its version.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { annualTargets, initiatives } from "../../db/schema.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { authorizeRegistry, parseInput, requireRow, zYear } from "./shared.ts";

const fields = {
  year: zYear.nullable(),
  metric: z.string().trim().min(1).max(500),
  targetValue: z.number().finite().nullable(),
  actualValue: z.number().finite().nullable(),
  unit: z.string().trim().max(100).nullable(),
};
export const annualTargetSaveSchema = z.union([
  z.object({ id: z.uuid(), version: z.number().int().positive(), ...fields }),
  z.object({ initiativeId: z.uuid(), ...fields }),
]);

export async function annualTargetSaver(ctx: Context, input: unknown) {
  const data = parseInput(annualTargetSaveSchema, input);
  const values = {
    year: data.year,
    metric: data.metric,
    targetValue: data.targetValue,
    actualValue: data.actualValue,
    unit: data.unit,
  };
  return inTransaction(ctx, async (tx) => {
    if ("id" in data) {
      authorizeRegistry(tx, "update");
      const { before, after } = await updateVersioned(
        tx,
        annualTargets,
        data.id,
        data.version,
        values,
        "The annual target",
      );
      await recordAudit(tx, {
        action: "annual_target.update",
        entity: "annual_target",
        entityId: data.id,
        before,
        after,
      });
      return after;
    }
    authorizeRegistry(tx, "create");
    await requireRow(tx, initiatives, data.initiativeId, "The initiative");
    const [after] = await tx.db
      .insert(annualTargets)
      .values({ organisationId: tx.organisationId, initiativeId: data.initiativeId, ...values })
      .returning();
    await recordAudit(tx, {
      action: "annual_target.create",
      entity: "annual_target",
      entityId: after!.id,
      after,
    });
    return after!;
  });
}
