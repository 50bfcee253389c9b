// Scoping in SQL. Every organisation-scoped table a query reads, joined or in a
// subquery, carries the organisation's condition: ids are global, so a row's
// foreign key can name another organisation's row, and only the condition on the
// row itself keeps it out. And a list a person may see only part of keeps the
// rows of the administrations the actor may read (authz's readableAdministrations)
// in its WHERE clause, so what is hidden is never fetched, counted or paged.
import { eq, inArray, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { readableAdministrations } from "../authz/can.ts";
import type { Actor } from "../context.ts";

/** The rows of `table` that belong to the organisation (for a join's ON or a WHERE). */
export const inOrganisation = (
  table: { organisationId: PgColumn },
  organisationId: string | Placeholder,
): SQL => eq(table.organisationId, organisationId);

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
