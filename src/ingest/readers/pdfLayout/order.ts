// Reading order on one page. Lines stacked in one column are chained (each line's only neighbour
// below is the next line, and it has no other above); chains and tables are then ordered by
// Breuel's rules (T. Breuel, "High performance document layout analysis", 2003): a comes before b
// when their x-ranges overlap and a is above b, or when a lies wholly left of b and nothing
// between them vertically spans both. Two columns read left then right; a full-width heading
// between column blocks keeps the blocks above it before the blocks below it.
import { type Box, type Line, type Row, sizeKey, union, width, xOverlap } from "./geometry.ts";
import type { TableDraft } from "./tables.ts";

/** Lines that follow each other closer than this (whitespace, in em) can be one chain. */
const CHAIN_GAP_EM = 2.2;
/** Above this many items a page is ordered top to bottom only (the rules are cubic). */
const MAX_ORDERED_ITEMS = 250;

export interface Chain extends Box {
  lines: Line[];
  /** 0-based column, where the page is set in columns side by side. */
  column?: number;
}

export type PageItem = { kind: "chain"; chain: Chain } | { kind: "table"; table: TableDraft };

interface Placed {
  line: Line;
  row: number;
}

/** Stack each line onto the one line above it in the same column. */
export function chainLines(rows: readonly Row[], tables: readonly Box[]): Chain[] {
  const byRow: Placed[][] = rows.map((row, r) => row.lines.map((line) => ({ line, row: r })));
  const placed = byRow.flat();
  const blocked = (a: Line, b: Line) =>
    tables.some((t) => t.top >= a.bottom - 1 && t.bottom <= b.top + 1 && xOverlap(t, a) > 0);

  // The overlapping lines in the nearest row (in reach) that has any.
  const neighbours = (p: Placed, step: 1 | -1): Placed[] => {
    for (let r = p.row + step; r >= 0 && r < rows.length; r += step) {
      const row = rows[r]!;
      const gap = step === 1 ? row.top - p.line.bottom : p.line.top - row.bottom;
      if (gap > CHAIN_GAP_EM * Math.max(p.line.size, ...row.lines.map((l) => l.size))) return [];
      const found = byRow[r]!.filter((q) => xOverlap(q.line, p.line) > 0);
      if (found.length > 0) return found;
    }
    return [];
  };

  const next = new Map<Line, Line>();
  const hasPrevious = new Set<Line>();
  for (const p of placed) {
    const below = neighbours(p, 1);
    if (below.length !== 1) continue;
    const q = below[0]!;
    const above = neighbours(q, -1);
    if (above.length !== 1 || above[0]!.line !== p.line || blocked(p.line, q.line)) continue;
    if (!stacks(p.line, q.line)) continue;
    next.set(p.line, q.line);
    hasPrevious.add(q.line);
  }
  const chains: Chain[] = [];
  for (const p of placed) {
    if (hasPrevious.has(p.line)) continue;
    const lines = [p.line];
    for (let l = next.get(p.line); l; l = next.get(l)) lines.push(l);
    chains.push({ ...union(lines), lines });
  }
  return chains;
}

/**
 * Whether `b` can be the line after `a` in one column: set in the same type, not reaching further left than an outdent
 * or a list marker, nor further right than `a` would have if `b`'s first word had fitted on it
 * (so a line under a column, or under a paragraph's short last line, starts a stack of its own).
 */
function stacks(a: Line, b: Line): boolean {
  // A heading is a chain of its own, so that it can divide the columns above it from those below.
  if (sizeKey(a.size) !== sizeKey(b.size) || a.bold !== b.bold) return false;
  const em = Math.max(a.size, b.size);
  const first = b.words[0]!;
  return b.x0 >= a.x0 - 3 * em && b.x1 <= a.x1 + (first.x1 - first.x0) + em;
}

const TOLERANCE = 2;

/**
 * Whether `a` reads before `b`. Boxes are taken as `spans` gives them: an item alone in its band
 * of the page (a heading over both columns, even a short one at the left margin) stands for the
 * page's whole width, so it divides the columns above it from those below.
 */
function before(a: Box, b: Box, all: readonly Box[], spans: (c: Box) => Box): boolean {
  const [sa, sb] = [spans(a), spans(b)];
  if (xOverlap(sa, sb) > 0) return a.top + a.bottom < b.top + b.bottom;
  if (sa.x1 > sb.x0 + TOLERANCE) return false;
  const [upper, lower] = a.top <= b.top ? [a, b] : [b, a];
  return !all.some((c) => {
    if (c === a || c === b || c.top < upper.bottom - TOLERANCE || c.bottom > lower.top + TOLERANCE)
      return false;
    const sc = spans(c);
    return xOverlap(sc, sa) > 0 && xOverlap(sc, sb) > 0;
  });
}

const boxOf = (item: PageItem): Box => (item.kind === "chain" ? item.chain : item.table);
const byPosition = (a: PageItem, b: PageItem) => boxOf(a).top - boxOf(b).top || boxOf(a).x0 - boxOf(b).x0;

/** The page's chains and tables in reading order. */
export function readingOrder(items: PageItem[]): PageItem[] {
  const sorted = [...items].sort(byPosition);
  if (sorted.length > MAX_ORDERED_ITEMS) return sorted;
  const boxes = sorted.map(boxOf);
  const page = union(boxes);
  const alone = new Set(
    boxes.filter(
      (c) => !boxes.some((d) => d !== c && d.top < c.bottom - TOLERANCE && c.top < d.bottom - TOLERANCE),
    ),
  );
  const spans = (c: Box): Box => (alone.has(c) ? { ...c, x0: page.x0, x1: page.x1 } : c);
  const preds = sorted.map(() => 0);
  const succ: number[][] = sorted.map(() => []);
  for (let i = 0; i < boxes.length; i++)
    for (let j = 0; j < boxes.length; j++) {
      if (i !== j && before(boxes[i]!, boxes[j]!, boxes, spans)) {
        succ[i]!.push(j);
        preds[j]!++;
      }
    }
  // Kahn's algorithm, taking the topmost (then leftmost) ready item; a cycle falls back to it too.
  const done = sorted.map(() => false);
  const out: PageItem[] = [];
  while (out.length < sorted.length) {
    let pick = -1;
    for (let i = 0; i < sorted.length && pick < 0; i++) if (!done[i] && preds[i] === 0) pick = i;
    if (pick < 0) pick = done.indexOf(false);
    done[pick] = true;
    out.push(sorted[pick]!);
    for (const j of succ[pick]!) preds[j]!--;
  }
  return out;
}

/** Number the columns of a page whose chains stand side by side; full-width chains get none. */
export function assignColumns(chains: Chain[], textWidth: number): void {
  const sideBySide = chains.filter((a) =>
    chains.some(
      (b) =>
        a !== b &&
        xOverlap(a, b) === 0 &&
        a.top < b.bottom &&
        b.top < a.bottom &&
        width(a) >= 0.25 * textWidth &&
        width(b) >= 0.25 * textWidth,
    ),
  );
  if (sideBySide.length === 0) return;
  // Only the part of the page set in columns: a heading above them or a paragraph below spans them.
  const zoneTop = Math.min(...sideBySide.map((c) => c.top));
  const zoneBottom = Math.max(...sideBySide.map((c) => c.bottom));
  const starts: number[] = [];
  for (const x of sideBySide.map((c) => c.x0).sort((a, b) => a - b))
    if (starts.length === 0 || x - starts[starts.length - 1]! > 10) starts.push(x);
  for (const chain of chains) {
    if (width(chain) > 0.75 * textWidth || chain.bottom < zoneTop || chain.top > zoneBottom) continue;
    // Alone in its band of the page, a chain spans the columns (a heading between column blocks).
    if (!chains.some((c) => c !== chain && c.top < chain.bottom && chain.top < c.bottom)) continue;
    let column = 0;
    for (let i = 0; i < starts.length; i++) if (chain.x0 >= starts[i]! - 10) column = i;
    chain.column = column;
  }
}
