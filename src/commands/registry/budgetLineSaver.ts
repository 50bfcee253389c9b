// Adds a budget line to an initiative, or edits one (guarded by its version):
// a year or the whole period (no year), an amount in whole kroner, FTE and
// funding status.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { budgetLines, initiatives } from "../../db/schema.ts";
import { fundingStatuses } from "../../domain/enums.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { authorizeRegistry, parseInput, requireRow, zYear } from "./shared.ts";

const fields = {
  year: zYear.nullable(),
  amountDkk: z.number().int().nullable(),
  fte: z.number().finite().min(0).nullable(),
  fundingStatus: z.enum(fundingStatuses),
  label: z.string().trim().max(500).nullable(),
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
  return inTransaction(ctx, async (tx) => {
    if ("id" in data) {
      authorizeRegistry(tx, "update");
      const { before, after } = await updateVersioned(
        tx,
        budgetLines,
        data.id,
        data.version,
        values,
        "The budget line",
      );
      await recordAudit(tx, {
        action: "budget_line.update",
        entity: "budget_line",
        entityId: data.id,
        before,
        after,
      });
      return after;
    }
    authorizeRegistry(tx, "create");
    await requireRow(tx, initiatives, data.initiativeId, "The initiative");
    const [after] = await tx.db
      .insert(budgetLines)
      .values({ organisationId: tx.organisationId, initiativeId: data.initiativeId, ...values })
      .returning();
    await recordAudit(tx, {
      action: "budget_line.create",
      entity: "budget_line",
      entityId: after!.id,
      after,
    });
    return after!;
  });
}
