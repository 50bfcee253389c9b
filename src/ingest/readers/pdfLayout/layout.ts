// The PDF layout reader's pipeline, after pdfplumber, Camelot and Docling: text runs with their
// positions → words → rows and lines → page furniture removed (across pages) → tables from
// aligned gaps → lines chained into columns → reading order → paragraphs, list items and
// headings (from the document's body size and heading styles). Pure: no pdf.js here.
import type { BlockDraft } from "../../blockText.ts";
import { Vocabulary } from "../../normalize-join.ts";
import { removeFurniture } from "./furniture.ts";
import { type Line, lineText, type PageText, type Row, sizeKey } from "./geometry.ts";
import { assignColumns, chainLines, type PageItem, readingOrder } from "./order.ts";
import { splitChain, type TextBlockDraft } from "./paragraphs.ts";
import { buildRows } from "./rows.ts";
import { bodySizeOf, classify, linePitches, type PageBlock } from "./styles.ts";
import { findTables } from "./tables.ts";
import { runWords } from "./words.ts";

export type { PageText, TextRun } from "./geometry.ts";

interface PageWork {
  page: number;
  width: number;
  height: number;
  rows: Row[];
  items: PageItem[];
  /** Text that is not set horizontally, kept as one paragraph at the end of the page. */
  loose: string[];
}

/** Lay out a document's pages into blocks, in reading order. */
export function layoutDocument(pages: readonly (PageText & { loose?: string[] })[]): BlockDraft[] {
  const work: PageWork[] = pages.map((p) => ({
    page: p.page,
    width: p.width,
    height: p.height,
    rows: buildPageRows(p),
    items: [],
    loose: p.loose ?? [],
  }));
  removeFurniture(work);
  const vocab = new Vocabulary(
    work.flatMap((w) => w.rows.flatMap((r) => r.lines.map((l) => ({ text: lineText(l) })))),
  );

  for (const w of work) {
    const { tables, rest } = findTables(w.rows, vocab);
    const chains = chainLines(rest, tables);
    const lines = rest.flatMap((r) => r.lines);
    const textWidth =
      lines.length > 0 ? Math.max(...lines.map((l) => l.x1)) - Math.min(...lines.map((l) => l.x0)) : w.width;
    assignColumns(chains, textWidth);
    w.items = readingOrder([
      ...chains.map((chain): PageItem => ({ kind: "chain", chain })),
      ...tables.map((table): PageItem => ({ kind: "table", table })),
    ]);
  }

  const chainLinesOf = (w: PageWork): Line[][] =>
    w.items.flatMap((i) => (i.kind === "chain" ? [i.chain.lines] : []));
  const body = bodySizeOf(work.flatMap(chainLinesOf).flat());
  const pitchOf = linePitches(work.flatMap(chainLinesOf));

  const laidOut = work.map((w) => {
    const blocks: PageBlock[] = [];
    for (const item of w.items) {
      if (item.kind === "table") {
        blocks.push({ kind: "table", table: item.table });
        continue;
      }
      const [first, ...more] = splitChain(item.chain, pitchOf);
      const previous = blocks[blocks.length - 1];
      if (previous?.kind === "text" && continuesInNextColumn(previous.block, first!))
        previous.block.lines.push(...first!.lines);
      else blocks.push({ kind: "text", block: first! });
      for (const block of more) blocks.push({ kind: "text", block });
    }
    return { page: w.page, blocks };
  });
  const drafts = classify(laidOut, body);
  return withLooseText(drafts, work);
}

function buildPageRows(page: PageText): Row[] {
  return buildRows(page.runs.flatMap(runWords));
}

/**
 * A paragraph cut by a column break goes on at the top of the next column: the first part ends
 * mid-sentence and the next column starts in lower case, in the same type. (Across a page break
 * the parts stay apart, so each block keeps its page.) The block keeps its first part's geometry.
 */
function continuesInNextColumn(a: TextBlockDraft, b: TextBlockDraft): boolean {
  if (a.column === undefined || b.column === undefined || a.column === b.column || b.marker) return false;
  const last = a.lines[a.lines.length - 1]!;
  const next = b.lines[0]!;
  return (
    sizeKey(last.size) === sizeKey(next.size) &&
    last.bold === next.bold &&
    !/[.!?:][”"')]?$/.test(last.words[last.words.length - 1]!.text) &&
    /^\p{Ll}/u.test(next.words[0]!.text)
  );
}

/** Append each page's loose text (rotated or vertical runs) after that page's blocks. */
function withLooseText(drafts: BlockDraft[], work: readonly PageWork[]): BlockDraft[] {
  if (work.every((w) => w.loose.length === 0)) return drafts;
  const out: BlockDraft[] = [];
  let i = 0;
  for (const w of work) {
    while (i < drafts.length && (drafts[i]!.page ?? 0) <= w.page) out.push(drafts[i++]!);
    const text = w.loose.join(" ").replace(/\s+/g, " ").trim();
    if (text) out.push({ kind: "paragraph", text, page: w.page });
  }
  out.push(...drafts.slice(i));
  return out;
}
