// Edits a policy's own fields, guarded by its version. The fields' rules are
// the policy entity's (src/domain/entities/policy.ts), as for an imported one.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { policies } from "../../db/schema.ts";
import { checkOrder } from "../../domain/entities/fieldTypes.ts";
import { policyFields as p } from "../../domain/entities/policy.ts";
import { policyStatuses } from "../../domain/enums.ts";
import { validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import {
  authorizeRegistry,
  parseInput,
  requireAdministration,
  requireCommittee,
  requireRow,
} from "./shared.ts";

/** The fields a policy is created and edited with; those marked optional are kept when left out. */
export const policyValues = {
  title: p.title,
  kind: p.kind,
  status: z.enum(policyStatuses),
  periodStart: p.period_start,
  periodEnd: p.period_end,
  ownerAdministrationId: z.uuid().nullable(),
  adoptedOn: p.adopted_on,
  followUp: p.follow_up,
  subtitle: p.subtitle.optional(),
  equalityGrounds: p.equality_grounds.optional(),
  ownerCommitteeId: z.uuid().nullable().optional(),
  parentPolicyId: z.uuid().nullable().optional(),
  /** The document the policy was read from (a new version of it, on re-import). */
  documentId: z.uuid().nullable().optional(),
};

export const policyUpdateSchema = z
  .object({ id: z.uuid(), version: z.number().int().positive(), ...policyValues })
  .superRefine(checkOrder("periodStart", "periodEnd"));
export type PolicyUpdate = z.input<typeof policyUpdateSchema>;

/** The owner, committee and parent a policy points at must be this organisation's. */
export async function requirePolicyLinks(
  ctx: Context,
  v: {
    ownerAdministrationId?: string | null;
    ownerCommitteeId?: string | null;
    parentPolicyId?: string | null;
  },
) {
  await requireAdministration(ctx, v.ownerAdministrationId);
  await requireCommittee(ctx, v.ownerCommitteeId);
  if (v.parentPolicyId) await requireRow(ctx, policies, v.parentPolicyId, "The parent policy");
}

export async function policyUpdater(ctx: Context, input: unknown) {
  const { id, version, ...changes } = parseInput(policyUpdateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "update");
    await requirePolicyLinks(tx, changes);
    if (changes.parentPolicyId === id)
      throw validationFailed([{ path: ["parentPolicyId"], message: "a policy cannot belong to itself" }]);
    const { before, after } = await updateVersioned(tx, policies, id, version, changes, "The policy");
    await recordAudit(tx, { action: "policy.update", entity: "policy", entityId: id, before, after });
    return after;
  });
}
