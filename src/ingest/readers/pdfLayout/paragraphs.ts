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
function rightEdge(lines: readonly Line[]): number {
  const ends = lines.map((l) => l.x1).sort((a, b) => b - a);
  return ends[Math.floor(ends.length * 0.1)]!;
}

function endsEarly(a: Line, b: Line, right: number): boolean {
  if (/[-\u00ad]$/.test(a.words[a.words.length - 1]!.text)) return false;
  const word = b.words[0]!;
  const needed = word.x1 - word.x0 + 0.3 * a.size;
  return a.x1 + needed < right - 1;
}

function startsBlock(current: TextBlockDraft, a: Line, b: Line, right: number, pitch: number): boolean {
  if (sizeKey(a.size) !== sizeKey(b.size) || a.bold !== b.bold) return true;
  if (lineMarker(b)) return true;
  if (b.baseline - a.baseline > 1.3 * pitch) return true;
  const em = a.size;
  if (current.marker) {
    const textStart = current.lines[0]!.words[1]!.x0;
    // Lines of an item hang at its text; a line back at the margin after a finished sentence is not the item's.
    if (b.x0 > textStart + 0.8 * em) return true;
    if (b.x0 < textStart - 3 && SENTENCE_END.test(lineText(a)) && /^\p{Lu}/u.test(b.words[0]!.text))
      return true;
  } else {
    if (b.x0 > a.x0 + 0.8 * em) return true;
    if (b.x0 < a.x0 - 0.8 * em && current.lines.length >= 2) return true;
  }
  return endsEarly(a, b, right);
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
export function splitChain(chain: Chain, pitchOf: (size: number) => number): TextBlockDraft[] {
  const right = rightEdge(chain.lines);
  const blocks: TextBlockDraft[] = [];
  let current = draftOf([chain.lines[0]!], chain.column);
  for (let i = 1; i < chain.lines.length; i++) {
    const a = chain.lines[i - 1]!;
    const b = chain.lines[i]!;
    if (startsBlock(current, a, b, right, pitchOf(a.size))) {
      blocks.push(current);
      current = draftOf([b], chain.column);
    } else {
      current.lines.push(b);
      Object.assign(current, union(current.lines));
    }
  }
  blocks.push(current);
  return blocks;
}
