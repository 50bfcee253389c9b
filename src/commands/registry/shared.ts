// What every registry command shares: the zod check at the edge, the staff-only
// rule, and a delete that is guarded by the version the user read.
import { and, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { administrations, committees, initiatives } from "../../db/schema.ts";
import { AppError, notFound, staleVersion, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadForUpdate, updateVersioned, type VersionedTable } from "../versioned.ts";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  return parsed.data;
}

/** Registry content is changed by staff only; others meet a 404 or 403 from `authorize`. */
export function authorizeRegistry(ctx: Context, action: "create" | "update" | "delete") {
  authorize(ctx.actor, action, { entity: "registry" });
}

/** Deletes the row if it is still at `expectedVersion`; returns the row as it was. */
export async function deleteVersioned<T extends VersionedTable>(
  ctx: Context,
  table: T,
  id: string,
  expectedVersion: number,
  what: string,
): Promise<T["$inferSelect"]> {
  const before = (await loadForUpdate(ctx, table, id, what)) as T["$inferSelect"] & { version: number };
  if (before.version !== expectedVersion) throw staleVersion(what, expectedVersion, before.version);
  await ctx.db.delete(table as PgTable).where(and(eq(table.id, id), eq(table.version, expectedVersion)));
  // Children go with it (the schema cascades): nothing remembered in this transaction is sure any more.
  ctx.known?.clear();
  return before;
}

/** A parent row (policy, indicator, initiative …) of this organisation, or not found. */
export async function requireRow<T extends VersionedTable>(ctx: Context, table: T, id: string, what: string) {
  if (ctx.known?.has(id)) return;
  const rows = await ctx.db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.organisationId, ctx.organisationId)));
  if (!rows[0]) throw notFound(what);
  ctx.known?.add(id);
}

/** Remembers for the rest of the transaction that a row just written is this organisation's. */
export function noteWritten(ctx: Context, id: string) {
  ctx.known?.add(id);
}

/** An administration of this organisation, or a validation error naming it. */
export async function requireAdministration(ctx: Context, id: string | null | undefined) {
  if (!id || ctx.known?.has(id)) return;
  const rows = await ctx.db
    .select({ id: administrations.id })
    .from(administrations)
    .where(and(eq(administrations.id, id), eq(administrations.organisationId, ctx.organisationId)));
  if (!rows[0]) throw new AppError("validation_failed", "There is no such administration.");
  ctx.known?.add(id);
}

/** A committee of this organisation, or a validation error naming it. */
export async function requireCommittee(ctx: Context, id: string | null | undefined) {
  if (!id || ctx.known?.has(id)) return;
  const rows = await ctx.db
    .select({ id: committees.id })
    .from(committees)
    .where(and(eq(committees.id, id), eq(committees.organisationId, ctx.organisationId)));
  if (!rows[0]) throw new AppError("validation_failed", "There is no such committee.");
  ctx.known?.add(id);
}

/**
 * Adds a row under an initiative (a budget line, an annual target), or edits one
 * at the version the user read; audited as `<entity>.create` / `<entity>.update`.
 */
export async function saveInitiativeRow<T extends VersionedTable>(
  ctx: Context,
  row: { table: T; entity: string; what: string },
  target: { id: string; version: number } | { initiativeId: string },
  values: Partial<T["$inferInsert"]>,
): Promise<T["$inferSelect"]> {
  const { table, entity, what } = row;
  return inTransaction(ctx, async (tx) => {
    if ("id" in target) {
      authorizeRegistry(tx, "update");
      const { before, after } = await updateVersioned(tx, table, target.id, target.version, values, what);
      await recordAudit(tx, { action: `${entity}.update`, entity, entityId: target.id, before, after });
      return after;
    }
    authorizeRegistry(tx, "create");
    await requireRow(tx, initiatives, target.initiativeId, "The initiative");
    const [after] = (await tx.db
      .insert(table as PgTable)
      .values({ organisationId: tx.organisationId, initiativeId: target.initiativeId, ...values } as never)
      .returning()) as T["$inferSelect"][];
    noteWritten(tx, (after as { id: string }).id);
    await recordAudit(tx, {
      action: `${entity}.create`,
      entity,
      entityId: (after as { id: string }).id,
      after,
    });
    return after!;
  });
}
