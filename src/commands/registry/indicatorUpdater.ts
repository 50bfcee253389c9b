// Edits an indicator: title, unit, direction, baseline and target (periods in
// their canonical form, src/domain/period.ts), source; guarded by its version.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { indicators } from "../../db/schema.ts";
import { indicatorFields as i } from "../../domain/entities/indicator.ts";
import { indicatorDirections } from "../../domain/enums.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { authorizeRegistry, parseInput } from "./shared.ts";

/** The fields an indicator is created and edited with: the indicator entity's rules. */
export const indicatorFields = {
  title: i.title,
  unit: i.unit,
  direction: z.enum(indicatorDirections),
  baselineValue: i.baseline_value,
  baselinePeriod: i.baseline_period,
  targetValue: i.target_value,
  targetPeriod: i.target_period,
  source: i.source,
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
