// SQL fragments the API's queries share: administrations and committees are named by
// their code (as in the open-data package), dates and times in ISO form.
import { getTableName, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { administrations, committees } from "../db/schema.ts";

/**
 * A column named with its table ("initiatives"."id"). Drizzle leaves the table out when
 * a query reads one table, and inside a subquery an unqualified name means the inner
 * table's column: every hand-written subquery names its columns with this.
 */
export const col = (column: PgColumn): SQL => sql.raw(`"${getTableName(column.table)}"."${column.name}"`);

/** The code of the administration a column points to (null when it points nowhere). */
export const administrationCode = (column: PgColumn): SQL<string | null> =>
  sql<
    string | null
  >`(SELECT ${col(administrations.code)} FROM ${administrations} WHERE ${col(administrations.id)} = ${col(column)})`;

export const committeeCode = (column: PgColumn): SQL<string | null> =>
  sql<
    string | null
  >`(SELECT ${col(committees.code)} FROM ${committees} WHERE ${col(committees.id)} = ${col(column)})`;

/** Rows whose administration column points at the administration with this code. */
export const hasAdministrationCode = (column: PgColumn, code: string): SQL =>
  sql`${col(column)} IN (SELECT ${col(administrations.id)} FROM ${administrations} WHERE ${col(administrations.code)} = ${code})`;

export const hasCommitteeCode = (column: PgColumn, code: string): SQL =>
  sql`${col(column)} IN (SELECT ${col(committees.id)} FROM ${committees} WHERE ${col(committees.code)} = ${code})`;

/** A timestamp as ISO 8601 in UTC with microseconds. */
export const isoTimestamp = (column: PgColumn): SQL<string> =>
  sql<string>`to_char(${col(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A date as YYYY-MM-DD, the same text from both database drivers. */
export const isoDate = (column: PgColumn): SQL<string | null> =>
  sql<string | null>`to_char(${col(column)}, 'YYYY-MM-DD')`;
