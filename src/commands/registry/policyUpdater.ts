// Edits a policy's own fields, guarded by its version.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { policies } from "../../db/schema.ts";
import { policyKinds, policyStatuses } from "../../domain/enums.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { authorizeRegistry, parseInput, requireAdministration, zYear } from "./shared.ts";

export const policyUpdateSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(500),
  kind: z.enum(policyKinds),
  status: z.enum(policyStatuses),
  periodStart: zYear.nullable(),
  periodEnd: zYear.nullable(),
  ownerAdministrationId: z.uuid().nullable(),
  adoptedOn: z.iso.date().nullable(),
  followUp: z.string().max(20_000).nullable(),
});
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;

export async function policyUpdater(ctx: Context, input: unknown) {
  const { id, version, ...changes } = parseInput(policyUpdateSchema, input);
  if (changes.periodStart && changes.periodEnd && changes.periodStart > changes.periodEnd)
    throw new AppError("validation_failed", "The period ends before it starts.");
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "update");
    await requireAdministration(tx, changes.ownerAdministrationId);
    const { before, after } = await updateVersioned(tx, policies, id, version, changes, "The policy");
    await recordAudit(tx, { action: "policy.update", entity: "policy", entityId: id, before, after });
    return after;
  });
}
