// Adds a budget line to an initiative, or edits one (guarded by its version):
// a year or the whole period (no year), an amount in whole kroner, FTE and
// funding status.
import { z } from "zod";
import type { Context } from "../../context.ts";
import { budgetLines } from "../../db/schema.ts";
import { budgetLineFields as b } from "../../domain/entities/budgetLine.ts";
import { fundingStatuses } from "../../domain/enums.ts";
import { parseInput, saveInitiativeRow } from "./shared.ts";

const fields = {
  year: b.year,
  amountDkk: b.amount_dkk,
  fte: b.fte,
  fundingStatus: z.enum(fundingStatuses),
  label: b.label,
};
export const budgetLineSaveSchema = z.union([
  z.object({ id: z.uuid(), version: z.number().int().positive(), ...fields }),
  z.object({ initiativeId: z.uuid(), ...fields }),
]);

export async function budgetLineSaver(ctx: Context, input: unknown) {
  const data = parseInput(budgetLineSaveSchema, input);
  const values = {
    year: data.year,
    amountDkk: data.amountDkk,
    fte: data.fte,
    fundingStatus: data.fundingStatus,
    label: data.label,
  };
  const target = "id" in data ? { id: data.id, version: data.version } : { initiativeId: data.initiativeId };
  return saveInitiativeRow(
    ctx,
    { table: budgetLines, entity: "budget_line", what: "The budget line" },
    target,
    values,
  );
}
