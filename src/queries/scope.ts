// Scoping in SQL: a list a person may see only part of keeps the rows of the
// administrations the actor may read (authz's readableAdministrations) in its
// WHERE clause, so what is hidden is never fetched, counted or paged.
import { inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { readableAdministrations } from "../authz/can.ts";
import type { Actor } from "../context.ts";

/**
 * The condition that keeps rows whose `column` (an administration id) the actor
 * may read for `entity`; undefined when they may read every administration's.
 * A row bound to no administration is kept only for those who read them all.
 */
export function readableBy(actor: Actor, entity: string, column: PgColumn): SQL | undefined {
  const ids = readableAdministrations(actor, entity);
  if (ids === "all") return undefined;
  if (ids.length === 0) return sql`false`;
  return inArray(column, ids);
}
