// Optimistic concurrency: an update names the version it read. A stale version is
// a conflict with a clear message, never a silent overwrite.
import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Context } from "../context.ts";
import { notFound, staleVersion } from "../errors.ts";

export type VersionedTable = PgTable & {
  id: PgColumn;
  organisationId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
};

export async function loadForUpdate<T extends VersionedTable>(
  ctx: Context,
  table: T,
  id: string,
  what: string,
): Promise<T["$inferSelect"]> {
  const rows = await ctx.db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.organisationId, ctx.organisationId)))
    .for("update");
  const row = rows[0];
  if (!row) throw notFound(what);
  return row as T["$inferSelect"];
}

/** Updates the row if it is still at `expectedVersion`; returns the new row. */
export async function updateVersioned<T extends VersionedTable>(
  ctx: Context,
  table: T,
  id: string,
  expectedVersion: number,
  values: Partial<T["$inferInsert"]>,
  what: string,
): Promise<{ before: T["$inferSelect"]; after: T["$inferSelect"] }> {
  const before = (await loadForUpdate(ctx, table, id, what)) as T["$inferSelect"] & { version: number };
  if (before.version !== expectedVersion) throw staleVersion(what, expectedVersion, before.version);
  const rows = await ctx.db
    .update(table as PgTable)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning();
  return { before, after: rows[0] as T["$inferSelect"] };
}
