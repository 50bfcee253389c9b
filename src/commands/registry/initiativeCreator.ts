// Adds an initiative to a policy with its title, administration, status and
// funding, and (as an import gives them) its committee, target groups, grounds,
// partners, years and the goals of its policy it serves.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { initiatives, policies } from "../../db/schema.ts";
import { checkOrder } from "../../domain/entities/fieldTypes.ts";
import { initiativeFields as i } from "../../domain/entities/initiative.ts";
import { fundingStatuses, initiativeStatuses } from "../../domain/enums.ts";
import { recordAudit } from "../audit.ts";
import { relinkGoals } from "../initiativeUpdater.ts";
import {
  authorizeRegistry,
  noteWritten,
  parseInput,
  requireAdministration,
  requireCommittee,
  requireRow,
} from "./shared.ts";

export const initiativeCreateSchema = z
  .object({
    policyId: z.uuid(),
    title: i.title,
    description: i.description,
    administrationId: z.uuid().nullable(),
    fundingStatus: z.enum(fundingStatuses),
    status: z.enum(initiativeStatuses),
    committeeId: z.uuid().nullable().optional(),
    targetGroups: i.target_groups.optional(),
    equalityGrounds: i.equality_grounds.optional(),
    partners: i.partners.optional(),
    startYear: i.start_year.optional(),
    endYear: i.end_year.optional(),
    goalIds: z.array(z.uuid()).max(200).optional(),
  })
  .superRefine(checkOrder("startYear", "endYear"));

export async function initiativeCreator(ctx: Context, input: unknown) {
  const { policyId, goalIds, ...values } = parseInput(initiativeCreateSchema, input);
  return inTransaction(ctx, async (tx) => {
    authorizeRegistry(tx, "create");
    await requireRow(tx, policies, policyId, "The policy");
    await requireAdministration(tx, values.administrationId);
    await requireCommittee(tx, values.committeeId);
    const [after] = await tx.db
      .insert(initiatives)
      .values({ organisationId: tx.organisationId, policyId, ...values })
      .returning();
    noteWritten(tx, after!.id);
    const links = goalIds?.length ? await relinkGoals(tx, after!.id, policyId, goalIds) : undefined;
    await recordAudit(tx, {
      action: "initiative.create",
      entity: "initiative",
      entityId: after!.id,
      after: links ? { ...after, goalIds: links.after } : after,
    });
    return after!;
  });
}
