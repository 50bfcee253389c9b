// The structured readers (Word, HTML, Markdown) find blocks; this writes them out as RawText.text
// in the common text shape (read.ts) and gives each block its span in that text, so the blocks
// and the text can never disagree.
import type { Block, BlockGeometry, TableCell } from "../types.ts";
import { readErrors } from "./readError.ts";

/** Where a block was found, for paged sources (PDF), and whether its line breaks are printed line ends. */
export interface DraftPlacement {
  page?: number;
  geometry?: BlockGeometry;
  wrapped?: boolean;
  lineBreakBefore?: boolean;
}

/** A block as a reader finds it, before it has a place in the text. */
export type DraftBlock = DraftPlacement &
  (
    | { kind: "heading"; level: number; text: string; marker?: string }
    | { kind: "paragraph"; text: string; emphasized?: boolean; verbatim?: boolean }
    | { kind: "list_item"; text: string; depth: number; ordered: boolean; marker?: string; list: number }
    | { kind: "table"; rows: DraftCell[][]; headerRows: number }
  );

export interface DraftCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

/** Runs of spaces, tabs and line breaks as one space (a no-break space is kept: it is text). */
export function collapseSpace(text: string): string {
  return text.replace(/[ \t\n\r\f\v]+/g, " ").trim();
}

/** Paragraph text: each line collapsed, empty lines dropped, hard line breaks kept. */
function paragraphText(text: string): string {
  return text
    .split("\n")
    .map(collapseSpace)
    .filter((line) => line !== "")
    .join("\n");
}

function clean(draft: DraftBlock): DraftBlock | null {
  switch (draft.kind) {
    case "paragraph": {
      // Preformatted text keeps its lines and blank lines as they are.
      const text = draft.verbatim
        ? draft.text.replace(/[ \t\r]+$/gm, "").replace(/^\n+|\n+$/g, "")
        : paragraphText(draft.text);
      return text ? { ...draft, text } : null;
    }
    case "heading":
    case "list_item": {
      // A wrapped block keeps its printed lines for the normalizer to join.
      const text = draft.wrapped ? paragraphText(draft.text) : collapseSpace(draft.text);
      return text ? { ...draft, text } : null;
    }
    case "table": {
      const rows = draft.rows
        .map((row) => row.map((cell) => ({ ...cell, text: collapseSpace(cell.text) })))
        .filter((row) => row.length > 0);
      if (!rows.some((row) => row.some((cell) => cell.text !== ""))) return null;
      return { ...draft, rows, headerRows: Math.min(draft.headerRows, rows.length) };
    }
  }
}

/** The placement fields a draft has, to copy onto its block. */
function placement({ page, geometry, wrapped, lineBreakBefore }: DraftPlacement): DraftPlacement {
  const out: DraftPlacement = {};
  if (page !== undefined) out.page = page;
  if (geometry) out.geometry = geometry;
  if (wrapped) out.wrapped = true;
  if (lineBreakBefore) out.lineBreakBefore = true;
  return out;
}

/** Consecutive items of one list, or of a list and the list nested in it, share a paragraph. */
function sameList(a: DraftBlock, b: DraftBlock): boolean {
  if (a.kind !== "list_item" || b.kind !== "list_item") return false;
  return a.list === b.list || a.depth > 0 || b.depth > 0;
}

/**
 * The blocks written out: a blank line between blocks (a line break between the items of one
 * list and between table rows), headings as "# …", list items as "- …" or "3. …" two spaces in
 * per level, table rows as tab-separated cells. Longer text than `maxChars` is refused.
 */
export function writeBlocks(
  drafts: readonly DraftBlock[],
  maxChars: number,
): { text: string; blocks: Block[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let length = 0;
  const write = (s: string): number => {
    const at = length;
    length += s.length;
    if (length > maxChars) throw readErrors.textTooLarge(maxChars);
    parts.push(s);
    return at;
  };
  let previous: DraftBlock | null = null;
  for (const raw of drafts) {
    const draft = clean(raw);
    if (!draft) continue;
    if (previous) write(sameList(previous, draft) ? "\n" : "\n\n");
    switch (draft.kind) {
      case "heading": {
        write(
          `${"#".repeat(Math.min(6, Math.max(1, draft.level)))} ${draft.marker ? `${draft.marker} ` : ""}`,
        );
        const start = write(draft.text);
        const block: Block = {
          kind: "heading",
          level: draft.level,
          text: draft.text,
          start,
          end: length,
          ...placement(draft),
        };
        if (draft.marker) block.marker = draft.marker;
        blocks.push(block);
        break;
      }
      case "paragraph": {
        const start = write(draft.text);
        const block: Block = { kind: "paragraph", text: draft.text, start, end: length, ...placement(draft) };
        if (draft.emphasized) block.emphasized = true;
        blocks.push(block);
        break;
      }
      case "list_item": {
        const shown = draft.ordered ? (draft.marker ?? "1.") : "-";
        write(`${"  ".repeat(draft.depth)}${shown} `);
        const start = write(draft.text);
        const block: Block = {
          kind: "list_item",
          text: draft.text,
          depth: draft.depth,
          ordered: draft.ordered,
          list: draft.list,
          start,
          end: length,
          ...placement(draft),
        };
        if (draft.marker) block.marker = draft.marker;
        blocks.push(block);
        break;
      }
      case "table": {
        const start = length;
        const rows: TableCell[][] = draft.rows.map((row, r) => {
          if (r > 0) write("\n");
          return row.map((cell, c) => {
            if (c > 0) write("\t");
            const at = write(cell.text);
            const out: TableCell = { text: cell.text, start: at, end: length };
            // A cell spanning columns keeps the columns after it in place in the tab-separated row.
            if (cell.colSpan && cell.colSpan > 1) {
              out.colSpan = cell.colSpan;
              write("\t".repeat(cell.colSpan - 1));
            }
            if (cell.rowSpan && cell.rowSpan > 1) out.rowSpan = cell.rowSpan;
            return out;
          });
        });
        blocks.push({
          kind: "table",
          rows,
          headerRows: draft.headerRows,
          start,
          end: length,
          ...placement(draft),
        });
        break;
      }
    }
    previous = draft;
  }
  return { text: parts.join(""), blocks };
}
