// The PDF layout reader's pipeline, after pdfplumber, Camelot and Docling: text runs with their
// positions → words → rows and lines → page furniture removed (across pages) → tables from
// aligned gaps → lines chained into columns → reading order → paragraphs, list items and
// headings (from the document's body size and heading styles). Pure: no pdf.js here.
import { Vocabulary } from "../../normalize-join.ts";
import { removeFurniture } from "./furniture.ts";
import { type Line, lineText, type PageText, type Row, sizeKey } from "./geometry.ts";
import { assignColumns, chainLines, type PageItem, readingOrder } from "./order.ts";
import { splitChain, type TextBlockDraft } from "./paragraphs.ts";
import { buildRows } from "./rows.ts";
import { bodySizeOf, classify, type LaidOutBlock, linePitches, type PageBlock } from "./styles.ts";
import { joinTablesAcrossPages } from "./tablePages.ts";
import { findTables } from "./tables.ts";
import { runWords } from "./words.ts";

export type { PageText, TextRun } from "./geometry.ts";
export type { LaidOutBlock } from "./styles.ts";

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
export function layoutDocument(pages: readonly (PageText & { loose?: string[] })[]): LaidOutBlock[] {
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
      const nextColumn = previous?.kind === "text" && previous.block.column !== first!.column;
      if (nextColumn && first!.column !== undefined && continues(previous.block, first!))
        previous.block.lines.push(...first!.lines);
      else blocks.push({ kind: "text", block: first! });
      for (const block of more) blocks.push({ kind: "text", block });
    }
    return { page: w.page, blocks };
  });
  joinTablesAcrossPages(laidOut);
  joinAcrossPages(laidOut, work);
  return withLooseText(classify(laidOut, body), work);
}

function buildPageRows(page: PageText): Row[] {
  return buildRows(page.runs.flatMap(runWords));
}

/**
 * Whether text block `b` goes on with `a`, cut by a column or page break: `a` ends mid-sentence
 * and `b` starts in lower case, in the same type, and is no list item.
 */
function continues(a: TextBlockDraft, b: TextBlockDraft): boolean {
  if (b.marker) return false;
  const last = a.lines[a.lines.length - 1]!;
  const next = b.lines[0]!;
  return (
    sizeKey(last.size) === sizeKey(next.size) &&
    last.bold === next.bold &&
    !/[.!?:][”"')]?$/.test(last.words[last.words.length - 1]!.text) &&
    /^\p{Ll}/u.test(next.words[0]!.text)
  );
}

/**
 * A paragraph cut by a page break is one block: its first page is the block's page, and where
 * the next page begins is kept (pageStarts), so the page map stays exact. It keeps its first
 * part's geometry.
 */
function joinAcrossPages(pages: { page: number; blocks: PageBlock[] }[], work: readonly PageWork[]): void {
  for (let p = 0; p + 1 < pages.length; p++) {
    const last = pages[p]!.blocks[pages[p]!.blocks.length - 1];
    const first = pages[p + 1]!.blocks[0];
    // Text set sideways on a page is written after the page's blocks, so nothing may run past it.
    if (work[p]!.loose.length > 0 || last?.kind !== "text" || first?.kind !== "text") continue;
    if (!continues(last.block, first.block)) continue;
    const starts = last.block.pageStarts ?? [];
    starts.push({ line: last.block.lines.length, page: pages[p + 1]!.page });
    last.block.pageStarts = [...starts, ...(first.block.pageStarts ?? [])];
    last.block.lines.push(...first.block.lines);
    pages[p + 1]!.blocks.shift();
  }
}

/** Append each page's loose text (rotated or vertical runs) after that page's blocks. */
function withLooseText(laid: LaidOutBlock[], work: readonly PageWork[]): LaidOutBlock[] {
  if (work.every((w) => w.loose.length === 0)) return laid;
  const out: LaidOutBlock[] = [];
  let i = 0;
  for (const w of work) {
    while (i < laid.length && (laid[i]!.draft.page ?? 0) <= w.page) out.push(laid[i++]!);
    const text = w.loose.join(" ").replace(/\s+/g, " ").trim();
    if (text)
      out.push({ draft: { kind: "paragraph", text, page: w.page }, pageStarts: [{ line: 0, page: w.page }] });
  }
  out.push(...laid.slice(i));
  return out;
}
