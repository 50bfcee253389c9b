// Adds a theme to a policy; its number must be free within the policy.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { policies, themes } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { authorizeRegistry, noteWritten, parseInput, requireRow } from "./shared.ts";
import { themeFields } from "./themeUpdater.ts";

export const themeCreateSchema = z.object({ policyId: z.uuid(), ...themeFields });

export async function themeCreator(ctx: Context, input: unknown) {
  const { policyId, ...values } = parseInput(themeCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "create");
    await requireRow(tx, policies, policyId, "The policy");
    const [clash] = await tx.db
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.policyId, policyId), eq(themes.number, values.number)));
    if (clash)
      throw new AppError("duplicate", `The policy already has a theme number ${values.number}.`, {
        danish: `Politikken har allerede et tema nummer ${values.number}.`,
      });
    const [after] = await tx.db
      .insert(themes)
      .values({ organisationId: tx.organisationId, policyId, ...values })
      .returning();
    noteWritten(tx, after!.id);
    noteWritten(tx, `${after!.id}@${policyId}`);
    await recordAudit(tx, { action: "theme.create", entity: "theme", entityId: after!.id, after });
    return after!;
  });
}
