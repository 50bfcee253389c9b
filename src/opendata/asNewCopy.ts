// A package's largest tables as COPY text for an organisation that holds nothing yet
// (resolveAsNew: every id as it is), made where the package is read: in the reader's worker
// thread while the thread that writes is busy with the package before. That thread then only
// writes the organisation's id into each line and sends the bytes (import.ts), instead of
// turning every row into its database values and its text itself.
import { type CopyColumn, copyBytesWithSlot, copyColumns } from "./copy.ts";
import type { ResourceName } from "./fields.ts";
import type { ParsedTable } from "./readPackage.ts";
import { resolveAsNew } from "./resolve.ts";
import { toDatabaseRow } from "./resourceDef.ts";

export interface AsNewCopy {
  /** The table's columns in the text's order, the organisation's last. */
  columns: CopyColumn[];
  /** COPY text format, UTF-8, each line's organisation id a slot to fill (`fillSlot`). */
  bytes: Uint8Array;
  rows: number;
}

/**
 * The COPY text of each table whose rows the package holds whole and that does not refer to
 * itself (those are written parents first). Only for a package whose keys were checked
 * without the organisation's codes (`keysChecked`): every reference is within it.
 */
export function asNewCopies(tables: Map<string, ParsedTable>): Map<ResourceName, AsNewCopy> {
  const out = new Map<ResourceName, AsNewCopy>();
  const { refs } = resolveAsNew(tables);
  for (const table of tables.values()) {
    if (!table.whole || table.def.selfRef || table.rows.length === 0) continue;
    const rows = table.rows.map((row) => toDatabaseRow(table.def, row, refs, ""));
    const keys = Object.keys(rows[0]!).filter((key) => key !== "organisationId");
    const columns = copyColumns(table.def.table, [...keys, "organisationId"]);
    out.set(table.def.name, {
      columns,
      bytes: copyBytesWithSlot(columns, rows),
      rows: rows.length,
    });
  }
  return out;
}
