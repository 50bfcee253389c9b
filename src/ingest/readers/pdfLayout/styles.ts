// What the document's typography says about its blocks. The body size is the size most of the
// text is set in; a short block set larger, or bold at body size, is a heading, and the distinct
// heading styles, largest first, are the heading levels. A block that starts with a list marker
// is a list item; its depth is how far its marker is indented among the items of its list.

import type { BlockGeometry } from "../../types.ts";
import type { DraftBlock } from "../blockText.ts";
import { dominant, type Line, lineText, sizeKey } from "./geometry.ts";
import { joinLines } from "./joinLines.ts";
import { markerLabel } from "./markers.ts";
import type { TextBlockDraft } from "./paragraphs.ts";
import type { TableDraft } from "./tables.ts";

export type PageBlock = { kind: "text"; block: TextBlockDraft } | { kind: "table"; table: TableDraft };

/** The font size of most of the text (by characters). */
export function bodySizeOf(lines: Iterable<Line>): number {
  const weights = new Map<number, number>();
  for (const line of lines)
    for (const w of line.words)
      weights.set(sizeKey(w.size), (weights.get(sizeKey(w.size)) ?? 0) + w.text.length);
  return dominant(weights) || 10;
}

/** The usual distance between the baselines of two lines of one paragraph, per font size. */
export function linePitches(chains: Iterable<readonly Line[]>): (size: number) => number {
  const counts = new Map<number, Map<number, number>>();
  for (const lines of chains)
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      const pitch = b.baseline - a.baseline;
      if (sizeKey(a.size) !== sizeKey(b.size) || pitch < a.size || pitch > 2 * a.size) continue;
      const bySize = counts.get(sizeKey(a.size)) ?? new Map<number, number>();
      bySize.set(Math.round(pitch * 2) / 2, (bySize.get(Math.round(pitch * 2) / 2) ?? 0) + 1);
      counts.set(sizeKey(a.size), bySize);
    }
  const usual = new Map([...counts].map(([size, pitches]) => [size, smallestCommon(pitches)]));
  return (size) => usual.get(sizeKey(size)) ?? 1.25 * size;
}

/** Paragraph gaps are as common as line gaps in short paragraphs: the smaller of the common ones. */
function smallestCommon(pitches: Map<number, number>): number {
  const top = Math.max(...pitches.values());
  return Math.min(...[...pitches].filter(([, n]) => n >= 0.5 * top).map(([p]) => p));
}

function blockSize(lines: readonly Line[]): number {
  const weights = new Map<number, number>();
  for (const l of lines)
    weights.set(sizeKey(l.size), (weights.get(sizeKey(l.size)) ?? 0) + lineText(l).length);
  return dominant(weights);
}

interface Typography {
  text: string;
  size: number;
  bold: boolean;
}

function typographyOf(block: TextBlockDraft): Typography {
  return {
    text: joinLines(block.lines.map(lineText)),
    size: blockSize(block.lines),
    bold: block.lines.every((l) => l.bold),
  };
}

/** The heading style key ("size|bold") of a block that is a heading, else undefined. */
function headingStyle(block: TextBlockDraft, t: Typography, body: number): string | undefined {
  if (block.lines.length > 3 || t.text.length > 160 || !/\p{L}/u.test(t.text)) return undefined;
  if (/\.$/.test(t.text) && t.text.length > 40) return undefined;
  const larger = t.size >= body + Math.max(1, 0.12 * body);
  const boldAtBody =
    t.bold && t.size >= body - 0.5 && !block.marker && t.text.length <= 120 && !/[.;,]$/.test(t.text);
  return larger || boldAtBody ? `${t.size}|${t.bold ? 1 : 0}` : undefined;
}

function geometryOf(
  box: { x0: number; x1: number; top: number; bottom: number },
  size: number,
  bold: boolean,
  column?: number,
): BlockGeometry {
  const g: BlockGeometry = {
    x: round(box.x0),
    y: round(box.top),
    width: round(box.x1 - box.x0),
    height: round(box.bottom - box.top),
    fontSize: size,
    bold,
  };
  if (column !== undefined) g.column = column;
  return g;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A block ready to be written, and the pages its printed lines are on. */
export interface LaidOutBlock {
  draft: DraftBlock;
  /** Line (of the written block) where each page of the block begins; the first is line 0. */
  pageStarts: { line: number; page: number }[];
}

/** The printed lines of a text block, its list marker left out; one line per printed line. */
function printedLines(block: TextBlockDraft): string {
  const [first, ...rest] = block.lines;
  const words = block.marker ? first!.words.slice(1) : first!.words;
  return [words.map((w) => w.text).join(" "), ...rest.map(lineText)].join("\n");
}

/** Blocks of every page, in reading order → typed drafts with their placement. */
export function classify(
  pages: readonly { page: number; blocks: PageBlock[] }[],
  body: number,
): LaidOutBlock[] {
  const typography = new Map<TextBlockDraft, Typography>();
  const headingOf = new Map<TextBlockDraft, string>();
  for (const { blocks } of pages)
    for (const item of blocks) {
      if (item.kind !== "text") continue;
      const t = typographyOf(item.block);
      typography.set(item.block, t);
      const style = headingStyle(item.block, t, body);
      if (style) headingOf.set(item.block, style);
    }
  const styles = [...new Set(headingOf.values())].sort((a, b) => {
    const [sa, ba] = a.split("|").map(Number);
    const [sb, bb] = b.split("|").map(Number);
    return sb! - sa! || bb! - ba!;
  });
  const levelOf = new Map(styles.map((s, i) => [s, Math.min(6, i + 1)]));

  const out: LaidOutBlock[] = [];
  let list = 0;
  let indents: number[] = [];
  let previousOrdered: boolean | undefined;
  for (const { page, blocks } of pages)
    for (const item of blocks) {
      if (item.kind === "table") {
        const { table } = item;
        out.push({
          draft: {
            kind: "table",
            rows: table.rows,
            headerRows: table.headerRows,
            page,
            geometry: geometryOf(table, table.size, table.bold),
          },
          pageStarts: [{ line: 0, page }],
        });
        indents = [];
        continue;
      }
      const block = item.block;
      const t = typography.get(block)!;
      const placed = {
        page,
        geometry: geometryOf(block, t.size, t.bold, block.column),
        ...(block.lines.length > 1 ? { wrapped: true } : {}),
        ...(block.lineBreakBefore ? { lineBreakBefore: true } : {}),
      };
      const text = printedLines(block);
      const pageStarts = [{ line: 0, page }, ...(block.pageStarts ?? [])];
      const style = headingOf.get(block);
      if (style) {
        out.push({ draft: { kind: "heading", level: levelOf.get(style)!, text, ...placed }, pageStarts });
        indents = [];
      } else if (block.marker && block.markerX !== undefined) {
        const x = block.markerX;
        if (!indents.some((i) => Math.abs(i - x) <= 3)) indents.push(x);
        const depth = indents.filter((i) => i < x - 3).length;
        // A list ends at any other block, and where its top level changes between bullets and numbers.
        const previous = out[out.length - 1]?.draft;
        const fresh =
          previous?.kind !== "list_item" || (depth === 0 && previousOrdered !== block.marker.ordered);
        if (fresh) {
          list++;
          indents = [x];
        }
        out.push({
          draft: {
            kind: "list_item",
            text,
            depth: fresh ? 0 : depth,
            ordered: block.marker.ordered,
            marker: block.marker.ordered ? markerLabel(block.marker) : block.marker.text,
            list,
            ...placed,
          },
          pageStarts,
        });
        if (depth === 0 || fresh) previousOrdered = block.marker.ordered;
      } else {
        const emphasized = t.bold || t.size >= body + 1;
        out.push({
          draft: { kind: "paragraph", text, ...placed, ...(emphasized ? { emphasized } : {}) },
          pageStarts,
        });
        indents = [];
      }
    }
  return out;
}
