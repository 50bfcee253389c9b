// The normalizer: raw extracted text → clean text for the recognizers, with an exact map back.
// It repairs what PDF and Word extraction does to municipal documents: words cut by hyphens (or
// with the hyphen lost), paragraphs wrapped into lines, page furniture, bullet glyphs from symbol
// fonts, Markdown from the DOCX/HTML readers, and headings printed after the list they title.
//
// Output shape: one block per line (paragraph, heading, list item "• …" or "3. …", table row with
// tab-separated cells); a blank line where the source had one. Every character of the output maps
// to the raw character it came from; inserted joins map to the line break they replace. Where the
// reader gave blocks (normalize-structured.ts) they decide the lines; plain text's blocks are
// found here. Either way each line comes with its structure (normalize-emit.ts).
import { type Block, buildBlocks, reattachTrailingHeadings } from "./normalize-blocks.ts";
import { Emitter, type LineStructure } from "./normalize-emit.ts";
import { removeFurniture } from "./normalize-furniture.ts";
import { cleanLines } from "./normalize-lines.ts";
import { normalizeStructured } from "./normalize-structured.ts";
import type { RawText, SourceLocation } from "./types.ts";

export type { LineStructure } from "./normalize-emit.ts";

export interface NormalizedText {
  text: string;
  /** Where the character at `offset` of `text` came from in the raw text. */
  toSource(offset: number): SourceLocation;
  /** What each line of `text` is, one entry per line that is not blank, in order. */
  structure: LineStructure[];
  /** The structure is the format's own (Word, HTML, Markdown, PDF blocks), not found in plain text. */
  structured: boolean;
}

const CELL_MEDIA = /html|wordprocessingml|msword|markdown|officedocument/;

/** Plain text: the blocks the normalizer found, one line each, with what each line looks like. */
function emit(blocks: readonly Block[], rawLength: number): Emitter {
  let total = 0;
  for (const b of blocks) for (const l of b.lines) total += l.text.length + 4;
  const out = new Emitter(total + 16);
  let lists = 0;
  let tables = 0;
  let row = 0;
  let previous: LineStructure | null = null;
  blocks.forEach((block, bi) => {
    const first = block.lines[0]!;
    if (bi > 0) out.push(block.paraBefore ? "\n\n" : "\n", Math.max(0, first.rawStart - 1));
    const lineStart = out.length;
    if (block.bullet) out.push("• ", block.bulletAt);
    block.lines.forEach((line, li) => {
      if (li > 0) {
        const join = block.joins[li - 1]!;
        const breakAt = Math.min(rawLength, block.lines[li - 1]!.rawEnd);
        // Drop the hyphen already written for the previous line.
        if (join === "dehyphen") out.dropLast();
        else if (join === "space") out.push(" ", breakAt);
      }
      if (line.bullet === "weak" && !(li === 0 && block.bullet))
        out.push(`${line.bulletChar} `, line.bulletAt);
      out.pushLine(line);
    });
    let structure: LineStructure;
    if (block.bullet) {
      if (previous?.kind !== "list_item") lists++;
      structure = { kind: "list_item", list: { id: lists - 1, depth: 0, ordered: false } };
    } else if (first.mdHeading > 0) {
      structure = { kind: "heading", level: first.mdHeading };
    } else if (first.table) {
      if (previous?.kind !== "table_row") {
        tables++;
        row = 0;
      }
      structure = { kind: "table_row", table: { id: tables - 1, row: row++, header: false, cells: [] } };
    } else structure = { kind: "paragraph" };
    out.structure.push(structure);
    if (structure.table) {
      // The cells are the tab-separated parts of the row just written (a table row is one line).
      let at = lineStart;
      for (const part of first.text.split("\t")) {
        structure.table.cells.push({ start: at, end: at + part.length });
        at += part.length + 1;
      }
    }
    previous = structure;
  });
  return out;
}

/** Normalize raw extracted text; see the file comment for what is repaired. */
export function normalize(raw: RawText): NormalizedText {
  let written: { text: string; map: Int32Array; structure: LineStructure[] };
  if (raw.blocks && raw.blocks.length > 0) written = normalizeStructured(raw, raw.blocks);
  else {
    const tabsAreCells = CELL_MEDIA.test(raw.mediaType);
    const lines = cleanLines(raw.text, tabsAreCells);
    removeFurniture(lines, raw.pages);
    const out = emit(reattachTrailingHeadings(buildBlocks(lines)), raw.text.length);
    written = { ...out.result(), structure: out.structure };
  }
  const { text, map, structure } = written;
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
    structure,
    structured: raw.blocks !== undefined && raw.blocks.length > 0,
    toSource(offset: number): SourceLocation {
      const o = Math.max(0, Math.min(Math.floor(offset), text.length));
      const rawOffset =
        o < map.length ? map[o]! : map.length > 0 ? Math.min(raw.text.length, map[map.length - 1]! + 1) : 0;
      const page = pageOf(rawOffset);
      return page === undefined ? { offset: rawOffset } : { offset: rawOffset, page };
    },
  };
}
