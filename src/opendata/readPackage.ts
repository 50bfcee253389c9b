// Reads a package folder: datapackage.json and each declared CSV, strictly UTF-8, with
// the header and every cell checked against the resource's declared fields. The CSV files
// are streamed: only the key fields of each row are kept. Nothing here touches the database.
import fs from "node:fs/promises";
import path from "node:path";
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { AppError } from "../errors.ts";
import type { AsNewCopy } from "./asNewCopy.ts";
import { parseCell } from "./cells.ts";
import { csvRecords, NotUtf8 } from "./csvStream.ts";
import { checkDescriptor, type DeclaredResource, type PackageOrganisation } from "./descriptor.ts";
import type { ResourceName } from "./fields.ts";
import { checkKeys } from "./keys.ts";
import { type Problem, Problems } from "./problems.ts";
import type { ParsedRow, ResourceDef } from "./resourceDef.ts";

export interface ParsedTable {
  def: ResourceDef;
  /** The file name in the package. */
  file: string;
  /** Where it is read from. */
  source: string;
  /**
   * rows[i] is data row i + 1: whole when `whole` is set, otherwise with its key fields
   * only (`keyFields`); `readRows` gives whole rows either way.
   */
  rows: ParsedRow[];
  /** The rows are whole: the file fitted in what the check keeps (`KEEP_CHARS`), and is not read again. */
  whole?: boolean;
}

/**
 * How much cell text the check keeps whole across a package: a package within it is
 * read once, a larger one keeps key fields only and reads each file again to write it.
 * A bound, not a share of the package, so memory does not grow with the number of rows.
 */
const KEEP_CHARS = 8 * 1024 * 1024;

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    // Not a lead byte, or the sequence is cut off by the end of the file.
    if (extra === 0 || i + extra >= bytes.length) return i;
    for (let k = 1; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const next = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if ((c === 0xe0 && next < 0xa0) || (c === 0xed && next > 0x9f)) return i;
    if ((c === 0xf0 && next < 0x90) || (c === 0xf4 && next > 0x8f)) return i;
    i += extra + 1;
  }
  return -1;
}

const strict = new TextDecoder("utf-8", { fatal: true });

/** Where in the table the bad byte is: data row and column, found by parsing the valid text before it. */
function locateByte(bytes: Uint8Array, offset: number): { row?: number; column?: string; line: number } {
  const before = strict.decode(bytes.subarray(0, offset));
  const line = before.split("\n").length;
  try {
    const records = parse(before, { relax_column_count: true, relax_quotes: true }) as string[][];
    if (before.endsWith("\n") || records.length === 0) records.push([""]);
    const header = records[0]!;
    const row = records.length - 1;
    const last = records[records.length - 1]!;
    return row === 0 ? { row: 0, line } : { row, column: header[last.length - 1], line };
  } catch {
    return { line };
  }
}

/** Strict UTF-8 decoding (a leading BOM is dropped); a problem names the first bad byte's row and column. */
export function decodeUtf8(bytes: Uint8Array, file: string, problems: Problems): string | null {
  try {
    return strict.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const at = locateByte(bytes, offset);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    const problem: Problem = {
      file,
      message:
        `the file is not UTF-8: byte 0x${byte} (line ${at.line}) cannot be read as UTF-8, as happens with ` +
        'Latin-1/Windows-1252 files. Save it as "CSV UTF-8" and import again.',
    };
    if (at.row !== undefined) problem.row = at.row;
    if (at.column !== undefined) problem.column = at.column;
    problems.add(problem);
    return null;
  }
}

export async function readDescriptor(dir: string, problems: Problems): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.join(dir, "datapackage.json"));
  } catch {
    problems.add({ file: "datapackage.json", message: `is missing from ${dir}` });
    return undefined;
  }
  const text = decodeUtf8(bytes, "datapackage.json", problems);
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.add({ file: "datapackage.json", message: `is not valid JSON (${(error as Error).message})` });
    return undefined;
  }
}

function checkHeader(def: ResourceDef, file: string, header: string[], problems: Problems): boolean {
  const expected = def.fields.map((f) => f.name);
  const before = problems.total;
  for (const name of expected) {
    if (!header.includes(name)) {
      problems.add({
        file,
        row: 0,
        column: name,
        message: `the column is missing (the header must be ${expected.join(",")})`,
      });
    }
  }
  for (const name of header) {
    if (!expected.includes(name))
      problems.add({ file, row: 0, column: name, message: `is not a column of ${def.name}` });
  }
  if (problems.total === before && header.join() !== expected.join()) {
    problems.add({ file, row: 0, message: `the columns must be in the order ${expected.join(",")}` });
  }
  return problems.total === before;
}

/**
 * The fields the key checks, the id resolution and the link tables need: ids, references,
 * natural keys. Only these are kept per row while checking; every other cell is checked
 * and dropped, and read again from the file when the row is written (`readRows`).
 */
export function keyFields(def: ResourceDef): Set<string> {
  const names = new Set<string>(["id"]);
  for (const f of def.fields) if (f.references) names.add(f.name);
  for (const key of def.unique ?? []) for (const name of key) names.add(name);
  if (def.matchBy) names.add(def.matchBy);
  if (def.selfRef) names.add(def.selfRef);
  if (def.name === "provenance") names.add("entity").add("entity_id");
  return names;
}

/** One record checked against the fields: the row, or null after adding its problems. */
function parseRecord(
  def: ResourceDef,
  file: string,
  record: string[],
  i: number,
  problems: Problems,
): ParsedRow | null {
  if (record.length !== def.fields.length) {
    problems.add({
      file,
      row: i,
      message: `has ${record.length} values; the header has ${def.fields.length} columns`,
    });
    return null;
  }
  const row: ParsedRow = {};
  let valid = true;
  def.fields.forEach((f, j) => {
    const cell = parseCell(f, record[j]!);
    if (cell.ok) row[f.name] = cell.value;
    else {
      valid = false;
      problems.add({ file, row: i, column: f.name, message: cell.error });
    }
  });
  const broken = valid ? def.check?.(row) : null;
  if (broken) problems.add({ file, row: i, column: broken.field, message: broken.message });
  return row;
}

function project(row: ParsedRow, fields: Set<string>): ParsedRow {
  const out: ParsedRow = {};
  for (const name of fields) out[name] = row[name] ?? null;
  return out;
}

/**
 * Reads one file as a stream, keeping rows whole while `budget.chars` lasts (then only
 * their key fields); false when it could not be read as a whole (problems added).
 */
async function readTable(
  table: ParsedTable,
  problems: Problems,
  budget: { chars: number },
): Promise<boolean> {
  const { def, file, source } = table;
  const keys = keyFields(def);
  const mark = problems.mark();
  let i = 0;
  let kept = 0;
  table.whole = true;
  try {
    for await (const record of csvRecords(source)) {
      if (i === 0 && !checkHeader(def, file, record, problems)) return false;
      if (i > 0) {
        const row = parseRecord(def, file, record, i, problems);
        if (table.whole) {
          for (const cell of record) kept += cell.length;
          if (kept > budget.chars) {
            table.whole = false;
            table.rows = table.rows.map((r) => project(r, keys));
          }
        }
        if (row) table.rows.push(table.whole ? row : project(row, keys));
      }
      i++;
    }
    if (table.whole) budget.chars -= kept;
  } catch (error) {
    // A file that is not UTF-8 or not CSV is one problem, not one per row read before it.
    problems.reset(mark);
    if (error instanceof NotUtf8) decodeUtf8(await fs.readFile(source), file, problems);
    else if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      problems.add({ file, message: `is not valid CSV${line ? ` (line ${line})` : ""}: ${error.message}` });
    } else throw error;
    return false;
  }
  if (i === 0) problems.add({ file, row: 0, message: "the file is empty: the header row is missing" });
  return i > 0;
}

/**
 * Reads and checks every declared resource; problems are collected, not thrown.
 * `keepChars`: how much cell text is kept whole (default `KEEP_CHARS`).
 */
export async function readTables(
  dir: string,
  declared: DeclaredResource[],
  problems: Problems,
  keepChars = KEEP_CHARS,
): Promise<Map<string, ParsedTable>> {
  const tables = new Map<string, ParsedTable>();
  const budget = { chars: keepChars };
  for (const { def, path: file } of declared) {
    const source = path.join(dir, file);
    try {
      await fs.access(source, fs.constants.R_OK);
    } catch {
      problems.add({ file, message: `is declared in datapackage.json but missing from ${dir}` });
      continue;
    }
    const table: ParsedTable = { def, file, source, rows: [] };
    if (await readTable(table, problems, budget)) tables.set(def.name, table);
  }
  return tables;
}

/**
 * The table's whole rows, `size` at a time: those the check kept, or else read again from
 * its file (after the checks: a cell that fails now means the file changed while it was
 * imported).
 */
export async function* readRows(table: ParsedTable, size: number): AsyncGenerator<ParsedRow[]> {
  if (table.whole) {
    for (let i = 0; i < table.rows.length; i += size) yield table.rows.slice(i, i + size);
    return;
  }
  const problems = new Problems();
  let batch: ParsedRow[] = [];
  let i = 0;
  for await (const record of csvRecords(table.source)) {
    if (i++ === 0) continue;
    const row = parseRecord(table.def, table.file, record, i - 1, problems);
    if (!row || problems.any) {
      throw new AppError(
        "bad_package",
        `The data package was not imported, nothing was changed. ${table.file} changed while it was imported.`,
      );
    }
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export interface CheckedPackage {
  /** The organisation the package names (its descriptor's `organisation`), if any. */
  organisation?: PackageOrganisation;
  tables: Map<string, ParsedTable>;
  /**
   * The keys within the package passed (`checkKeys`) with no organisation's codes to refer to.
   * A code of the organisation only adds a target, so they pass in any organisation, and the
   * import need not check them again; false when a reference may be to the organisation's own.
   */
  keysChecked: boolean;
  /** Tables made COPY text for an organisation that holds nothing yet, where a worker thread read the package (asNewCopy.ts). */
  asNew?: Map<ResourceName, AsNewCopy>;
}

/**
 * Reads and checks the package files; throws `bad_package` listing what is wrong.
 * `keepChars`: how much cell text the check keeps to write from (`KEEP_CHARS`); the rest is read again.
 */
export async function readPackage(
  dir: string,
  options: { keepChars?: number } = {},
): Promise<CheckedPackage> {
  const problems = new Problems();
  const descriptor = await readDescriptor(dir, problems);
  problems.throwIfAny();
  const { problems: descriptorProblems, declared, organisation } = checkDescriptor(descriptor);
  for (const message of descriptorProblems) {
    problems.add({ file: "datapackage.json", message: message.replace(/^datapackage\.json: /, "") });
  }
  problems.throwIfAny();
  const tables = await readTables(dir, declared, problems, options.keepChars);
  problems.throwIfAny();
  const keyProblems = new Problems();
  checkKeys(tables, { administrations: new Set(), committees: new Set() }, keyProblems);
  return { organisation, tables, keysChecked: !keyProblems.any };
}
