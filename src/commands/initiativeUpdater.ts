// Edits an initiative's registry fields, guarded by its version.

import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import { goals, initiativeGoals, initiatives } from "../db/schema.ts";
import { checkOrder } from "../domain/entities/fieldTypes.ts";
import { initiativeFields as i } from "../domain/entities/initiative.ts";
import { fundingStatuses, initiativeStatuses } from "../domain/enums.ts";
import { AppError, validationFailed } from "../errors.ts";
import { recordAudit } from "./audit.ts";
import { requireAdministration, requireCommittee } from "./registry/shared.ts";
import { loadForUpdate, updateVersioned } from "./versioned.ts";

/** The initiative entity's rules; a field left out is kept as it is. */
export const initiativeUpdateSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    title: i.title.optional(),
    description: i.description.optional(),
    fundingStatus: z.enum(fundingStatuses).optional(),
    status: z.enum(initiativeStatuses).optional(),
    equalityGrounds: i.equality_grounds.optional(),
    targetGroups: i.target_groups.optional(),
    partners: i.partners.optional(),
    startYear: i.start_year.optional(),
    endYear: i.end_year.optional(),
    administrationId: z.uuid().nullable().optional(),
    committeeId: z.uuid().nullable().optional(),
    /** The goals the initiative serves (replaces the links); goals of its own policy only. */
    goalIds: z.array(z.uuid()).max(200).optional(),
  })
  .superRefine(checkOrder("startYear", "endYear"));
export type InitiativeUpdate = z.infer<typeof initiativeUpdateSchema>;

export async function initiativeUpdater(ctx: Context, input: unknown) {
  const parsed = initiativeUpdateSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version, goalIds, ...changes } = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const current = await loadForUpdate(tx, initiatives, id, "The initiative");
    authorize(tx.actor, "update", { entity: "registry", administrationId: current.administrationId });
    if (changes.administrationId) {
      authorize(tx.actor, "update", { entity: "registry", administrationId: changes.administrationId });
      await requireAdministration(tx, changes.administrationId);
    }
    await requireCommittee(tx, changes.committeeId);
    const { before, after } = await updateVersioned(tx, initiatives, id, version, changes, "The initiative");
    const goalLinks = goalIds ? await relinkGoals(tx, id, current.policyId, goalIds) : undefined;
    await recordAudit(tx, {
      action: "initiative.update",
      entity: "initiative",
      entityId: id,
      before: goalLinks ? { ...before, goalIds: goalLinks.before } : before,
      after: goalLinks ? { ...after, goalIds: goalLinks.after } : after,
    });
    return after;
  });
}

/** Makes `goalIds` (goals of the initiative's own policy) the goals it serves. */
export async function relinkGoals(ctx: Context, initiativeId: string, policyId: string, goalIds: string[]) {
  const wanted = [...new Set(goalIds)].sort();
  if (wanted.length) {
    const found = await ctx.db
      .select({ id: goals.id })
      .from(goals)
      .where(
        and(
          inArray(goals.id, wanted),
          eq(goals.policyId, policyId),
          eq(goals.organisationId, ctx.organisationId),
        ),
      );
    if (found.length !== wanted.length)
      throw new AppError("validation_failed", "An initiative can only serve goals of its own policy.");
  }
  const old = await ctx.db
    .delete(initiativeGoals)
    .where(eq(initiativeGoals.initiativeId, initiativeId))
    .returning({ goalId: initiativeGoals.goalId });
  if (wanted.length)
    await ctx.db
      .insert(initiativeGoals)
      .values(wanted.map((goalId) => ({ organisationId: ctx.organisationId, initiativeId, goalId })));
  return { before: old.map((g) => g.goalId).sort(), after: wanted };
}
