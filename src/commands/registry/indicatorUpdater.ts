// Edits an indicator: title, unit, direction, baseline and target (periods in
// their canonical form, src/domain/period.ts), source; guarded by its version.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { indicators } from "../../db/schema.ts";
import { indicatorDirections } from "../../domain/enums.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { authorizeRegistry, parseInput, zPeriod } from "./shared.ts";

/** The fields a indicator is created and edited with. */
export const indicatorFields = {
  title: z.string().trim().min(1).max(500),
  unit: z.string().trim().max(100).nullable(),
  direction: z.enum(indicatorDirections),
  baselineValue: z.number().finite().nullable(),
  baselinePeriod: zPeriod.nullable(),
  targetValue: z.number().finite().nullable(),
  targetPeriod: zPeriod.nullable(),
  source: z.string().trim().max(2_000).nullable(),
};
export const indicatorUpdateSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  ...indicatorFields,
});

export async function indicatorUpdater(ctx: Context, input: unknown) {
  const { id, version, ...changes } = parseInput(indicatorUpdateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "update");
    const { before, after } = await updateVersioned(tx, indicators, id, version, changes, "The indicator");
    await recordAudit(tx, { action: "indicator.update", entity: "indicator", entityId: id, before, after });
    return after;
  });
}
