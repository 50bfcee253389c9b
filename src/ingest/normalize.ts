// The normalizer: raw extracted text → clean text for the recognizers, with an exact map back.
// It repairs what PDF and Word extraction does to municipal documents: words cut by hyphens (or
// with the hyphen lost), paragraphs wrapped into lines, page furniture, bullet glyphs from symbol
// fonts, Markdown from the DOCX/HTML readers, and headings printed after the list they title.
//
// Output shape: one block per line (paragraph, heading, list item "• …", table row with tab
// separated cells); a blank line where the source had one. Every character of the output maps
// to the raw character it came from; inserted joins map to the line break they replace.
import { type Block, buildBlocks, reattachTrailingHeadings } from "./normalize-blocks.ts";
import { removeFurniture } from "./normalize-furniture.ts";
import { cleanLines } from "./normalize-lines.ts";
import type { RawText, SourceLocation } from "./types.ts";

export interface NormalizedText {
  text: string;
  /** Where the character at `offset` of `text` came from in the raw text. */
  toSource(offset: number): SourceLocation;
}

const CELL_MEDIA = /html|wordprocessingml|msword|markdown|officedocument/;

function emit(blocks: readonly Block[], rawLength: number): { text: string; map: Int32Array } {
  const parts: string[] = [];
  let total = 0;
  for (const b of blocks) for (const l of b.lines) total += l.text.length + 4;
  let map = new Int32Array(total + 16);
  let n = 0;
  const ensure = (k: number): void => {
    if (n + k <= map.length) return;
    const bigger = new Int32Array(Math.max(map.length * 2, n + k));
    bigger.set(map);
    map = bigger;
  };
  const push = (s: string, at: number): void => {
    parts.push(s);
    ensure(s.length);
    for (let i = 0; i < s.length; i++) map[n++] = at;
  };
  blocks.forEach((block, bi) => {
    const first = block.lines[0]!;
    if (bi > 0) push(block.paraBefore ? "\n\n" : "\n", Math.max(0, first.rawStart - 1));
    if (block.bullet) push("• ", block.bulletAt);
    block.lines.forEach((line, li) => {
      if (li > 0) {
        const join = block.joins[li - 1]!;
        const breakAt = Math.min(rawLength, block.lines[li - 1]!.rawEnd);
        if (join === "dehyphen") {
          // Drop the hyphen already written for the previous line.
          parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
          n--;
        } else if (join === "space") push(" ", breakAt);
      }
      if (line.bullet === "weak" && !(li === 0 && block.bullet)) push(`${line.bulletChar} `, line.bulletAt);
      if (line.text.length > 0) {
        parts.push(line.text);
        ensure(line.map.length);
        for (const o of line.map) map[n++] = o;
      }
    });
  });
  return { text: parts.join(""), map: map.subarray(0, n) };
}

/** Normalize raw extracted text; see the file comment for what is repaired. */
export function normalize(raw: RawText): NormalizedText {
  // A reader that gives blocks writes tabs only between table cells.
  const tabsAreCells = raw.blocks !== undefined || CELL_MEDIA.test(raw.mediaType);
  const lines = cleanLines(raw.text, tabsAreCells);
  removeFurniture(lines, raw.pages);
  const blocks = reattachTrailingHeadings(buildBlocks(lines));
  const { text, map } = emit(blocks, raw.text.length);
  const pages = raw.pages ? [...raw.pages].sort((a, b) => a.start - b.start) : undefined;

  const pageOf = (offset: number): number | undefined => {
    if (!pages || pages.length === 0) return undefined;
    let lo = 0;
    let hi = pages.length - 1;
    let found: number | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = pages[mid]!;
      if (p.start <= offset) {
        found = p.page;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  return {
    text,
    toSource(offset: number): SourceLocation {
      const o = Math.max(0, Math.min(Math.floor(offset), text.length));
      const rawOffset =
        o < map.length ? map[o]! : map.length > 0 ? Math.min(raw.text.length, map[map.length - 1]! + 1) : 0;
      const page = pageOf(rawOffset);
      return page === undefined ? { offset: rawOffset } : { offset: rawOffset, page };
    },
  };
}
