// `pejl import-data`: a package written by the export (audience "full") or by hand, back
// into the context's organisation. Everything is checked before anything is written:
// the descriptor against the Frictionless profiles, every file as UTF-8, every header and
// cell against its field, every key and reference (the files are streamed; only key fields
// are kept). Then one transaction reads the files again and writes the rows, in batches,
// in dependency order (insert new ids, update changed rows) with one audit event; a refused package leaves the
// database exactly as it was.
import { getTableName } from "drizzle-orm";
import { recordAudit } from "../commands/audit.ts";
import { type Context, inTransaction } from "../context.ts";
import { AppError, isAppError } from "../errors.ts";
import type { ResourceName } from "./fields.ts";
import { checkKeys } from "./keys.ts";
import { Problems } from "./problems.ts";
import { type ParsedTable, readPackage, readRows } from "./readPackage.ts";
import { checkExistingKeys, existingCodes, resolveIds } from "./resolve.ts";
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
  const cause = (error as { cause?: { code?: string; detail?: string; message?: string } }).cause ?? error;
  const code = (cause as { code?: string }).code;
  if (!code || !/^23/.test(code)) return error;
  const detail = (cause as { detail?: string }).detail ?? (cause as { message?: string }).message ?? "";
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

export async function importDataPackage(ctx: Context, dir: string): Promise<ImportResult> {
  const { tables } = await readPackage(dir);
  return importTables(ctx, tables);
}

/** Writes checked tables into the context's organisation in one transaction (or the open one). */
export async function importTables(ctx: Context, tables: Map<string, ParsedTable>): Promise<ImportResult> {
  return inTransaction(ctx, async (tx) => {
    const problems = new Problems();
    const { codes, ids } = await existingCodes(tx);
    checkKeys(tables, codes, problems);
    problems.throwIfAny();
    const { refs, remapped, existing } = await resolveIds(tx, tables, ids, problems);
    problems.throwIfAny();
    // Made only for a table whose keys the check must compare (usually none).
    const databaseRows = (table: ParsedTable) =>
      table.rows.map((row) => toDatabaseRow(table.def, row, refs, tx.organisationId));
    await checkExistingKeys(tx, tables, databaseRows, existing, problems);
    problems.throwIfAny();

    const result: ImportResult = { resources: {}, links: {}, remappedIds: remapped };
    for (const name of writeOrder) {
      const table = tables.get(name);
      if (!table) continue;
      try {
        result.resources[name] = await writeTable(tx, table, refs, existing.get(name)!);
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
  });
}
