// A chain of lines (one column, top to bottom) → its paragraphs, headings and list items. A new
// block starts where the font size or weight changes, at a list marker, after a gap wider than
// the document's line spacing for that size, at an indent or outdent, and after a line that ends
// early: when the next line's first word would have fitted, the line was ended on purpose.
import { type Box, type Line, lineText, sizeKey, union } from "./geometry.ts";
import { type Marker, markerOf } from "./markers.ts";
import type { Chain } from "./order.ts";

export interface TextBlockDraft extends Box {
  lines: Line[];
  marker?: Marker;
  /** Where the marker starts: list depth comes from it. */
  markerX?: number;
  column?: number;
  /** The block follows the one before after a line that ended early, at the usual line spacing. */
  lineBreakBefore?: boolean;
  /** Where the block goes on over a page break: the line that begins the next page. */
  pageStarts?: { line: number; page: number }[];
}

/** The list marker a line starts with: a bullet glyph, or a dash or number set apart by a tab. */
export function lineMarker(line: Line): Marker | undefined {
  const [first, second] = line.words;
  if (!first || !second) return undefined;
  const marker = markerOf(first.text);
  if (!marker) return undefined;
  return marker.strong || second.x0 - first.x1 >= 0.45 * line.size ? marker : undefined;
}

const SENTENCE_END = /[.!?:][”"')]?$/;

/** The right edge of a column of text, robust to one line that runs into the margin. */
export function rightEdge(lines: readonly Line[]): number {
  const ends = lines.map((l) => l.x1).sort((a, b) => b - a);
  return ends[Math.floor(ends.length * 0.1)]!;
}

function endsEarly(a: Line, b: Line, right: number): boolean {
  if (/[-\u00ad]$/.test(a.words[a.words.length - 1]!.text)) return false;
  const word = b.words[0]!;
  const needed = word.x1 - word.x0 + 0.3 * a.size;
  return a.x1 + needed < right - 1;
}

/**
 * Whether line `b` starts a new block after line `a`: "block" for a new paragraph, "line" where
 * only the early end of `a` says so and `b` follows at the usual spacing, at the same margin (a
 * line break inside a paragraph, not a paragraph's end).
 */
function startsBlock(
  current: TextBlockDraft,
  a: Line,
  b: Line,
  right: number,
  pitch: number,
): "block" | "line" | false {
  if (sizeKey(a.size) !== sizeKey(b.size) || a.bold !== b.bold) return "block";
  if (lineMarker(b)) return "block";
  if (b.baseline - a.baseline > 1.3 * pitch) return "block";
  const em = a.size;
  const margin = current.marker ? current.lines[0]!.words[1]!.x0 : a.x0;
  if (current.marker) {
    const textStart = current.lines[0]!.words[1]!.x0;
    // Lines of an item hang at its text; a line back at the margin after a finished sentence is not the item's.
    if (b.x0 > textStart + 0.8 * em) return "block";
    if (b.x0 < textStart - 3 && SENTENCE_END.test(lineText(a)) && /^\p{Lu}/u.test(b.words[0]!.text))
      return "block";
  } else {
    if (b.x0 > a.x0 + 0.8 * em) return "block";
    if (b.x0 < a.x0 - 0.8 * em && current.lines.length >= 2) return "block";
  }
  if (!endsEarly(a, b, right)) return false;
  const tight =
    b.baseline - a.baseline <= 1.15 * pitch &&
    Math.min(Math.abs(b.x0 - margin), Math.abs(b.x0 - a.x0)) < 0.8 * em;
  return tight ? "line" : "block";
}

function draftOf(lines: Line[], column: number | undefined): TextBlockDraft {
  const draft: TextBlockDraft = { ...union(lines), lines };
  const marker = lineMarker(lines[0]!);
  if (marker) {
    draft.marker = marker;
    draft.markerX = lines[0]!.x0;
  }
  if (column !== undefined) draft.column = column;
  return draft;
}

/** Split a chain into blocks; `pitchOf(size)` is the document's usual line spacing at that size. */
export function splitChain(
  chain: Chain,
  pitchOf: (size: number) => number,
  column?: { x0: number; x1: number },
): TextBlockDraft[] {
  // Two lines are too few to tell where the column ends: a chain that short, set at its column's
  // margin, takes the column's right edge.
  const own = rightEdge(chain.lines);
  const short = chain.lines.length <= 2 && column && Math.abs(chain.x0 - column.x0) < chain.lines[0]!.size;
  const right = short ? Math.max(own, column.x1) : own;
  const blocks: TextBlockDraft[] = [];
  let current = draftOf([chain.lines[0]!], chain.column);
  for (let i = 1; i < chain.lines.length; i++) {
    const a = chain.lines[i - 1]!;
    const b = chain.lines[i]!;
    const start = startsBlock(current, a, b, right, pitchOf(a.size));
    if (start) {
      blocks.push(current);
      current = draftOf([b], chain.column);
      if (start === "line") current.lineBreakBefore = true;
    } else {
      current.lines.push(b);
      Object.assign(current, union(current.lines));
    }
  }
  blocks.push(current);
  return blocks;
}

/**
 * Whether block `b`, of a chain of its own, is the next printed line after block `a`: directly
 * below `a`'s last line at the usual spacing, at its margin, in the same type, and no list item.
 * A short line ends a chain (see order.ts), so a line break inside a paragraph can cut one.
 */
export function onNextLine(a: TextBlockDraft, b: TextBlockDraft, pitch: number): boolean {
  const last = a.lines[a.lines.length - 1]!;
  const first = b.lines[0]!;
  if (b.marker || sizeKey(last.size) !== sizeKey(first.size) || last.bold !== first.bold) return false;
  const step = first.baseline - last.baseline;
  return step > 0.5 * pitch && step <= 1.15 * pitch && Math.abs(first.x0 - a.lines[0]!.x0) < 0.8 * last.size;
}
