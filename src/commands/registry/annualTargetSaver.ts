// Adds a yearly target of an initiative (year, metric, target, actual, unit),
// or edits one, guarded by its version.
import { z } from "zod";
import type { Context } from "../../context.ts";
import { annualTargets } from "../../db/schema.ts";
import { annualTargetFields as a } from "../../domain/entities/annualTarget.ts";
import { parseInput, saveInitiativeRow } from "./shared.ts";

/** The annual target entity's rules; `fromYear` is kept when left out. */
const fields = {
  year: a.year,
  metric: a.metric,
  targetValue: a.target_value,
  actualValue: a.actual_value,
  unit: a.unit,
  fromYear: a.from_year.optional(),
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
    fromYear: data.fromYear,
  };
  const target = "id" in data ? { id: data.id, version: data.version } : { initiativeId: data.initiativeId };
  return saveInitiativeRow(
    ctx,
    { table: annualTargets, entity: "annual_target", what: "The annual target" },
    target,
    values,
  );
}
