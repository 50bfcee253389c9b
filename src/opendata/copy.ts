// New rows written with COPY … FROM STDIN (text format) instead of INSERT statements: on
// PostgreSQL through pg-copy-streams on the transaction's own connection, on PGlite
// through its /dev/blob device. Both run inside the open transaction, so a refused
// package still leaves nothing behind. Where neither is at hand (a pool, not one
// connection) the caller inserts as before.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTableColumns } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { from as copyFrom } from "pg-copy-streams";
import type { Context } from "../context.ts";
import { type RawConnection, rawConnection } from "../db/client.ts";
import { quoteIdentifier } from "../db/identifier.ts";

export interface CopyColumn {
  /** Key of the rows' objects. */
  key: string;
  /** SQL column name, already quoted. */
  name: string;
  /** SQL type, e.g. `uuid`, `text[]`, `jsonb`. */
  type: string;
}

/** The one connection the context's transaction runs on, or null (a pool: COPY needs one connection). */
export function copyConnection(ctx: Context): RawConnection | null {
  if (!ctx.inTransaction) return null;
  return rawConnection(ctx.db) ?? null;
}

/** COPY text format: backslash, tab, line ends escaped; NULL is \N. */
function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** A PostgreSQL array literal of text items: each item quoted, `"` and `\` escaped. */
function arrayLiteral(items: unknown[]): string {
  return `{${items.map((item) => (item === null ? "NULL" : `"${String(item).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(",")}}`;
}

function copyValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return "\\N";
  if (type.endsWith("[]")) return escapeText(arrayLiteral(value as unknown[]));
  if (type === "jsonb" || type === "json") return escapeText(JSON.stringify(value));
  return escapeText(String(value));
}

/** The rows as COPY text-format lines. */
function copyText(
  columns: CopyColumn[],
  rows: Record<string, unknown>[],
  from = 0,
  to = rows.length,
): string {
  let out = "";
  for (let i = from; i < to; i++) {
    const row = rows[i]!;
    out += `${columns.map((c) => copyValue(row[c.key], c.type)).join("\t")}\n`;
  }
  return out;
}

// Rows per message sent to PostgreSQL: the server parses and checks one part while the
// next is made here, instead of waiting for the whole batch's text.
const PART = 1000;

/** The rows' COPY text, `PART` rows at a time, made as the connection asks for more. */
function* copyParts(columns: CopyColumn[], rows: Record<string, unknown>[]): Generator<string> {
  for (let i = 0; i < rows.length; i += PART)
    yield copyText(columns, rows, i, Math.min(i + PART, rows.length));
}

/** Writes the rows with one COPY; false when the context has no single connection to copy on. */
export async function copyRows(
  ctx: Context,
  table: string,
  columns: CopyColumn[],
  rows: Record<string, unknown>[],
): Promise<boolean> {
  return copyIn(ctx, table, columns, {
    // PGlite reads the whole text from one blob, in this thread.
    whole: () => copyText(columns, rows),
    parts: () => copyParts(columns, rows),
  });
}

// Bytes per message sent to PostgreSQL, as `PART` rows are for copyRows.
const PART_BYTES = 256 * 1024;

/** Writes COPY text already made (`copyBytesWithSlot`); false without a single connection to copy on. */
export async function copyBytes(
  ctx: Context,
  table: string,
  columns: CopyColumn[],
  bytes: Uint8Array,
): Promise<boolean> {
  return copyIn(ctx, table, columns, {
    whole: () => bytes,
    *parts() {
      for (let i = 0; i < bytes.length; i += PART_BYTES) yield Buffer.from(bytes.subarray(i, i + PART_BYTES));
    },
  });
}

async function copyIn(
  ctx: Context,
  table: string,
  columns: CopyColumn[],
  text: { whole: () => string | Uint8Array; parts: () => Iterable<string | Buffer> },
): Promise<boolean> {
  const connection = copyConnection(ctx);
  if (!connection) return false;
  const statement = `COPY ${table} (${columns.map((c) => c.name).join(", ")}) FROM`;
  if (connection.kind === "postgres") {
    await pipeline(
      Readable.from(text.parts(), { objectMode: false }),
      connection.client.query(copyFrom(`${statement} STDIN`)),
    );
  } else {
    await connection.client.query(`${statement} '/dev/blob'`, [], {
      blob: new Blob([text.whole() as BlobPart]),
    });
  }
  return true;
}

/** The SQL columns of `keys` (Drizzle keys of the table), names quoted, for COPY. */
export function copyColumns(table: PgTable, keys: string[]): CopyColumn[] {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  return keys.map((key) => ({
    key,
    name: quoteIdentifier(all[key]!.name),
    type: all[key]!.getSQLType(),
  }));
}

// A blank organisation id: as long as every other, so the line's bytes stay where they are.
const SLOT = "00000000-0000-0000-0000-000000000000";
const NEWLINE = 0x0a;

/**
 * The rows as COPY text in UTF-8, the last of `columns` left as a slot of the same length in
 * every line, for `fillSlot` to write its value in later, in another thread.
 */
export function copyBytesWithSlot(columns: CopyColumn[], rows: Record<string, unknown>[]): Uint8Array {
  // Every line end ends a row (copyValue escapes those within values).
  const text = copyText(columns.slice(0, -1), rows).replaceAll("\n", `\t${SLOT}\n`);
  return new TextEncoder().encode(text);
}

/**
 * Writes `value` (a UUID) into every line's slot. Line ends are found by their byte: COPY
 * text escapes a line end inside a value, and UTF-8 never uses the byte within a character.
 */
export function fillSlot(bytes: Uint8Array, value: string): void {
  const filled = new TextEncoder().encode(value);
  if (filled.length !== SLOT.length) throw new Error(`not a UUID: ${value}`);
  for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, end + 1))
    bytes.set(filled, end - SLOT.length);
}
