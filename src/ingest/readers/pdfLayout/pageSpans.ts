// The page map of a laid-out PDF: where each page starts and ends in the written text. A block
// cut by a page break belongs to two pages; the break falls where the next page's first printed
// line begins, so every character maps to the page it was printed on.
import type { Block, RawText } from "../../types.ts";
import type { LaidOutBlock } from "./styles.ts";

type Spans = NonNullable<RawText["pages"]>;

/** `blocks` are `laid`'s drafts as written (one block per draft, in order). */
export function pageSpans(laid: readonly LaidOutBlock[], blocks: readonly Block[], pageCount: number): Spans {
  if (laid.length !== blocks.length) throw new Error("every laid-out block must be written");
  const from = new Map<number, number>();
  const to = new Map<number, number>();
  const mark = (page: number, start: number, end: number) => {
    from.set(page, Math.min(from.get(page) ?? start, start));
    to.set(page, Math.max(to.get(page) ?? end, end));
  };
  blocks.forEach((block, i) => {
    const starts = laid[i]!.pageStarts;
    if (block.kind === "table" || starts.length === 1) {
      mark(starts[0]!.page, block.start, block.end);
      return;
    }
    // A wrapped block's text is its printed lines, one per line of the written text.
    const lineStart: number[] = [];
    let at = block.start;
    for (const line of block.text.split("\n")) {
      lineStart.push(at);
      at += line.length + 1;
    }
    starts.forEach(({ line, page }, k) => {
      const start = lineStart[line] ?? block.end;
      const next = starts[k + 1];
      const end = next ? Math.max(start, (lineStart[next.line] ?? block.end) - 1) : block.end;
      mark(page, start, end);
    });
  });
  const spans: Spans = [];
  let end = 0;
  for (let page = 1; page <= pageCount; page++) {
    const start = from.get(page) ?? end;
    end = to.get(page) ?? end;
    spans.push({ page, start, end });
  }
  return spans;
}
