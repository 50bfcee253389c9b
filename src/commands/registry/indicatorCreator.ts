// Adds an indicator to a goal.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { goals, indicators } from "../../db/schema.ts";
import { recordAudit } from "../audit.ts";
import { indicatorFields } from "./indicatorUpdater.ts";
import { authorizeRegistry, noteWritten, parseInput, requireRow } from "./shared.ts";

export const indicatorCreateSchema = z.object({ goalId: z.uuid(), ...indicatorFields });

export async function indicatorCreator(ctx: Context, input: unknown) {
  const { goalId, ...values } = parseInput(indicatorCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "create");
    await requireRow(tx, goals, goalId, "The goal");
    const [after] = await tx.db
      .insert(indicators)
      .values({ organisationId: tx.organisationId, goalId, ...values })
      .returning();
    noteWritten(tx, after!.id);
    await recordAudit(tx, { action: "indicator.create", entity: "indicator", entityId: after!.id, after });
    return after!;
  });
}
