// The shapes the PDF layout works on, from pdf.js's text runs up to lines of one column. All in
// points, with the origin at the page's top left (y grows downwards), as BlockGeometry has it.

/** A run of text as pdf.js gives it: one font, one baseline, no wide gaps inside. */
export interface TextRun {
  text: string;
  /** Left edge. */
  x: number;
  /** Distance from the top of the page to the baseline. */
  baseline: number;
  width: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
}

export interface PageText {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
}

export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

export interface Word extends Box {
  text: string;
  baseline: number;
  size: number;
  bold: boolean;
}

/** Words on one baseline, close enough to be read together: a line of one column or one table cell. */
export interface Line extends Box {
  words: Word[];
  baseline: number;
  /** Size of most of the line's characters. */
  size: number;
  /** Every word is bold. */
  bold: boolean;
}

/** Everything on one baseline across the page, split into lines where the gaps are wide. */
export interface Row extends Box {
  baseline: number;
  lines: Line[];
}

export function lineText(line: Line): string {
  return line.words.map((w) => w.text).join(" ");
}

export function union(boxes: readonly Box[]): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    x1 = Math.max(x1, b.x1);
    top = Math.min(top, b.top);
    bottom = Math.max(bottom, b.bottom);
  }
  return { x0, x1, top, bottom };
}

/** Length of the overlap of two boxes' x-ranges (0 when apart). */
export function xOverlap(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
}

export function width(b: Box): number {
  return b.x1 - b.x0;
}

/** A line made of these words (sorted left to right). */
export function makeLine(words: Word[]): Line {
  const box = union(words);
  const bySize = new Map<number, number>();
  let baseline = words[0]!.baseline;
  let best = -1;
  for (const w of words) {
    const weight = (bySize.get(w.size) ?? 0) + w.text.length;
    bySize.set(w.size, weight);
    if (weight > best) {
      best = weight;
      baseline = w.baseline;
    }
  }
  return {
    ...box,
    words,
    baseline,
    size: dominant(bySize),
    bold: words.every((w) => w.bold),
  };
}

/** The key with the largest weight (ties: the larger key). */
export function dominant(weights: Map<number, number>): number {
  let key = 0;
  let best = -1;
  for (const [k, w] of weights) {
    if (w > best || (w === best && k > key)) {
      key = k;
      best = w;
    }
  }
  return key;
}

/** Font sizes are compared in half points: 10.98 and 11 are the same size. */
export function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}
