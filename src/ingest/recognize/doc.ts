// The normalized text seen as blocks (one per line: paragraph, heading, list item, table row),
// with the structure the reader or the normalizer gave each line, and the small predicates every
// recognizer shares.
import type { LineStructure } from "../normalize.ts";
import type { Units } from "./units.ts";

/** A cell of a table row: its text and span in the normalized text. */
export interface Cell {
  text: string;
  start: number;
  end: number;
}

export interface Block {
  index: number;
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  /** The text, without a leading "• ". */
  text: string;
  /** Offset of `text` in the normalized text. */
  textStart: number;
  bullet: boolean;
  /** A blank line precedes the block. */
  paraBefore: boolean;
  kind: LineStructure["kind"];
  /** Headings: 1 = the top level. */
  level?: number;
  /** A paragraph that is a heading by its formatting alone. */
  emphasized?: boolean;
  list?: { id: number; depth: number; ordered: boolean };
  table?: { id: number; row: number; header: boolean; cells: Cell[] };
}

/** A table: its rows (blocks of kind table_row) and how many of them are header rows. */
export interface DocTable {
  id: number;
  rows: Block[];
  headerRows: number;
}

export class Doc {
  readonly blocks: Block[] = [];
  private tableList: DocTable[] | null = null;

  /**
   * `units`: the administrations and committees of the organisation the document belongs to.
   * `structure`: what each line is (from the normalizer); without it, lines are read by their
   * marks alone ("• " list items, tab-separated table rows).
   */
  constructor(
    readonly text: string,
    readonly units: Units,
    structure?: readonly LineStructure[],
    /** The structure is the format's own (Word, HTML, Markdown, PDF), not found in plain text. */
    readonly structured = false,
  ) {
    let pos = 0;
    let blankBefore = false;
    for (const line of text.split("\n")) {
      const start = pos;
      pos += line.length + 1;
      if (line.trim() === "") {
        blankBefore = true;
        continue;
      }
      const bullet = line.startsWith("• ");
      const textStart = bullet ? start + 2 : start;
      const s = structure?.[this.blocks.length] ?? guessStructure(line);
      const block: Block = {
        index: this.blocks.length,
        start,
        end: start + line.length,
        text: bullet ? line.slice(2) : line,
        textStart,
        bullet,
        paraBefore: blankBefore,
        kind: s.kind,
      };
      if (s.level !== undefined) block.level = s.level;
      if (s.emphasized) block.emphasized = true;
      if (s.list) block.list = s.list;
      if (s.table) {
        const cells = s.table.cells.map((c) => ({
          text: text.slice(c.start, c.end),
          start: c.start,
          end: c.end,
        }));
        block.table = { id: s.table.id, row: s.table.row, header: s.table.header, cells };
      }
      this.blocks.push(block);
      blankBefore = false;
    }
  }

  /** The tables, each with its rows in order. */
  get tables(): DocTable[] {
    if (!this.tableList) {
      const byId = new Map<number, DocTable>();
      for (const b of this.blocks) {
        if (!b.table) continue;
        let t = byId.get(b.table.id);
        if (!t) {
          t = { id: b.table.id, rows: [], headerRows: 0 };
          byId.set(b.table.id, t);
        }
        t.rows.push(b);
        if (b.table.header && t.headerRows === t.rows.length - 1) t.headerRows++;
      }
      this.tableList = [...byId.values()];
    }
    return this.tableList;
  }

  /** Index of the block containing `offset` (or the next block after it). */
  blockAt(offset: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    let found = this.blocks.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.blocks[mid]!.end >= offset) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }
}

/** A line's structure from its marks alone, for a Doc made without the normalizer's structure. */
function guessStructure(line: string): LineStructure {
  if (line.startsWith("• ")) return { kind: "list_item", list: { id: 0, depth: 0, ordered: false } };
  return { kind: "paragraph" };
}

/** A short line without final punctuation, starting with a capital: a heading. */
export function isHeadingLike(block: Block, maxLength = 90): boolean {
  const t = block.text;
  return (
    !block.bullet &&
    t.length >= 2 &&
    t.length <= maxLength &&
    /^[\p{Lu}\d"”“]/u.test(t) &&
    !/[.,;:]$/.test(t) &&
    !/^\d{1,2}[.)]\s/.test(t) &&
    t.split(/\s+/).length <= 14
  );
}

/** Upper-case text such as timeline captions and cover titles ("INDRETTER BØSSEHUSET PÅ"). */
export function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length < 3) return false;
  const lower = letters.replace(/[^\p{Ll}]/gu, "").length;
  return lower === 0 || (letters.length >= 8 && lower * 4 <= letters.length);
}

/** "LAD OS INVESTERE I INTEGRATION" → "Lad os investere i integration"; keeps acronyms like LGBTI+. */
export function sentenceCase(text: string): string {
  const lower = text.toLowerCase().replace(/\s+/g, " ").trim();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Collapse whitespace and trim trailing punctuation that does not belong to a title. */
export function cleanTitle(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/^[”"“'‘’\s]+|[”"“'‘’\s]+$/g, "")
    .replace(/[\s,;:]+$/, "")
    .trim();
}

const STOP = new Set(
  (
    "og i at af til for med på en et den det de der som er skal vil om fra ved kan har være blive " +
    "flere færre mere mindre kommune kommunes baggrund minoritetsbaggrund med"
  ).split(" "),
);

/** Content words cut to their first five letters: a crude Danish stemmer for similarity. */
export function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []) {
    if (w.length < 3 || STOP.has(w) || /^(?:19|20)\d\d$/.test(w)) continue;
    out.add(w.slice(0, 5));
  }
  return out;
}

/** Share of the smaller stem set found in the other (0..1). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.min(a.size, b.size);
}

/** Jaccard similarity of stem sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
}

export const DANISH_NUMBERS: Record<string, number> = {
  en: 1,
  et: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  syv: 7,
  otte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  tretten: 13,
};

/** "fire" → 4, "13" → 13. */
export function countWord(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d{1,2}$/.test(w)) return Number(w);
  return DANISH_NUMBERS[w] ?? null;
}
