// Adds a yearly target of an initiative (year, metric, target, actual, unit),
// or edits one, guarded by its version.
import { z } from "zod";
import type { Context } from "../../context.ts";
import { annualTargets } from "../../db/schema.ts";
import { parseInput, saveInitiativeRow, zYear } from "./shared.ts";

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
  const target = "id" in data ? { id: data.id, version: data.version } : { initiativeId: data.initiativeId };
  return saveInitiativeRow(
    ctx,
    { table: annualTargets, entity: "annual_target", what: "The annual target" },
    target,
    values,
  );
}
