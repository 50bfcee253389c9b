// Tables as the recognizers read them: a header row naming the columns and rows of cells, from
// the format's own tables (Word, HTML, Markdown, PDF), from tab-separated rows, or from plain text
// where a converter put every cell on a line of its own (then the header's words say how many
// cells make a row). The columns are found by their header words.
import type { Block, Cell, Doc } from "./doc.ts";
import type { Segment } from "./segments.ts";

export interface TableView {
  header: Cell[];
  rows: Cell[][];
  /** Blocks the table covers, header included: [startBlock, endBlock). */
  startBlock: number;
  endBlock: number;
}

export type Column =
  | "title"
  | "description"
  | "responsible"
  | "target_group"
  | "funding"
  | "period"
  | "goal"
  | "indicator"
  | "baseline"
  | "metric"
  | "year";

// Header words per column, as Danish municipal tables write them. Order matters: the first match wins.
const COLUMNS: [Column, RegExp][] = [
  ["year", /^(?:19|20)\d{2}$/],
  ["indicator", /^indikator(?:er|en)?\b/i],
  ["baseline", /^(?:baseline|udgangspunkt|nulpunkt|status\s+(?:19|20)\d{2})\b/i],
  ["responsible", /^(?:ansvarlig\p{L}*|ansvar|forvaltning|udvalg|afdeling|ejer|tovholder)\b/iu],
  ["target_group", /^målgruppe\p{L}*/iu],
  ["funding", /^(?:finansiering|økonomi|budget|bevilling|finansieret|midler)\b/iu],
  ["period", /^(?:periode|tidsplan|tidsramme|varighed|år)\b/iu],
  ["metric", /^(?:måltal|mål\s+for|succeskriteri\p{L}*|resultatmål|mål)$/iu],
  ["goal", /^(?:mål(?:sætning(?:er)?)?|delmål|overordnet\s+mål)\b/iu],
  ["description", /^(?:beskrivelse|kort\s+beskrivelse|indhold|formål|om\s+initiativet)\b/iu],
  [
    "title",
    /^(?:initiativ(?:er|et)?|indsats(?:er|en)?|tiltag(?:et)?|titel|aktivitet(?:er)?|projekt(?:er)?|navn)\b/iu,
  ],
];

/** What a header cell names, if it is a known column. */
export function columnOf(text: string): Column | null {
  const t = text
    .replace(/[*:]/g, "")
    .replace(/\s*\(.*?\)\s*/g, " ")
    .trim();
  if (!t || t.length > 40) return null;
  return COLUMNS.find(([, re]) => re.test(t))?.[0] ?? null;
}

/** The index of each known column in a header (the first of each kind; years all). */
export function columnsOf(header: readonly Cell[]): Map<Column, number> {
  const out = new Map<Column, number>();
  header.forEach((cell, i) => {
    const c = columnOf(cell.text);
    if (c && c !== "year" && !out.has(c)) out.set(c, i);
  });
  return out;
}

export function yearColumns(header: readonly Cell[]): { index: number; year: number }[] {
  return header.flatMap((c, index) =>
    /^(?:19|20)\d{2}$/.test(c.text.trim()) ? [{ index, year: Number(c.text.trim()) }] : [],
  );
}

/** Header rows merged column by column ("Økonomi" over "2026"). */
function mergedHeader(rows: readonly Block[]): Cell[] {
  const width = Math.max(...rows.map((r) => r.table?.cells.length ?? 0));
  const out: Cell[] = [];
  for (let c = 0; c < width; c++) {
    const parts = rows.map((r) => r.table?.cells[c]).filter((x): x is Cell => !!x && x.text.trim() !== "");
    const last = parts[parts.length - 1];
    out.push(
      last ? { ...last, text: last.text.trim() } : { text: "", start: rows[0]!.start, end: rows[0]!.start },
    );
  }
  return out;
}

/** Tables whose rows the format (or tabs) gave: the header rows the format marked, else the first row. */
function formattedTables(doc: Doc, seg: Segment): TableView[] {
  const out: TableView[] = [];
  for (const t of doc.tables) {
    const first = t.rows[0]!;
    if (first.index < seg.startBlock || first.index >= seg.endBlock || t.rows.length < 2) continue;
    const headerRows = Math.max(1, t.headerRows);
    out.push({
      header: mergedHeader(t.rows.slice(0, headerRows)),
      rows: t.rows.slice(headerRows).map((r) => r.table!.cells.map((c) => ({ ...c, text: c.text.trim() }))),
      startBlock: first.index,
      endBlock: t.rows[t.rows.length - 1]!.index + 1,
    });
  }
  return out;
}

const cellOf = (b: Block): Cell => ({ text: b.text.trim(), start: b.textStart, end: b.end });

/** A cell of a line-per-cell table fits its column (a year column holds a number, …). */
function fits(column: Column | null, b: Block, doc: Doc): boolean {
  const t = b.text.trim();
  if (b.kind === "heading" || b.emphasized || t.length > 400) return false;
  switch (column) {
    case "year":
      return /^[-–—]?$|^-?\d[\d.,]*(?:\s*(?:%|pct\.?))?$/.test(t);
    case "period":
      return /(?:19|20)\d{2}/.test(t) || /^(?:løbende|hele perioden)$/i.test(t);
    case "responsible":
      return doc.units.findAdministrations(t).length > 0 || doc.units.findCommittees(t).length > 0;
    case "baseline":
      return /\d/.test(t);
    default:
      return t.length > 0;
  }
}

/**
 * Tables written one cell per line (a converter's plain text): a run of three or more short
 * lines that are all column names, then rows of as many lines, each fitting its column.
 */
function lineTables(doc: Doc, seg: Segment, taken: (i: number) => boolean): TableView[] {
  const out: TableView[] = [];
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const columns: (Column | null)[] = [];
    let k = i;
    for (; k < seg.endBlock && !taken(k); k++) {
      const b = doc.blocks[k]!;
      const c = b.kind === "paragraph" && !b.bullet ? columnOf(b.text) : null;
      if (!c) break;
      columns.push(c);
    }
    const kinds = new Set(columns);
    if (columns.length < 3 || (kinds.size < 2 && !kinds.has("year"))) continue;
    const n = columns.length;
    const rows: Cell[][] = [];
    let r = k;
    while (r + n <= seg.endBlock) {
      const group = doc.blocks.slice(r, r + n);
      if (group.some((b, c) => taken(b.index) || b.bullet || !fits(columns[c] ?? null, b, doc))) break;
      rows.push(group.map(cellOf));
      r += n;
    }
    if (rows.length === 0) continue;
    out.push({
      header: doc.blocks.slice(i, k).map(cellOf),
      rows,
      startBlock: i,
      endBlock: r,
    });
    i = r - 1;
  }
  return out;
}

/** The tables of a segment, in document order. */
export function tablesIn(doc: Doc, seg: Segment): TableView[] {
  const formatted = formattedTables(doc, seg);
  const inFormatted = (i: number) => !!doc.blocks[i]?.table;
  return [...formatted, ...lineTables(doc, seg, inFormatted)].sort((a, b) => a.startBlock - b.startBlock);
}

/** The text just above a table (its caption or lead-in), where units such as "1.000 kr." are given. */
export function textBefore(doc: Doc, table: TableView, blocks = 2): string {
  return doc.blocks
    .slice(Math.max(0, table.startBlock - blocks), table.startBlock)
    .map((b) => b.text)
    .join(" ");
}
