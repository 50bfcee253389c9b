// `pejl import-data`: a package written by the export (audience "full") or by hand, back
// into the context's organisation. Everything is checked before anything is written:
// the descriptor against the Frictionless profiles, every file as UTF-8, every header and
// cell against its field, every key and reference (the files are streamed; only key fields
// are kept). Then one transaction reads the files again and writes the rows, in batches,
// in dependency order (insert new ids, update changed rows) with one audit event; a refused package leaves the
// database exactly as it was. Into an organisation that holds nothing yet, the ids are
// written as they are and looked up only if one turns out to be taken (writeAsNew).
import { getTableName, sql } from "drizzle-orm";
import { recordAudit } from "../commands/audit.ts";
import { type Context, inTransaction } from "../context.ts";
import { quoteIdentifier } from "../db/identifier.ts";
import { AppError, isAppError } from "../errors.ts";
import type { AsNewCopy } from "./asNewCopy.ts";
import { copyBytes, fillSlot } from "./copy.ts";
import type { ResourceName } from "./fields.ts";
import { checkKeys } from "./keys.ts";
import { Problems } from "./problems.ts";
import { type CheckedPackage, type ParsedTable, readPackage, readRows } from "./readPackage.ts";
import {
  checkExistingKeys,
  existingCodes,
  holdsNone,
  type Resolution,
  resolveAsNew,
  resolveIds,
} from "./resolve.ts";
import { type Refs, toDatabaseRow } from "./resourceDef.ts";
import { writeOrder } from "./resources.ts";
import { type LinkCounts, syncLinks, upsertRows, type WriteCounts } from "./write.ts";

export interface ImportResult {
  /** Per resource in the package: rows read, inserted and changed (the rest were already equal). */
  resources: Partial<Record<ResourceName, WriteCounts>>;
  /** Per link table (goal_committees, initiative_goals, inquiry_administrations): pairs added and removed. */
  links: Record<string, LinkCounts>;
  /** Package ids replaced because another organisation of this database owns them (resolve.ts). */
  remappedIds: number;
}

function linkPairs(table: ParsedTable, refs: Refs): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>();
  for (const f of table.def.fields.filter((x) => x.join)) {
    const target = f.references!;
    const pairs: [string, string][] = [];
    for (const row of table.rows) {
      const owner = refs.id(table.def.name, row.id as string);
      for (const item of row[f.name] as string[]) {
        const other =
          target.field === "id"
            ? refs.id(target.resource, item)
            : refs.code(target.resource as "administrations" | "committees", item);
        pairs.push([owner, other]);
      }
    }
    out.set(f.name, pairs);
  }
  return out;
}

// A constraint the checks above did not foresee still refuses the package with its file named.
function databaseRefusal(error: unknown, file: string): unknown {
  const cause = databaseError(error);
  if (!cause.code || !/^23/.test(cause.code)) return error;
  const detail = cause.detail ?? cause.message ?? "";
  return new AppError(
    "bad_package",
    `The data package was not imported, nothing was changed. ${file}: ${detail}`,
    {
      cause: error,
    },
  );
}

// Rows are read again from the file and written this many at a time.
const WRITE_BATCH = 20_000;

/** One resource's rows, streamed from its file; a resource that refers to itself is written whole (parents first). */
async function writeTable(
  ctx: Context,
  table: ParsedTable,
  refs: Refs,
  existing: Set<string>,
): Promise<WriteCounts> {
  const counts: WriteCounts = { rows: 0, inserted: 0, updated: 0 };
  const whole: Record<string, unknown>[] = [];
  for await (const batch of readRows(table, WRITE_BATCH)) {
    const rows = batch.map((row) => toDatabaseRow(table.def, row, refs, ctx.organisationId));
    if (table.def.selfRef) {
      whole.push(...rows);
      continue;
    }
    const written = await upsertRows(ctx, table.def, rows, existing);
    counts.rows += written.rows;
    counts.inserted += written.inserted;
    counts.updated += written.updated;
  }
  return table.def.selfRef ? upsertRows(ctx, table.def, whole, existing) : counts;
}

/** A table's COPY text made for the organisation, its id filled in; null without a single connection to copy on. */
async function writeCopy(ctx: Context, table: ParsedTable, copy: AsNewCopy): Promise<WriteCounts | null> {
  fillSlot(copy.bytes, ctx.organisationId);
  if (!(await copyBytes(ctx, quoteIdentifier(getTableName(table.def.table)), copy.columns, copy.bytes)))
    return null;
  return { rows: copy.rows, inserted: copy.rows, updated: 0 };
}

export async function importDataPackage(ctx: Context, dir: string): Promise<ImportResult> {
  return importTables(ctx, await readPackage(dir));
}

/**
 * Writes a checked package into the context's organisation in one transaction (or the open
 * one). Its keys within the package are checked again here only when the reading could not
 * (`keysChecked`: references to the organisation's own codes).
 */
export async function importTables(
  ctx: Context,
  pkg: Pick<CheckedPackage, "tables" | "keysChecked" | "asNew">,
): Promise<ImportResult> {
  const { tables } = pkg;
  return inTransaction(ctx, async (tx) => {
    const problems = new Problems();
    const { codes, ids } = await existingCodes(tx);
    if (!pkg.keysChecked) checkKeys(tables, codes, problems);
    problems.throwIfAny();
    if (await holdsNone(tx)) {
      const result = await writeAsNew(tx, tables, pkg.asNew);
      if (result) return result;
    }
    const resolution = await resolveIds(tx, tables, ids, problems);
    problems.throwIfAny();
    // Made only for a table whose keys the check must compare (usually none).
    const databaseRows = (table: ParsedTable) =>
      table.rows.map((row) => toDatabaseRow(table.def, row, resolution.refs, tx.organisationId));
    await checkExistingKeys(tx, tables, databaseRows, resolution.existing, problems);
    problems.throwIfAny();
    return writeAll(tx, tables, resolution);
  });
}

const AS_NEW = "pejl_import_as_new";

/**
 * An organisation that holds none of the package's kinds of rows (a municipality moving in)
 * gets every package id as it is, without looking each one up first (at national scale the
 * lookups were about a tenth of the import). Should another organisation of this database own
 * one of them, its primary key refuses the row: the writes are undone to a savepoint and null
 * returned, for the ids to be resolved one by one.
 */
async function writeAsNew(
  ctx: Context,
  tables: Map<string, ParsedTable>,
  copies?: Map<ResourceName, AsNewCopy>,
): Promise<ImportResult | null> {
  await ctx.db.execute(sql.raw(`SAVEPOINT ${AS_NEW}`));
  try {
    const result = await writeAll(ctx, tables, resolveAsNew(tables), copies);
    await ctx.db.execute(sql.raw(`RELEASE SAVEPOINT ${AS_NEW}`));
    return result;
  } catch (error) {
    if (!isPrimaryKeyConflict(error)) throw error;
    await ctx.db.execute(sql.raw(`ROLLBACK TO SAVEPOINT ${AS_NEW}`));
    return null;
  }
}

/** The database's error behind `error` (the write's own, or the cause of its refusal). */
function databaseError(error: unknown): {
  code?: string;
  detail?: string;
  message?: string;
  constraint?: string;
} {
  let current = error as { cause?: unknown; code?: unknown } | undefined;
  while (current && typeof current.code !== "string" && current.cause)
    current = current.cause as typeof current;
  return (current ?? {}) as ReturnType<typeof databaseError>;
}

function isPrimaryKeyConflict(error: unknown): boolean {
  const cause = databaseError(error);
  return cause.code === "23505" && (cause.constraint?.endsWith("_pkey") ?? false);
}

/** Every table in dependency order, its link tables after it, and the import's audit event. */
async function writeAll(
  tx: Context,
  tables: Map<string, ParsedTable>,
  { refs, remapped, existing }: Resolution,
  /** Tables already made COPY text for this resolution (asNewCopy.ts). */
  copies?: Map<ResourceName, AsNewCopy>,
): Promise<ImportResult> {
  const result: ImportResult = { resources: {}, links: {}, remappedIds: remapped };
  for (const name of writeOrder) {
    const table = tables.get(name);
    if (!table) continue;
    try {
      const copy = copies?.get(name);
      result.resources[name] =
        (copy && (await writeCopy(tx, table, copy))) ||
        (await writeTable(tx, table, refs, existing.get(name)!));
      // Only rows that were here before can have pairs already.
      const had = existing.get(name)!;
      const owners = table.rows.map((row) => refs.id(name, row.id as string)).filter((id) => had.has(id));
      for (const [fieldName, pairs] of linkPairs(table, refs)) {
        const join = table.def.fields.find((f) => f.name === fieldName)!.join!;
        result.links[getTableName(join.table)] = await syncLinks(tx, join, owners, pairs);
      }
    } catch (error) {
      throw isAppError(error) ? error : databaseRefusal(error, table.file);
    }
  }
  await recordAudit(tx, {
    action: "data_package.import",
    entity: "organisation",
    entityId: tx.organisationId,
    after: result,
  });
  return result;
}
