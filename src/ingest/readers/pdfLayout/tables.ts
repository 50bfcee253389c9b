// Tables from whitespace, as Camelot's stream mode and pdfplumber's "text" strategy find them:
// consecutive rows split into several lines whose gaps line up make a table; the x-ranges no row
// has text in are the column gutters. Lines of a wrapped cell are joined into one table row.
// Two columns of running text also have a gutter, but not a table's shape (see isTextColumns).

import type { Vocabulary } from "../../normalize-join.ts";
import { type Box, type Line, lineText, type Row, union, width } from "./geometry.ts";
import { endsOpen, isAmount, joinLines, startsLower } from "./joinLines.ts";

export interface TableCellDraft {
  text: string;
  colSpan?: number;
}

export interface TableDraft extends Box {
  rows: TableCellDraft[][];
  headerRows: number;
  size: number;
  bold: boolean;
}

interface Column {
  x0: number;
  x1: number;
}

const BIN = 0.5;

/** Gutters of these rows: x-ranges (at least 1.5 pt wide) that (almost) none of them has text in. */
function columnsOf(rows: readonly Row[]): Column[] {
  const box = union(rows.flatMap((r) => r.lines));
  const bins = Math.max(1, Math.ceil((box.x1 - box.x0) / BIN));
  if (bins > 20_000) return [];
  const diff = new Int32Array(bins + 1);
  for (const row of rows)
    for (const line of row.lines) {
      diff[Math.floor((line.x0 - box.x0) / BIN)]!++;
      diff[Math.min(bins, Math.ceil((line.x1 - box.x0) / BIN))]!--;
    }
  // A header cell spanning two columns may cross a gutter; more than that is no gutter.
  const allowance = rows.length >= 6 ? Math.floor(rows.length * 0.15) : 0;
  const columns: Column[] = [];
  let start = box.x0;
  let covered = 0;
  let gapFrom = -1;
  for (let i = 0; i < bins; i++) {
    covered += diff[i]!;
    const free = covered <= allowance;
    if (free && gapFrom < 0) gapFrom = i;
    if (!free && gapFrom >= 0) {
      if ((i - gapFrom) * BIN >= 1.5 && gapFrom > 0) {
        columns.push({ x0: start, x1: box.x0 + gapFrom * BIN });
        start = box.x0 + i * BIN;
      }
      gapFrom = -1;
    }
  }
  columns.push({ x0: start, x1: box.x1 });
  return columns;
}

/**
 * Join neighbouring columns that no row has text in both of: a left-aligned header over
 * right-aligned figures leaves a gutter inside one column ("2025" over "1.250").
 */
function mergeExclusive(region: readonly Row[], columns: Column[]): Column[] {
  const merged = [...columns];
  for (let i = 0; i + 1 < merged.length; ) {
    const both = region.some(
      (row) =>
        row.lines.some((l) => columnAt(merged, l.x0) === i) &&
        row.lines.some((l) => columnAt(merged, l.x0) === i + 1),
    );
    if (both) i++;
    else merged.splice(i, 2, { x0: merged[i]!.x0, x1: merged[i + 1]!.x1 });
  }
  return merged;
}

function crossesGutter(line: Line, columns: readonly Column[]): boolean {
  for (let i = 1; i < columns.length; i++) {
    if (line.x0 < columns[i - 1]!.x1 && line.x1 > columns[i]!.x0) return true;
  }
  return false;
}

function columnAt(columns: readonly Column[], x: number): number {
  let best = 0;
  for (let i = 0; i < columns.length; i++) if (x >= columns[i]!.x0 - 1) best = i;
  return best;
}

/** Rows i.. that can belong to one table: close together, and single lines only inside a column. */
function regionFrom(rows: readonly Row[], i: number): Row[] {
  const region = [rows[i]!];
  const multi = [rows[i]!];
  let columns = columnsOf(multi);
  const size = rows[i]!.lines[0]!.size;
  for (let k = i + 1; k < rows.length; k++) {
    const row = rows[k]!;
    const prev = region[region.length - 1]!;
    if (row.top - prev.bottom > 1.5 * size) break;
    if (row.lines.length >= 2) {
      const widened = columnsOf([...multi, row]);
      if (widened.length < 2) break;
      multi.push(row);
      columns = widened;
    } else if (columns.length < 2 || crossesGutter(row.lines[0]!, columns)) break;
    region.push(row);
  }
  // A single line after the last row of a table is a heading or a paragraph unless it goes on
  // with a cell above.
  while (region.length > 1 && region[region.length - 1]!.lines.length === 1) {
    const last = region[region.length - 1]!.lines[0]!;
    const above = region[region.length - 2]!;
    const cellAbove = above.lines.find((l) => l.x0 < last.x1 && l.x1 > last.x0);
    if (cellAbove && (startsLower(lineText(last)) || endsOpen(lineText(cellAbove)))) break;
    region.pop();
  }
  return region;
}

/** Two or three equal columns of running text (a page set in columns), not a table. */
function isTextColumns(region: readonly Row[], columns: readonly Column[]): boolean {
  if (columns.length < 2 || columns.length > 3) return false;
  const widths = columns.map((c) => c.x1 - c.x0);
  if (Math.min(...widths) < 0.6 * Math.max(...widths)) return false;
  const lines = region.flatMap((r) => r.lines);
  const prose = lines.filter((l) => {
    const column = columns[columnAt(columns, l.x0)]!;
    return l.words.length >= 4 && width(l) >= 0.6 * (column.x1 - column.x0);
  });
  return lines.length >= 6 && prose.length >= 0.6 * lines.length;
}

interface RowDraft {
  cells: (Line[] | undefined)[];
  spans: number[];
  firstFilled: number;
}

function cellText(lines: Line[] | undefined, vocab?: Vocabulary): string {
  return lines ? joinLines(lines.map(lineText), vocab) : "";
}

/** Whether a row's lines go on with the table row above (a wrapped cell), rather than start one. */
function continues(row: RowDraft, cells: Map<number, Line[]>): boolean {
  for (const [col, lines] of cells) {
    const text = lines.map(lineText).join(" ");
    const above = row.cells[col];
    if (!above || isAmount(text)) return false;
    const open = startsLower(text) || endsOpen(lineText(above[above.length - 1]!));
    if (!open && (col === 0 || cells.size >= row.firstFilled)) return false;
  }
  return true;
}

function buildRows(region: readonly Row[], columns: readonly Column[]): RowDraft[] {
  const drafts: RowDraft[] = [];
  for (const row of region) {
    const cells = new Map<number, Line[]>();
    const spans = new Map<number, number>();
    for (const line of row.lines) {
      const from = columnAt(columns, line.x0);
      const to = Math.max(from, columnAt(columns, line.x1 - 1));
      cells.set(from, [...(cells.get(from) ?? []), line]);
      spans.set(from, Math.max(spans.get(from) ?? 1, to - from + 1));
    }
    const current = drafts[drafts.length - 1];
    if (current && continues(current, cells)) {
      for (const [col, lines] of cells) current.cells[col]!.push(...lines);
      continue;
    }
    drafts.push({
      cells: columns.map((_, c) => cells.get(c)),
      spans: columns.map((_, c) => spans.get(c) ?? 1),
      firstFilled: cells.size,
    });
  }
  return drafts;
}

/** A row's cells; a cell spanning columns stands for the cells it covers. */
function rowCells(draft: RowDraft, vocab: Vocabulary | undefined): TableCellDraft[] {
  const cells: TableCellDraft[] = [];
  for (let c = 0; c < draft.cells.length; c++) {
    const span = Math.min(draft.spans[c]!, draft.cells.length - c);
    const text = cellText(draft.cells[c], vocab);
    cells.push(span > 1 ? { text, colSpan: span } : { text });
    c += span - 1;
  }
  return cells;
}

function headerRowsOf(rows: readonly RowDraft[]): number {
  const first = rows[0]!;
  const firstLines = first.cells.flatMap((c) => c ?? []);
  const restLines = rows.slice(1).flatMap((r) => r.cells.flatMap((c) => c ?? []));
  if (firstLines.every((l) => l.bold) && !restLines.every((l) => l.bold)) return 1;
  const texts = first.cells.map((c) => cellText(c));
  if (texts.some((t) => t === "" || isAmount(t))) return 0;
  const longest = Math.max(...texts.map((t) => t.length));
  const laterHasFigures = rows.slice(1).some((r) => r.cells.some((c) => isAmount(cellText(c))));
  const laterIsLonger = rows.slice(1).some((r) => r.cells.some((c) => cellText(c).length > longest));
  return laterHasFigures || laterIsLonger ? 1 : 0;
}

function toTable(region: readonly Row[], vocab: Vocabulary | undefined): TableDraft | undefined {
  const multi = region.filter((r) => r.lines.length >= 2);
  if (multi.length < 2) return undefined;
  const columns = mergeExclusive(region, columnsOf(multi));
  if (columns.length < 2 || isTextColumns(region, columns)) return undefined;
  const drafts = buildRows(region, columns);
  if (drafts.filter((d) => d.cells.filter(Boolean).length >= 2).length < 2) return undefined;
  const lines = region.flatMap((r) => r.lines);
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  return {
    ...union(lines),
    rows: drafts.map((d) => rowCells(d, vocab)),
    headerRows: headerRowsOf(drafts),
    size: sizes[Math.floor(sizes.length / 2)]!,
    bold: lines.every((l) => l.bold),
  };
}

/** The tables on a page, and the rows that are not in one; `vocab` joins words cut in narrow cells. */
export function findTables(rows: readonly Row[], vocab?: Vocabulary): { tables: TableDraft[]; rest: Row[] } {
  const tables: TableDraft[] = [];
  const rest: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.lines.length >= 2) {
      const region = regionFrom(rows, i);
      const table = toTable(region, vocab);
      if (table) tables.push(table);
      else rest.push(...region);
      // Rows that were looked at as one region are not looked at again (no quadratic rescans).
      i += region.length - 1;
      continue;
    }
    rest.push(row);
  }
  return { tables, rest };
}
