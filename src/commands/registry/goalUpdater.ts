// Edits a goal: its text, number, kind, theme (within its policy) and the
// administration responsible; guarded by its version.
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { committees, goalCommittees, goals, themes } from "../../db/schema.ts";
import { goalFields as g } from "../../domain/entities/goal.ts";
import { goalKinds } from "../../domain/enums.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadForUpdate, updateVersioned } from "../versioned.ts";
import { authorizeRegistry, parseInput, requireAdministration } from "./shared.ts";

/** The fields a goal is created and edited with (the goal entity's rules); committees are kept when left out. */
export const goalFields = {
  kind: z.enum(goalKinds),
  number: g.number,
  text: g.text,
  themeId: z.uuid().nullable(),
  administrationId: z.uuid().nullable(),
  sortOrder: z.number().int().min(0).max(100_000),
  committeeIds: z.array(z.uuid()).max(50).optional(),
};
export const goalUpdateSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  ...goalFields,
});

export async function goalUpdater(ctx: Context, input: unknown) {
  const { id, version, committeeIds, ...changes } = parseInput(goalUpdateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "update");
    const current = await loadForUpdate(tx, goals, id, "The goal");
    if (changes.themeId) {
      const [theme] = await tx.db
        .select({ id: themes.id })
        .from(themes)
        .where(and(eq(themes.id, changes.themeId), eq(themes.policyId, current.policyId)));
      if (!theme) throw new AppError("validation_failed", "The theme belongs to another policy.");
    }
    await requireAdministration(tx, changes.administrationId);
    const { before, after } = await updateVersioned(tx, goals, id, version, changes, "The goal");
    const links = committeeIds ? await linkCommittees(tx, id, committeeIds) : undefined;
    await recordAudit(tx, {
      action: "goal.update",
      entity: "goal",
      entityId: id,
      before: links ? { ...before, committeeIds: links.before } : before,
      after: links ? { ...after, committeeIds: links.after } : after,
    });
    return after;
  });
}

/** Makes `committeeIds` (this organisation's committees) the goal's responsible committees. */
export async function linkCommittees(
  ctx: Context,
  goalId: string,
  committeeIds: string[],
  opts: { isNew?: boolean } = {},
) {
  const wanted = [...new Set(committeeIds)].sort();
  const unchecked = wanted.filter((id) => !ctx.known?.has(id));
  if (unchecked.length) {
    const found = await ctx.db
      .select({ id: committees.id })
      .from(committees)
      .where(and(inArray(committees.id, unchecked), eq(committees.organisationId, ctx.organisationId)));
    if (found.length !== unchecked.length)
      throw new AppError("validation_failed", "There is no such committee.");
    for (const c of found) ctx.known?.add(c.id);
  }
  // A goal made in this command has no links to replace.
  const old = opts.isNew
    ? []
    : await ctx.db
        .delete(goalCommittees)
        .where(eq(goalCommittees.goalId, goalId))
        .returning({ committeeId: goalCommittees.committeeId });
  if (wanted.length)
    await ctx.db
      .insert(goalCommittees)
      .values(wanted.map((committeeId) => ({ organisationId: ctx.organisationId, goalId, committeeId })));
  return { before: old.map((c) => c.committeeId).sort(), after: wanted };
}
