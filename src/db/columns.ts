// Column sets every table shares, and the enumeration checks the schema reuses.
import { sql } from "drizzle-orm";
import { type AnyPgColumn, customType, foreignKey, integer, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every table belongs to one organisation (municipality): one deployment can hold several.
 * A table references organisations directly only where no same-organisation key below
 * already implies it. A key over a NOT NULL column does: the parent row must exist with
 * this organisation_id, and the parent's own organisation_id references organisations, so
 * a second, plain check per written row adds only time (an index probe per row on a bulk
 * import). Deleting an organisation is still refused while it has rows, at the parent.
 */
export const organisationId = () => uuid("organisation_id").notNull();

/**
 * A reference that cannot leave its organisation: the child's (organisation_id, column) must
 * be a row's (organisation_id, id) in the parent, which declares that pair unique. A budget
 * line of one municipality can then never hang under another's initiative, whatever code
 * wrote it. A null column is not checked (MATCH SIMPLE), as with a plain reference.
 */
export function sameOrganisation(
  name: string,
  columns: [AnyPgColumn, AnyPgColumn],
  parentColumns: [AnyPgColumn, AnyPgColumn],
) {
  return foreignKey({ name, columns, foreignColumns: parentColumns });
}

export const primaryId = () => uuid("id").primaryKey().defaultRandom();

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
};

/** Optimistic concurrency: a write names the version it read, and bumps it. */
export const version = () => integer("version").notNull().default(1);

export const editable = () => ({ ...timestamps, version: version() });

export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

/** `column IN ('a','b')` for a check constraint over an `as const` list. */
export function oneOf(column: string, values: readonly string[]) {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
  return sql.raw(`${column} IN (${list})`);
}
