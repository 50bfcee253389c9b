// Adds a policy (or action plan, committee action plan, report) with a slug of
// its own: imported ones come through here too, so they meet the same rules.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { policies } from "../../db/schema.ts";
import { checkOrder } from "../../domain/entities/fieldTypes.ts";
import { uniqueSlug } from "../../domain/slug.ts";
import { recordAudit } from "../audit.ts";
import { policyValues, requirePolicyLinks } from "./policyUpdater.ts";
import { authorizeRegistry, noteWritten, parseInput } from "./shared.ts";

export const policyCreateSchema = z
  .object({ ...policyValues, status: policyValues.status.default("adopted") })
  .superRefine(checkOrder("periodStart", "periodEnd"));
export type PolicyCreate = z.input<typeof policyCreateSchema>;

export async function policyCreator(ctx: Context, input: unknown) {
  const values = parseInput(policyCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "create");
    await requirePolicyLinks(tx, values);
    const taken = await tx.db
      .select({ slug: policies.slug })
      .from(policies)
      .where(eq(policies.organisationId, tx.organisationId));
    const slug = uniqueSlug(values.title, new Set(taken.map((r) => r.slug)));
    const [after] = await tx.db
      .insert(policies)
      .values({ organisationId: tx.organisationId, slug, ...values })
      .returning();
    noteWritten(tx, after!.id);
    await recordAudit(tx, { action: "policy.create", entity: "policy", entityId: after!.id, after });
    return after!;
  });
}
