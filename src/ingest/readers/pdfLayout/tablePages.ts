// A table cut by a page break is one table. Office suites repeat a table's header row at the top
// of the next page (Word's "repeat as header row"), and a row cut by the break goes on below that
// repeated header: its remaining lines look like more lines of the header's cells. The table on
// the next page is joined to the one that ends the page before when it has as many columns and
// either repeats that header or has no header of its own.
import type { PageBlock } from "./styles.ts";
import type { TableCellDraft, TableDraft } from "./tables.ts";

const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** Text a repeated header cell carries after the header's own text: the cut row's rest. */
function restAfterHeader(header: TableCellDraft, cell: TableCellDraft): string | undefined {
  const want = norm(header.text);
  const got = norm(cell.text);
  if (got === want) return "";
  return got.startsWith(`${want} `) ? cell.text.trim().slice(header.text.trim().length).trim() : undefined;
}

function appendTo(cell: TableCellDraft | undefined, text: string): void {
  if (!cell || !text) return;
  cell.text = cell.text ? `${cell.text} ${text}` : text;
}

/** Join `next` into `table` when it goes on with it; whether it did. */
function joinTable(table: TableDraft, next: TableDraft): boolean {
  const width = table.rows[0]?.length ?? 0;
  if (width === 0 || next.rows.some((r) => r.length !== width)) return false;
  if (table.rows.some((r) => r.length !== width)) return false;
  let rows = next.rows;
  if (next.headerRows > 0 && table.headerRows > 0) {
    const header = table.rows[0]!;
    const rests = next.rows[0]!.map((cell, c) => restAfterHeader(header[c]!, cell));
    if (rests.some((r) => r === undefined)) return false;
    // The repeated header goes; what its cells held beyond it belongs to the row the page cut.
    const last = table.rows[table.rows.length - 1]!;
    rests.forEach((rest, c) => {
      appendTo(last[c], rest!);
    });
    rows = next.rows.slice(next.headerRows);
  } else if (next.headerRows > 0) return false;
  table.rows.push(...rows);
  return true;
}

/** Join tables cut by page breaks, in place. */
export function joinTablesAcrossPages(pages: { blocks: PageBlock[] }[]): void {
  for (let p = 0; p + 1 < pages.length; p++) {
    const last = pages[p]!.blocks[pages[p]!.blocks.length - 1];
    const first = pages[p + 1]!.blocks[0];
    if (last?.kind !== "table" || first?.kind !== "table") continue;
    if (joinTable(last.table, first.table)) pages[p + 1]!.blocks.shift();
  }
}
