// Adds an initiative to a policy with its title, administration, status and
// funding; the rest (goals, grounds, budget) is edited afterwards.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { initiatives, policies } from "../../db/schema.ts";
import { fundingStatuses, initiativeStatuses } from "../../domain/enums.ts";
import { recordAudit } from "../audit.ts";
import { authorizeRegistry, parseInput, requireAdministration, requireRow } from "./shared.ts";

export const initiativeCreateSchema = z.object({
  policyId: z.uuid(),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(20_000).nullable(),
  administrationId: z.uuid().nullable(),
  fundingStatus: z.enum(fundingStatuses),
  status: z.enum(initiativeStatuses),
});

export async function initiativeCreator(ctx: Context, input: unknown) {
  const { policyId, ...values } = parseInput(initiativeCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "create");
    await requireRow(tx, policies, policyId, "The policy");
    await requireAdministration(tx, values.administrationId);
    const [after] = await tx.db
      .insert(initiatives)
      .values({ organisationId: tx.organisationId, policyId, ...values })
      .returning();
    await recordAudit(tx, { action: "initiative.create", entity: "initiative", entityId: after!.id, after });
    return after!;
  });
}
