// SQL fragments the queries share: a column named with its table, the organisation's
// condition in a hand-written subquery, administrations and committees named by their
// code (as in the open-data package), dates and times in ISO form, ids as a list or subquery.
import { type GetColumnData, getTableName, is, type Placeholder, SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { administrations, committees } from "../db/schema.ts";

/**
 * A column named with its table ("initiatives"."id"). Drizzle leaves the table out when
 * a query reads one table, and inside a subquery an unqualified name means the inner
 * table's column: every hand-written subquery names its columns with this.
 */
export const col = (column: PgColumn): SQL => sql.raw(`"${getTableName(column.table)}"."${column.name}"`);

/** An organisation's id, or in a prepared statement the placeholder that stands for it. */
export type OrganisationParam = string | Placeholder;

/** A hand-written subquery's condition that keeps `table`'s rows of the organisation. */
export const ownedBy = (table: { organisationId: PgColumn }, organisationId: OrganisationParam): SQL =>
  sql`${col(table.organisationId)} = ${organisationId}`;

/** The code of the organisation's administration a column points to (null when it points nowhere). */
export const administrationCode = (column: PgColumn, organisationId: string): SQL<string | null> =>
  sql<string | null>`(SELECT ${col(administrations.code)} FROM ${administrations}
    WHERE ${col(administrations.id)} = ${col(column)} AND ${ownedBy(administrations, organisationId)})`;

export const committeeCode = (column: PgColumn, organisationId: string): SQL<string | null> =>
  sql<string | null>`(SELECT ${col(committees.code)} FROM ${committees}
    WHERE ${col(committees.id)} = ${col(column)} AND ${ownedBy(committees, organisationId)})`;

/** Rows whose administration column points at the organisation's administration with this code. */
export const hasAdministrationCode = (column: PgColumn, code: string, organisationId: string): SQL =>
  sql`${col(column)} IN (SELECT ${col(administrations.id)} FROM ${administrations}
    WHERE ${col(administrations.code)} = ${code} AND ${ownedBy(administrations, organisationId)})`;

export const hasCommitteeCode = (column: PgColumn, code: string, organisationId: string): SQL =>
  sql`${col(column)} IN (SELECT ${col(committees.id)} FROM ${committees}
    WHERE ${col(committees.code)} = ${code} AND ${ownedBy(committees, organisationId)})`;

/** A timestamp as ISO 8601 in UTC with microseconds. */
export const isoTimestamp = (column: PgColumn): SQL<string> =>
  sql<string>`to_char(${col(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A date as YYYY-MM-DD, the same text from both database drivers. */
export const isoDate = (column: PgColumn): SQL<string | null> =>
  sql<string | null>`to_char(${col(column)}, 'YYYY-MM-DD')`;

/**
 * Ids given as a list, or as a subquery that selects them: a page then reads its
 * sources in the same round trip as the rows they belong to, not after them.
 */
export type IdsOf = readonly string[] | SQL;

/** Whether `ids` is a list with no id in it (a subquery may select none, but is still run). */
export const noIds = (ids: IdsOf): boolean => Array.isArray(ids) && ids.length === 0;

/** `ids` as inArray takes them. */
export const idList = (ids: IdsOf): string[] | SQL => (Array.isArray(ids) ? [...ids] : (ids as SQL));

/** The named ones of a set of columns, in the order named (a select's or a JSON row's order). */
export const columnsOf = <C extends Record<string, PgColumn>, K extends keyof C>(
  columns: C,
  ...names: K[]
): Pick<C, K> => Object.fromEntries(names.map((name) => [name, columns[name]])) as Pick<C, K>;

/** What a JSON row holds: a column's value as a select gives it, or an expression's type. */
type JsonFields = Record<string, PgColumn | SQL>;
export type JsonRow<F extends JsonFields> = {
  [K in keyof F]: F[K] extends PgColumn ? GetColumnData<F[K]> : F[K] extends SQL<infer T> ? T : never;
};

/**
 * The rows a hand-written subquery (`from`: its FROM and WHERE) selects, as one JSON array of
 * objects keyed as `fields` is, in `order`: a page then reads a list with its other parts in
 * one statement, not one per list. JSON gives integers, bigints and numerics as numbers and
 * dates as YYYY-MM-DD, as the drivers do here; timestamps would come back in another form.
 */
export const jsonRows = <F extends JsonFields>(fields: F, from: SQL, order: SQL[]): SQL<JsonRow<F>[]> => {
  const pairs = Object.entries(fields).map(
    ([key, value]) => sql`${sql.raw(`'${key}'`)}, ${is(value, SQL) ? value : col(value)}`,
  );
  return sql<JsonRow<F>[]>`coalesce((SELECT json_agg(json_build_object(${sql.join(pairs, sql`, `)})
    ORDER BY ${sql.join(order, sql`, `)}) ${from}), '[]'::json)`;
};
