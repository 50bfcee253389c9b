// Deletes an administration or a committee that nothing uses. One in use stays:
// deleting it would take the responsible administration or committee away from
// policies, goals, initiatives, past status rounds and users' roles.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { AppError, staleVersion, validationFailed } from "../../errors.ts";
import { type UnitKind, unitTable, unitUsage, usageSentence } from "../../queries/organisation/units.ts";
import { recordAudit } from "../audit.ts";
import { loadForUpdate } from "../versioned.ts";
import { unitWords } from "./unitSaver.ts";

export const unitDeleteSchema = z.object({ id: z.uuid(), version: z.number().int().positive() });

export async function unitDeleter(ctx: Context, kind: UnitKind, input: unknown) {
  const parsed = unitDeleteSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version } = parsed.data;
  authorize(ctx.actor, "manage", { entity: "organisation" });
  const table = unitTable(kind);
  const words = unitWords[kind];
  return inTransaction(ctx, async (tx) => {
    const row = await loadForUpdate(tx, table, id, words.what);
    if (row.version !== version) throw staleVersion(words.what, version, row.version);
    const usage = await unitUsage(tx, kind, id);
    if (usage.length)
      throw new AppError("invalid_state", `${words.what} ${row.code} is in use and cannot be deleted.`, {
        danish: inUseExplanation(kind, row.code, usageSentence(usage)),
      });
    await tx.db.delete(table).where(eq(table.id, id));
    await recordAudit(tx, { action: `${kind}.delete`, entity: kind, entityId: id, before: row });
    return row;
  });
}

/** Why one in use cannot be deleted, in Danish, for the page and the error. */
export function inUseExplanation(kind: UnitKind, code: string, uses: string): string {
  const w = unitWords[kind];
  return (
    `${capitalise(w.definite)} ${code} kan ikke slettes, fordi ${uses} henviser til ${w.definite}. ` +
    `Sletning ville fjerne ansvaret fra registret og fra tidligere statusrunder. ` +
    `Ret navnet eller koden i stedet, eller flyt det, der henviser til ${w.definite}, først.`
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
