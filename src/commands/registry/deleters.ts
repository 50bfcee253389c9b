// The registry's deletions, each guarded by the version the user read and
// audited with the row as it was. (Children go with their parent: the schema
// cascades, and the audit row keeps what was deleted.)
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { annualTargets, budgetLines, observations } from "../../db/schema.ts";
import { recordAudit } from "../audit.ts";
import { authorizeRegistry, deleteVersioned, parseInput } from "./shared.ts";

export const deleteSchema = z.object({ id: z.uuid(), version: z.number().int().positive() });

function deleter(table: Parameters<typeof deleteVersioned>[1], entity: string, what: string) {
  return async (ctx: Context, input: unknown) => {
    const { id, version } = parseInput(deleteSchema, input);
    return inTransaction(ctx, async (tx) => {
      authorizeRegistry(tx, "delete");
      const before = await deleteVersioned(tx, table, id, version, what);
      await recordAudit(tx, { action: `${entity}.delete`, entity, entityId: id, before });
      return before;
    });
  };
}

export const observationDeleter = deleter(observations, "observation", "The observation");
export const budgetLineDeleter = deleter(budgetLines, "budget_line", "The budget line");
export const annualTargetDeleter = deleter(annualTargets, "annual_target", "The annual target");
