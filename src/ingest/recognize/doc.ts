// The normalized text seen as blocks (one per line: paragraph, heading, list item, table row),
// with the small predicates every recognizer shares.
import { DEFAULT_UNITS } from "./codes.ts";
import type { Units } from "./units.ts";

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
}

export class Doc {
  readonly blocks: Block[] = [];

  /** `units`: the administrations and committees of the organisation the document belongs to. */
  constructor(
    readonly text: string,
    readonly units: Units = DEFAULT_UNITS,
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
      this.blocks.push({
        index: this.blocks.length,
        start,
        end: start + line.length,
        text: bullet ? line.slice(2) : line,
        textStart,
        bullet,
        paraBefore: blankBefore,
      });
      blankBefore = false;
    }
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
    "flere færre mere mindre københavns kommune kommunes baggrund minoritetsbaggrund med"
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
