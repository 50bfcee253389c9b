// Words → rows (one baseline across the page) → lines (the row split where the gap is wider than
// words are ever set apart), as pdfplumber groups characters into words and lines.
//
// A wide gap is a column gutter or a table cell boundary only when the rows around it have a gap
// in the same place; a wide gap alone (a justified line, a tab inside a sentence) is closed again.
// A list marker and its text, set apart by a tab, are one line.
import { type Line, makeLine, type Row, union, type Word } from "./geometry.ts";
import { markerOf } from "./markers.ts";

/** Words further apart than this (in em) start a new line of the row. */
const SPLIT_GAP_EM = 0.5;
/** Rows this close (in em of the larger size) are neighbours for telling gutters from gaps. */
const NEIGHBOUR_EM = 2.5;

function sameRow(row: { baseline: number; size: number }, w: Word): boolean {
  if (Math.abs(w.baseline - row.baseline) <= 0.35 * Math.min(row.size, w.size)) return true;
  // A superscript or subscript (footnote reference, "m2") belongs to the line it sits in: the
  // smaller text's middle lies within the larger text's height.
  const [small, big] = w.size < row.size ? [w, row] : [row, w];
  if (small.size >= 0.85 * big.size) return false;
  const middle = small.baseline - 0.3 * small.size;
  return middle > big.baseline - 0.8 * big.size && middle < big.baseline + 0.2 * big.size;
}

interface RowDraft {
  baseline: number;
  size: number;
  words: Word[];
}

/** Group a page's words into rows, top to bottom, each with its lines left to right. */
export function buildRows(words: readonly Word[]): Row[] {
  const sorted = [...words].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const drafts: RowDraft[] = [];
  for (const w of sorted) {
    let home: RowDraft | undefined;
    for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i]!;
      if (d.baseline < w.baseline - 2 * Math.max(d.size, w.size)) break;
      if (sameRow(d, w)) {
        home = d;
        break;
      }
    }
    if (!home) drafts.push({ baseline: w.baseline, size: w.size, words: [w] });
    else {
      home.words.push(w);
      // The row's baseline and size are its largest text's (a superscript does not move them).
      if (w.size > home.size) {
        home.size = w.size;
        home.baseline = w.baseline;
      }
    }
  }
  drafts.sort((a, b) => a.baseline - b.baseline);
  const rows = drafts.map((d) => {
    const ordered = glueTouching(d.words.sort((a, b) => a.x0 - b.x0));
    const lines = joinMarkers(splitAtGaps(ordered));
    return { ...union(lines), baseline: d.baseline, lines };
  });
  closeLoneGaps(rows);
  return rows;
}

/**
 * Words of different runs that touch are one word: a superscript after its word ("pct.10"), a
 * word whose letters came in two fonts. Within a run, words are apart by a space.
 */
function glueTouching(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && w.x0 - prev.x1 < 0.12 * Math.min(prev.size, w.size) && w.x0 >= prev.x0) {
      const big = prev.size >= w.size ? prev : w;
      out[out.length - 1] = {
        ...prev,
        text: prev.text + w.text,
        x1: Math.max(prev.x1, w.x1),
        top: Math.min(prev.top, w.top),
        bottom: Math.max(prev.bottom, w.bottom),
        baseline: big.baseline,
        size: big.size,
        bold: prev.bold && w.bold,
      };
    } else out.push(w);
  }
  return out;
}

function splitAtGaps(words: readonly Word[]): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  for (const w of words) {
    const prev = current[current.length - 1];
    if (prev && w.x0 - prev.x1 > SPLIT_GAP_EM * ((prev.size + w.size) / 2)) {
      lines.push(makeLine(current));
      current = [];
    }
    current.push(w);
  }
  if (current.length > 0) lines.push(makeLine(current));
  return lines;
}

/** A marker alone, followed on the same row by text: one list item line. */
function joinMarkers(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (
      next &&
      line.words.length === 1 &&
      markerOf(line.words[0]!.text) &&
      next.x0 - line.x1 <= 4 * line.size
    ) {
      out.push(makeLine([...line.words, ...next.words]));
      i++;
    } else out.push(line);
  }
  return out;
}

interface Gap {
  from: number;
  to: number;
}

function gapsOf(row: Row): Gap[] {
  const gaps: Gap[] = [];
  for (let i = 1; i < row.lines.length; i++) gaps.push({ from: row.lines[i - 1]!.x1, to: row.lines[i]!.x0 });
  return gaps;
}

/** Whether `row` has a gap where `gap` is: a gutter or cell boundary running through both. */
function alignedGap(row: Row, gap: Gap): boolean {
  return gapsOf(row).some((g) => g.from < gap.to && g.to > gap.from);
}

function covers(row: Row, x: number): boolean {
  return row.lines.some((l) => l.x0 <= x && l.x1 >= x);
}

/**
 * Close the wide gaps of a row that no neighbouring row shares, when a neighbour has text across
 * them: word spacing of a justified line, not a gutter. Gaps with no neighbour to tell stay open.
 */
function closeLoneGaps(rows: Row[]): void {
  const neighbours = (i: number): Row[] => {
    const row = rows[i]!;
    const near: Row[] = [];
    const reach = (r: Row) =>
      NEIGHBOUR_EM * Math.max(...r.lines.map((l) => l.size), ...row.lines.map((l) => l.size));
    const above = rows[i - 1];
    const below = rows[i + 1];
    if (above && row.baseline - above.baseline <= reach(above)) near.push(above);
    if (below && below.baseline - row.baseline <= reach(below)) near.push(below);
    return near;
  };
  const merged = rows.map((row, i) => {
    if (row.lines.length < 2) return row.lines;
    const near = neighbours(i);
    const lines: Line[] = [row.lines[0]!];
    for (let k = 1; k < row.lines.length; k++) {
      const prev = lines[lines.length - 1]!;
      const line = row.lines[k]!;
      const gap = { from: prev.x1, to: line.x0 };
      const mid = (gap.from + gap.to) / 2;
      const lone =
        near.length > 0 &&
        !near.some((r) => alignedGap(r, gap)) &&
        near.some((r) => covers(r, mid)) &&
        gap.to - gap.from <= 4 * line.size;
      if (lone) lines[lines.length - 1] = makeLine([...prev.words, ...line.words]);
      else lines.push(line);
    }
    return lines;
  });
  merged.forEach((lines, i) => {
    rows[i]!.lines = lines;
  });
}
