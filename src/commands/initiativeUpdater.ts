// Edits an initiative's registry fields, guarded by its version.
import { z } from "zod";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import { initiatives } from "../db/schema.ts";
import { equalityGrounds, fundingStatuses, initiativeStatuses } from "../domain/enums.ts";
import { validationFailed } from "../errors.ts";
import { recordAudit } from "./audit.ts";
import { loadForUpdate, updateVersioned } from "./versioned.ts";

export const initiativeUpdateSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(500).optional(),
  description: z.string().max(20_000).nullable().optional(),
  fundingStatus: z.enum(fundingStatuses).optional(),
  status: z.enum(initiativeStatuses).optional(),
  equalityGrounds: z.array(z.enum(equalityGrounds)).optional(),
  targetGroups: z.array(z.string().trim().min(1).max(200)).optional(),
  partners: z.array(z.string().trim().min(1).max(200)).optional(),
  startYear: z.number().int().min(1900).max(2200).nullable().optional(),
  endYear: z.number().int().min(1900).max(2200).nullable().optional(),
});
export type InitiativeUpdate = z.infer<typeof initiativeUpdateSchema>;

export async function initiativeUpdater(ctx: Context, input: unknown) {
  const parsed = initiativeUpdateSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version, ...changes } = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const current = await loadForUpdate(tx, initiatives, id, "The initiative");
    authorize(tx.actor, "update", { entity: "registry", administrationId: current.administrationId });
    const { before, after } = await updateVersioned(tx, initiatives, id, version, changes, "The initiative");
    await recordAudit(tx, { action: "initiative.update", entity: "initiative", entityId: id, before, after });
    return after;
  });
}
