// Writing checked rows back: new ids inserted, existing rows updated only when a value
// differs (then their version goes up, as after any edit), and link tables set to exactly
// the package's pairs for the rows the package holds. Importing the same package twice
// therefore changes nothing the second time.
//
// New rows are COPYed in (copy.ts) inside the import's transaction, and so are many rows to
// update, into a temporary table (updateStaged). Fewer rows to update, and new ones where
// COPY cannot be used, travel as ONE JSON parameter per batch, unpacked by jsonb_to_recordset: building
// 200,000 rows × 10 columns as bound parameters through Drizzle cost more than the
// database's own work (bench/opendata.ts). Numeric values travel as JSON strings, so
// PostgreSQL's numeric keeps every digit.
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Context } from "../context.ts";
import { quoteIdentifier } from "../db/identifier.ts";
import { withLocalSetting } from "../db/localSetting.ts";
import { type CopyColumn, copyColumns, copyConnection, copyRows } from "./copy.ts";
import type { JoinSpec } from "./fields.ts";
import { chunks } from "./resolve.ts";
import type { ResourceDef } from "./resourceDef.ts";
import { rowsOf } from "./sqlRows.ts";

const BATCH = 5000;
// New rows go in with COPY (copy.ts), in larger batches: a COPY costs one round trip.
const COPY_BATCH = 20_000;

export interface WriteCounts {
  rows: number;
  inserted: number;
  updated: number;
}

const q = quoteIdentifier;

/** Parents before children, for a resource that refers to itself. */
export function parentsFirst(rows: Record<string, unknown>[], parentKey: string): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const done = new Set<string>();
  const out: Record<string, unknown>[] = [];
  const visit = (row: Record<string, unknown>) => {
    const id = row.id as string;
    if (done.has(id)) return;
    done.add(id);
    const parent = byId.get(row[parentKey] as string);
    if (parent) visit(parent);
    out.push(row);
  };
  for (const row of rows) visit(row);
  return out;
}

interface Target {
  table: string;
  /** SQL column name and type, per Drizzle key of the rows. */
  columns: { key: string; name: string; type: string }[];
  /** The same columns for COPY (names quoted). */
  copy: CopyColumn[];
}

function target(table: PgTable, keys: string[]): Target {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  return {
    table: q(getTableName(table)),
    columns: keys.map((key) => ({ key, name: all[key]!.name, type: all[key]!.getSQLType() })),
    copy: copyColumns(table, keys),
  };
}

/** `INSERT … SELECT … FROM jsonb_to_recordset($1)`: the rows as one parameter. */
function insertFromJson(t: Target, rows: Record<string, unknown>[]): SQL {
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(t.columns.map((c) => [c.name, row[c.key] ?? null]))),
  );
  const names = t.columns.map((c) => q(c.name)).join(", ");
  const types = t.columns.map((c) => `${q(c.name)} ${c.type}`).join(", ");
  return sql.join([
    sql.raw(`INSERT INTO ${t.table} (${names}) SELECT ${names} FROM jsonb_to_recordset(`),
    sql`${json}`,
    sql.raw(`::jsonb) AS x(${types})`),
  ]);
}

/**
 * Inserts the rows whose id is new and updates the existing ones whose values differ
 * (`existing`: ids already in this organisation, from resolve.ts). Inserts go first, so
 * an updated row may point at a new one; parents come before children.
 */
export async function upsertRows(
  ctx: Context,
  def: ResourceDef,
  rows: Record<string, unknown>[],
  existing: Set<string>,
): Promise<WriteCounts> {
  const counts = { rows: rows.length, inserted: 0, updated: 0 };
  if (rows.length === 0) return counts;
  const t = target(def.table, Object.keys(rows[0]!));
  const selfKey = def.selfRef ? t.columns.find((c) => c.name === def.selfRef)!.key : undefined;
  const fresh = rows.filter((r) => !existing.has(r.id as string));
  for (const batch of chunks(selfKey ? parentsFirst(fresh, selfKey) : fresh, COPY_BATCH)) {
    if (!(await copyRows(ctx, t.table, t.copy, batch)))
      for (const part of chunks(batch, BATCH)) await ctx.db.execute(insertFromJson(t, part));
    counts.inserted += batch.length;
  }
  const changing = t.columns
    .filter((c) => c.name !== "id" && c.name !== "organisation_id")
    .map((c) => q(c.name));
  const set = changing.map((n) => `${n} = x.${n}`);
  if (def.versioned) set.push(`"version" = ${t.table}."version" + 1`);
  if ("updatedAt" in getTableColumns(def.table)) set.push(`"updated_at" = now()`);
  const types = t.columns.map((c) => `${q(c.name)} ${c.type}`).join(", ");
  // Only rows of this organisation, and only where a value really differs: an unchanged
  // row keeps its version, so importing the same package twice changes nothing.
  const where =
    ` WHERE ${t.table}."id" = x."id" AND ${t.table}."organisation_id" = x."organisation_id"` +
    ` AND ROW(${changing.map((n) => `${t.table}.${n}`).join(", ")}) IS DISTINCT FROM ROW(${changing.map((n) => `x.${n}`).join(", ")})`;
  const updating = rows.filter((r) => existing.has(r.id as string));
  if (updating.length >= STAGE_FROM) {
    const staged = await updateStaged(
      ctx,
      t,
      updating,
      `UPDATE ${t.table} SET ${set.join(", ")} FROM`,
      where,
    );
    if (staged !== null) {
      counts.updated += staged;
      return counts;
    }
  }
  for (const batch of chunks(updating, BATCH)) {
    const json = JSON.stringify(
      batch.map((row) => Object.fromEntries(t.columns.map((c) => [c.name, row[c.key] ?? null]))),
    );
    const statement = sql.join([
      sql.raw(`WITH u AS (UPDATE ${t.table} SET ${set.join(", ")} FROM jsonb_to_recordset(`),
      sql`${json}`,
      sql.raw(`::jsonb) AS x(${types})${where} RETURNING 1) SELECT count(*)::int AS n FROM u`),
    ]);
    const [result] = rowsOf(await ctx.db.execute(statement)) as { n: number }[];
    counts.updated += Number(result!.n);
  }
  return counts;
}

// From this many rows to update, they are COPYed into a temporary table and updated from it
// in one statement: unpacking them from JSON (jsonb_to_recordset) cost PostgreSQL about three
// times as much as COPY and the join together, which outweighs making the table.
const STAGE_FROM = 1000;

/**
 * The rows COPYed into a temporary table like the target's columns (dropped again, and at
 * the latest when the transaction ends), then `update` … `x` `where` from it; the number
 * of rows updated, or null without a connection to COPY on.
 */
async function updateStaged(
  ctx: Context,
  t: Target,
  rows: Record<string, unknown>[],
  update: string,
  where: string,
): Promise<number | null> {
  if (!copyConnection(ctx)) return null;
  const stage = q(`pejl_stage_${t.table.slice(1, -1)}`);
  const names = t.columns.map((c) => q(c.name));
  await ctx.db.execute(
    sql.raw(
      `CREATE TEMPORARY TABLE ${stage} ON COMMIT DROP AS SELECT ${names.join(", ")} FROM ${t.table} WITH NO DATA`,
    ),
  );
  for (const batch of chunks(rows, COPY_BATCH)) await copyRows(ctx, stage, t.copy, batch);
  // The temporary table has no statistics; planned as a hash join, the update would read the
  // whole target table (every organisation's rows) for each package. One primary-key probe per
  // staged row instead, as for the JSON rows.
  const statement = sql.raw(
    `WITH u AS (${update} ${stage} AS x${where} RETURNING 1) SELECT count(*)::int AS n FROM u`,
  );
  const [result] = (await withLocalSetting(ctx.db, "enable_hashjoin", "off", () =>
    withLocalSetting(ctx.db, "enable_mergejoin", "off", async () => rowsOf(await ctx.db.execute(statement))),
  )) as { n: number }[];
  await ctx.db.execute(sql.raw(`DROP TABLE ${stage}`));
  return Number(result!.n);
}

export interface LinkCounts {
  added: number;
  removed: number;
}

/**
 * Makes the link table hold exactly `pairs` for the rows the package holds. `owners`: those
 * of them that were here before the import (a new row has no pairs to read or remove).
 */
export async function syncLinks(
  ctx: Context,
  join: JoinSpec,
  owners: string[],
  pairs: [owner: string, other: string][],
): Promise<LinkCounts> {
  const table = q(getTableName(join.table));
  const [owner, other] = [q(join.ownerColumn), q(join.otherColumn)];
  const have = new Set<string>();
  for (const ids of chunks(owners, BATCH * 4)) {
    const rows = rowsOf(
      await ctx.db.execute(
        sql.join([
          sql.raw(`SELECT ${owner}::text AS a, ${other}::text AS b FROM ${table} WHERE ${owner} IN `),
          sql.raw("(SELECT jsonb_array_elements_text("),
          sql`${JSON.stringify(ids)}`,
          sql.raw("::jsonb)::uuid)"),
        ]),
      ),
    ) as { a: string; b: string }[];
    for (const r of rows) have.add(`${r.a}|${r.b}`);
  }
  const wanted = new Set(pairs.map(([a, b]) => `${a}|${b}`));
  const remove = [...have].filter((p) => !wanted.has(p)).map((p) => p.split("|"));
  for (const batch of chunks(remove, BATCH)) {
    await ctx.db.execute(
      sql.join([
        sql.raw(
          `DELETE FROM ${table} WHERE (${owner}, ${other}) IN (SELECT (e->>0)::uuid, (e->>1)::uuid FROM jsonb_array_elements(`,
        ),
        sql`${JSON.stringify(batch)}`,
        sql.raw("::jsonb) e)"),
      ]),
    );
  }
  // A list may name an item twice; the pair is added once.
  const add = [...new Set(pairs.map(([a, b]) => `${a}|${b}`))]
    .filter((p) => !have.has(p))
    .map((p) => p.split("|") as [string, string]);
  const [ownerProp, otherProp] = [
    drizzleKey(join.table, join.ownerColumn),
    drizzleKey(join.table, join.otherColumn),
  ];
  const rows = add.map(([a, b]) => ({ organisationId: ctx.organisationId, [ownerProp]: a, [otherProp]: b }));
  if (rows.length) {
    const t = target(join.table, Object.keys(rows[0]!));
    for (const batch of chunks(rows, COPY_BATCH))
      if (!(await copyRows(ctx, t.table, t.copy, batch))) await bulkInsert(ctx, join.table, batch);
  }
  return { added: add.length, removed: remove.length };
}

/** Inserts rows (Drizzle keys, all alike) in batches of one JSON parameter each. */
export async function bulkInsert(
  ctx: Context,
  table: PgTable,
  rows: Record<string, unknown>[],
  suffix = "",
): Promise<void> {
  if (rows.length === 0) return;
  const t = target(table, Object.keys(rows[0]!));
  for (const batch of chunks(rows, BATCH))
    await ctx.db.execute(sql.join([insertFromJson(t, batch), sql.raw(suffix)]));
}

/** The Drizzle key of a column given by its SQL name. */
function drizzleKey(table: PgTable, name: string): string {
  return Object.entries(getTableColumns(table) as Record<string, PgColumn>).find(
    ([, c]) => c.name === name,
  )![0];
}
