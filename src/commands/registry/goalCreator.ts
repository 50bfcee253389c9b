// Adds a goal to a policy (optionally under one of its themes).
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { goals, policies, themes } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { goalFields, linkCommittees } from "./goalUpdater.ts";
import { authorizeRegistry, noteWritten, parseInput, requireAdministration, requireRow } from "./shared.ts";

export const goalCreateSchema = z.object({ policyId: z.uuid(), ...goalFields });

export async function goalCreator(ctx: Context, input: unknown) {
  const { policyId, committeeIds, ...values } = parseInput(goalCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "create");
    await requireRow(tx, policies, policyId, "The policy");
    if (values.themeId && !tx.known?.has(`${values.themeId}@${policyId}`)) {
      const [theme] = await tx.db
        .select({ id: themes.id })
        .from(themes)
        .where(and(eq(themes.id, values.themeId), eq(themes.policyId, policyId)));
      if (!theme) throw new AppError("validation_failed", "The theme belongs to another policy.");
    }
    await requireAdministration(tx, values.administrationId);
    const [after] = await tx.db
      .insert(goals)
      .values({ organisationId: tx.organisationId, policyId, ...values })
      .returning();
    noteWritten(tx, after!.id);
    const links = committeeIds?.length
      ? await linkCommittees(tx, after!.id, committeeIds, { isNew: true })
      : undefined;
    await recordAudit(tx, {
      action: "goal.create",
      entity: "goal",
      entityId: after!.id,
      after: links ? { ...after, committeeIds: links.after } : after,
    });
    return after!;
  });
}
