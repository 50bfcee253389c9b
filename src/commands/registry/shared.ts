// What every registry command shares: the zod check at the edge, the staff-only
// rule, and a delete that is guarded by the version the user read.
import { and, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import type { Context } from "../../context.ts";
import { administrations } from "../../db/schema.ts";
import { normalizePeriod } from "../../domain/period.ts";
import { AppError, notFound, staleVersion, validationFailed } from "../../errors.ts";
import { loadForUpdate } from "../versioned.ts";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  return parsed.data;
}

/** Registry content is changed by staff only; others meet a 404 or 403 from `authorize`. */
export function authorizeRegistry(ctx: Context, action: "create" | "update" | "delete") {
  authorize(ctx.actor, action, { entity: "registry" });
}

type VersionedTable = PgTable & {
  id: PgColumn;
  organisationId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
};

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
  return before;
}

/** A parent row (policy, indicator, initiative …) of this organisation, or not found. */
export async function requireRow<T extends VersionedTable>(ctx: Context, table: T, id: string, what: string) {
  const rows = await ctx.db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.organisationId, ctx.organisationId)));
  if (!rows[0]) throw notFound(what);
}

/** A calendar year as the registry holds it. */
export const zYear = z.number().int().min(1900).max(2200);

/** An administration of this organisation, or a validation error naming it. */
export async function requireAdministration(ctx: Context, id: string | null | undefined) {
  if (!id) return;
  const rows = await ctx.db
    .select({ id: administrations.id })
    .from(administrations)
    .where(and(eq(administrations.id, id), eq(administrations.organisationId, ctx.organisationId)));
  if (!rows[0]) throw new AppError("validation_failed", "There is no such administration.");
}

/** A period in any form the domain reads, stored canonically ("3. kvt. 2018" → "2018Q3"). */
export const zPeriod = z.string().transform((raw, c) => {
  const p = normalizePeriod(raw);
  if (p.ok) return p.value;
  c.addIssue({ code: "custom", message: `"${raw}" is not a period (e.g. 2018, 2018Q3, 2016/17, 2019-2022)` });
  return z.NEVER;
});
