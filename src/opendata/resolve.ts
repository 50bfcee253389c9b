// Which id each package row gets in the importing organisation. An id the organisation
// already has is kept (the row is updated). Administrations and committees are matched by
// code, documents by sha256. An id that another organisation in the same database owns is
// never touched: the row gets UUIDv5(organisation id, package id) instead, the same on
// every import, and every reference to it follows.
import { createHash } from "node:crypto";
import { eq, getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Context } from "../context.ts";
import { quoteIdentifier } from "../db/identifier.ts";
import { withLocalSetting } from "../db/localSetting.ts";
import { administrations, committees } from "../db/schema.ts";
import type { ResourceName } from "./fields.ts";
import type { CodeResource, ExistingCodes } from "./keys.ts";
import type { Problems } from "./problems.ts";
import type { ParsedTable } from "./readPackage.ts";
import type { Refs, ResourceDef } from "./resourceDef.ts";
import { resources, writeOrder } from "./resources.ts";
import { rowsOf } from "./sqlRows.ts";

const CHUNK = 20_000;

/** RFC 4122 name-based UUID (SHA-1): the same namespace and name always give the same id. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function existingCodes(
  ctx: Context,
): Promise<{ codes: ExistingCodes; ids: Record<CodeResource, Map<string, string>> }> {
  const org = ctx.organisationId;
  const a = await ctx.db
    .select({ id: administrations.id, code: administrations.code })
    .from(administrations)
    .where(eq(administrations.organisationId, org));
  const c = await ctx.db
    .select({ id: committees.id, code: committees.code })
    .from(committees)
    .where(eq(committees.organisationId, org));
  const ids = {
    administrations: new Map(a.map((r) => [r.code, r.id])),
    committees: new Map(c.map((r) => [r.code, r.id])),
  };
  return {
    ids,
    codes: {
      administrations: new Set(ids.administrations.keys()),
      committees: new Set(ids.committees.keys()),
    },
  };
}

/**
 * Which of each resource's ids exist in its table, and in which organisation: one
 * statement for all resources (a round trip each cost more than the lookups), the ids as
 * one JSON parameter per resource, `CHUNK` ids at a time. Without parallel workers: once
 * the tables are large, PostgreSQL runs the statement's primary-key probes in a parallel
 * plan whose workers cost more to start than the probes (at the 29th of a national
 * import's packages 184 ms a package, 33 ms without; the plan is index probes either way).
 */
function owners(
  ctx: Context,
  wanted: { def: ResourceDef; ids: string[] }[],
): Promise<Map<ResourceName, Map<string, string>>> {
  if (!wanted.some((w) => w.ids.length)) return ownersOf(ctx, wanted);
  return withLocalSetting(ctx.db, "max_parallel_workers_per_gather", "0", () => ownersOf(ctx, wanted));
}

async function ownersOf(
  ctx: Context,
  wanted: { def: ResourceDef; ids: string[] }[],
): Promise<Map<ResourceName, Map<string, string>>> {
  const found = new Map<ResourceName, Map<string, string>>(wanted.map((w) => [w.def.name, new Map()]));
  const pairs = wanted.flatMap(({ def, ids }) => ids.map((id) => [def, id] as const));
  for (const chunk of chunks(pairs, CHUNK)) {
    const byResource = new Map<ResourceDef, string[]>();
    for (const [def, id] of chunk) {
      const ids = byResource.get(def);
      if (ids) ids.push(id);
      else byResource.set(def, [id]);
    }
    const selects = [...byResource].map(([def, ids]) =>
      sql.join([
        sql.raw(
          `SELECT '${def.name}' AS r, t.id::text AS id, t.organisation_id::text AS org FROM jsonb_array_elements_text(`,
        ),
        sql`${JSON.stringify(ids)}`,
        sql.raw(`::jsonb) AS j(id) JOIN ${quoteIdentifier(getTableName(def.table))} t ON t.id = j.id::uuid`),
      ]),
    );
    // One row per resource and owner, its ids joined: thousands of rows cost more to return.
    const rows = rowsOf(
      await ctx.db.execute(
        sql.join([
          sql.raw("SELECT r, org, string_agg(id, ',') AS ids FROM ("),
          sql.join(selects, sql.raw(" UNION ALL ")),
          sql.raw(") f GROUP BY r, org"),
        ]),
      ),
    ) as { r: ResourceName; org: string; ids: string }[];
    for (const r of rows) {
      const map = found.get(r.r)!;
      for (const id of r.ids.split(",")) map.set(id, r.org);
    }
  }
  return found;
}

async function naturalKeyIds(ctx: Context, table: ParsedTable, field: string): Promise<Map<string, string>> {
  const columns = getTableColumns(table.def.table) as Record<string, PgColumn>;
  const key = field.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const rows = (await ctx.db
    .select({ id: columns.id!, key: columns[key]! })
    .from(table.def.table)
    .where(eq(columns.organisationId!, ctx.organisationId))) as { id: string; key: string }[];
  return new Map(rows.map((r) => [r.key, r.id]));
}

export interface Resolution {
  refs: Refs;
  /** How many package ids were replaced because another organisation owns them. */
  remapped: number;
  /** Per resource: the resolved ids that already exist in this organisation (updated, not inserted). */
  existing: Map<ResourceName, Set<string>>;
}

export async function resolveIds(
  ctx: Context,
  tables: Map<string, ParsedTable>,
  codeIds: Record<CodeResource, Map<string, string>>,
  problems: Problems,
): Promise<Resolution> {
  const maps = new Map<ResourceName, Map<string, string>>();
  const existing = new Map<ResourceName, Set<string>>();
  let remapped = 0;
  const present = writeOrder.flatMap((name) => (tables.has(name) ? [tables.get(name)!] : []));
  const foundAll = await owners(
    ctx,
    present.map((table) => ({ def: table.def, ids: table.rows.map((r) => r.id as string) })),
  );
  const replacedAll: { def: ResourceDef; ids: string[] }[] = [];
  for (const table of present) {
    const name = table.def.name;
    const found = foundAll.get(name)!;
    const natural = !table.def.matchBy
      ? undefined
      : table.def.matchBy === "code"
        ? codeIds[name as CodeResource]
        : table.rows.length
          ? await naturalKeyIds(ctx, table, table.def.matchBy)
          : undefined;
    const map = new Map<string, string>();
    const exists = new Set<string>();
    const takenBy = new Map<string, number>();
    const replaced: string[] = [];
    table.rows.forEach((row, i) => {
      const id = row.id as string;
      let resolved = id;
      const match = natural?.get(row[table.def.matchBy!] as string);
      const owner = found.get(id);
      if (owner === ctx.organisationId) exists.add(id);
      else if (match) {
        resolved = match;
        exists.add(match);
      } else if (owner !== undefined) {
        resolved = uuidV5(ctx.organisationId, id);
        replaced.push(resolved);
        remapped++;
      }
      const earlier = takenBy.get(resolved);
      if (earlier !== undefined) {
        problems.add({
          file: table.file,
          row: i + 1,
          column: table.def.matchBy ?? "id",
          message: `matches the same existing ${name} row as row ${earlier} of the package`,
        });
      }
      takenBy.set(resolved, i + 1);
      map.set(id, resolved);
    });
    if (replaced.length) replacedAll.push({ def: table.def, ids: replaced });
    maps.set(name, map);
    existing.set(name, exists);
  }
  // A replaced id is already here when the same package was imported before.
  for (const [name, found] of await owners(ctx, replacedAll))
    for (const [id, org] of found) if (org === ctx.organisationId) existing.get(name)!.add(id);
  return { remapped, existing, refs: refsOf(maps, codeIds, tables) };
}

/** The refs of resolved ids (`maps`: per resource, package id → id written; an id not in it stays). */
function refsOf(
  maps: Map<ResourceName, Map<string, string>>,
  codeIds: Record<CodeResource, Map<string, string>>,
  tables: Map<string, ParsedTable>,
): Refs {
  // A code means the package's row when the package has one, otherwise the organisation's.
  const codes = {
    administrations: new Map(codeIds.administrations),
    committees: new Map(codeIds.committees),
  };
  for (const resource of ["administrations", "committees"] as const) {
    const map = maps.get(resource);
    for (const row of tables.get(resource)?.rows ?? []) {
      const id = row.id as string;
      codes[resource].set(row.code as string, map?.get(id) ?? id);
    }
  }
  return {
    id: (resource, id) => maps.get(resource)?.get(id) ?? id,
    code: (resource, code) => {
      const id = codes[resource].get(code);
      if (!id) throw new Error(`unchecked ${resource} code ${code}`);
      return id;
    },
  };
}

/**
 * The resolution for an organisation that holds none of the package's kinds of rows: no id
 * of it to keep, no code or document to match, so every package id is written as it is
 * (unless another organisation owns it, which only the writes find out: importTables).
 */
export function resolveAsNew(tables: Map<string, ParsedTable>): Resolution {
  const existing = new Map<ResourceName, Set<string>>();
  for (const name of tables.keys()) existing.set(name as ResourceName, new Set());
  const none = { administrations: new Map(), committees: new Map() };
  return { remapped: 0, existing, refs: refsOf(new Map(), none, tables) };
}

/** Whether the organisation holds no row of any resource a package can hold: one statement, one index probe per table. */
export async function holdsNone(ctx: Context): Promise<boolean> {
  const probes = resources.map((def) =>
    sql.join([
      sql.raw(`EXISTS (SELECT 1 FROM ${quoteIdentifier(getTableName(def.table))} WHERE organisation_id = `),
      sql`${ctx.organisationId}`,
      sql.raw(")"),
    ]),
  );
  const [row] = rowsOf(
    await ctx.db.execute(
      sql.join([sql.raw("SELECT NOT ("), sql.join(probes, sql.raw(" OR ")), sql.raw(") AS none")]),
    ),
  ) as { none: boolean }[];
  return row!.none;
}

/** How many rows each resource's table holds in the organisation: one statement for all. */
async function rowCounts(ctx: Context, defs: ResourceDef[]): Promise<Map<ResourceName, number>> {
  if (!defs.length) return new Map();
  const selects = defs.map((def) =>
    sql.join([
      sql.raw(
        `SELECT '${def.name}' AS r, count(*)::int AS n FROM ${quoteIdentifier(getTableName(def.table))} WHERE organisation_id = `,
      ),
      sql`${ctx.organisationId}`,
    ]),
  );
  const rows = rowsOf(await ctx.db.execute(sql.join(selects, sql.raw(" UNION ALL ")))) as {
    r: ResourceName;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.r, Number(r.n)]));
}

/**
 * Natural keys (slug, theme number …) already used by another row of the organisation.
 * `existing`: the package's rows the organisation already has (resolveIds); when these are
 * all its rows, no other row can hold a key, and the table is not read.
 */
export async function checkExistingKeys(
  ctx: Context,
  tables: Map<string, ParsedTable>,
  /** A table's rows as written (toDatabaseRow), key fields resolved. */
  databaseRows: (table: ParsedTable) => Record<string, unknown>[],
  existing: Map<ResourceName, Set<string>>,
  problems: Problems,
): Promise<void> {
  const keysOf = (def: ResourceDef) =>
    (def.unique ?? []).filter((k) => !(k.length === 1 && k[0] === def.matchBy));
  const keyed = [...tables.values()].filter((t) => keysOf(t.def).length > 0);
  const counts = await rowCounts(
    ctx,
    keyed.map((t) => t.def),
  );
  for (const table of keyed) {
    const { def } = table;
    if (counts.get(def.name) === existing.get(def.name)!.size) continue;
    const keys = keysOf(def);
    const columns = getTableColumns(def.table) as Record<string, PgColumn>;
    const rows = databaseRows(table);
    const packageIds = new Set(rows.map((r) => r.id as string));
    for (const key of keys) {
      const props = key
        .map((f) => def.fields.find((x) => x.name === f)!.column ?? f)
        .map((c) => c.replace(/_([a-z0-9])/g, (_, x: string) => x.toUpperCase()));
      const select = Object.fromEntries([["id", columns.id!], ...props.map((p) => [p, columns[p]!])]);
      const existingRows = (await ctx.db
        .select(select)
        .from(def.table)
        .where(eq(columns.organisationId!, ctx.organisationId))) as Record<string, unknown>[];
      const owner = new Map<string, string>();
      for (const r of existingRows) {
        if (!packageIds.has(r.id as string))
          owner.set(props.map((p) => String(r[p])).join("\u0000"), r.id as string);
      }
      rows.forEach((r, i) => {
        const other = owner.get(props.map((p) => String(r[p])).join("\u0000"));
        if (other && other !== r.id) {
          problems.add({
            file: table.file,
            row: i + 1,
            column: key[key.length - 1]!,
            message: `${key.join(" + ")} is already used by another ${def.name} row of this organisation (id ${other})`,
          });
        }
      });
    }
  }
}
