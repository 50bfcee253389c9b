// Keyset pagination for the API's lists: every list is ordered by id, and a page
// continues after the last id of the previous one. The cursor is that id, base64url
// encoded, so clients treat it as opaque and we may change the sort key later.
import { and, eq, gt, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../db/client.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What an API query reads with: the database, the organisation, and the suppression threshold. */
export interface ApiScope {
  db: Executor;
  organisationId: string;
  threshold: number;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<Row> {
  rows: Row[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64url");
}

/** The id a cursor continues after, or null when it is not one of ours. */
export function decodeCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  return UUID.test(id) ? id : null;
}

/**
 * One page: `select(where, n)` must order by `idColumn` ascending and return at most n
 * rows. One row beyond the limit is read to know whether another page follows.
 */
export async function fetchPage<Row extends { id: string }>(
  idColumn: PgColumn,
  where: SQL | undefined,
  page: PageRequest,
  select: (where: SQL | undefined, limit: number) => Promise<Row[]>,
): Promise<Page<Row>> {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await select(and(where, after ? gt(idColumn, after) : undefined), page.limit + 1);
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return { rows: shown, next: more ? encodeCursor(shown[shown.length - 1]!.id) : null };
}

export const firstRow = <Row>(rows: Row[]): Row | undefined => rows[0];

export type Select<Row> = (scope: ApiScope, where: SQL | undefined, limit: number) => Promise<Row[]>;

/**
 * The list and get of one resource from its select: both scoped to the organisation
 * and to what the public may see, so another organisation's id is simply not found.
 */
export function resourceQueries<Row extends { id: string }, Filters>(def: {
  id: PgColumn;
  organisationId: PgColumn;
  select: Select<Row>;
  filters: (filters: Filters, scope: ApiScope) => (SQL | undefined)[];
  /** Rows the public may not see at all (e.g. unpublished hearing responses). */
  visible?: (scope: ApiScope) => SQL | undefined;
}) {
  const scoped = (scope: ApiScope, ...more: (SQL | undefined)[]) =>
    and(eq(def.organisationId, scope.organisationId), def.visible?.(scope), ...more);
  return {
    list: (scope: ApiScope, filters: Filters, page: PageRequest): Promise<Page<Row>> =>
      fetchPage(def.id, scoped(scope, ...def.filters(filters, scope)), page, (where, limit) =>
        def.select(scope, where, limit),
      ),
    get: async (scope: ApiScope, id: string): Promise<Row | undefined> =>
      firstRow(await def.select(scope, scoped(scope, eq(def.id, id)), 1)),
  };
}

/** A filter condition only when its value was given. */
export const when = <T>(value: T | undefined, condition: (value: T) => SQL): SQL | undefined =>
  value === undefined ? undefined : condition(value);
