// Blocks → the common text shape every reader returns (see read.ts), with each block's span in
// that text, so a block and the text always agree: headings "## …", list items "- …" or "3. …"
// (two spaces per level), table rows as tab-separated cells, a blank line between blocks.
import type {
  Block,
  HeadingBlock,
  ListItemBlock,
  ParagraphBlock,
  RawText,
  TableBlock,
  TableCell,
} from "./types.ts";

type Unplaced<T> = Omit<T, "start" | "end">;

/** A block before it has a place in the text. */
export type BlockDraft =
  | Unplaced<HeadingBlock>
  | Unplaced<ParagraphBlock>
  | Unplaced<ListItemBlock>
  | (Omit<Unplaced<TableBlock>, "rows"> & { rows: Unplaced<TableCell>[][] });

export const BLOCK_SEPARATOR = "\n\n";

/** One line of text: tabs and line breaks inside a block's text would read as structure. */
function flat(text: string): string {
  return text.replace(/[\t\n\r\f\v\u2028\u2029]+/g, " ").trim();
}

export function listPrefix(item: Pick<ListItemBlock, "depth" | "ordered" | "marker">): string {
  const indent = "  ".repeat(item.depth);
  return item.ordered && item.marker ? `${indent}${item.marker} ` : `${indent}- `;
}

export interface WrittenBlocks {
  text: string;
  blocks: Block[];
}

/** Write the blocks out, in order. */
export function writeBlocks(drafts: readonly BlockDraft[]): WrittenBlocks {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let at = 0;
  const put = (s: string) => {
    parts.push(s);
    at += s.length;
  };
  for (const draft of drafts) {
    if (blocks.length > 0) put(BLOCK_SEPARATOR);
    const start = at;
    if (draft.kind === "table") {
      const rows = draft.rows.map((row, r) => {
        if (r > 0) put("\n");
        return row.map((cell, c) => {
          if (c > 0) put("\t");
          const text = flat(cell.text);
          const placed: TableCell = { ...cell, text, start: at, end: at + text.length };
          put(text);
          return placed;
        });
      });
      blocks.push({ ...draft, rows, start, end: at });
      continue;
    }
    const text = flat(draft.text);
    if (draft.kind === "heading") put(`${"#".repeat(Math.min(6, Math.max(1, draft.level)))} `);
    else if (draft.kind === "list_item") put(listPrefix(draft));
    put(text);
    blocks.push({ ...draft, text, start, end: at });
  }
  return { text: parts.join(""), blocks };
}

/**
 * Where each of `pageCount` pages starts and ends in the text, from the pages of its blocks (in
 * page order). A page without blocks is an empty span where the previous page ended.
 */
export function pageSpans(blocks: readonly Block[], pageCount: number): NonNullable<RawText["pages"]> {
  const spans: NonNullable<RawText["pages"]> = [];
  let b = 0;
  let end = 0;
  for (let page = 1; page <= pageCount; page++) {
    let start = -1;
    while (b < blocks.length && (blocks[b]!.page ?? 1) <= page) {
      if (start < 0) start = blocks[b]!.start;
      end = blocks[b]!.end;
      b++;
    }
    spans.push({ page, start: start < 0 ? end : start, end });
  }
  return spans;
}
