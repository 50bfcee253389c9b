// pdf.js text runs → words with their boxes. pdf.js gives a run's start and total width, not each
// glyph's; where a word starts inside a run is estimated from typical relative glyph widths of
// proportional fonts, scaled so the run's width comes out exact. The first word's start and the
// last word's end are therefore exact, which is what column and cell alignment mostly rely on.
import type { TextRun, Word } from "./geometry.ts";

// Relative advance widths (em) of a typical sans-serif text face.
const NARROW = new Set([..."ijl.,:;'!|I´`"]);
const SEMI_NARROW = new Set([...'ftr()[]{}-/"*']);
const WIDE = new Set([..."mwMWæÆœŒ@%"]);

function advance(ch: string): number {
  if (ch === " " || ch === "\t" || ch === "\u00a0") return 0.28;
  if (NARROW.has(ch)) return 0.25;
  if (SEMI_NARROW.has(ch)) return 0.34;
  if (WIDE.has(ch)) return 0.86;
  if (ch >= "0" && ch <= "9") return 0.56;
  if (ch !== ch.toLowerCase()) return 0.68;
  return 0.53;
}

const SPACE = /[\s\u00a0]/;

/** The words of one run, each with an estimated box; an empty list for a run of spaces. */
export function runWords(run: TextRun): Word[] {
  const chars = [...run.text];
  let total = 0;
  for (const ch of chars) total += advance(ch);
  if (total === 0) return [];
  const scale = run.width > 0 ? run.width / total : run.size;
  const top = run.baseline - run.size * 0.8;
  const bottom = run.baseline + run.size * 0.2;
  const words: Word[] = [];
  let x = run.x;
  let start = -1;
  let startX = 0;
  let text = "";
  const flush = (endX: number) => {
    if (start < 0) return;
    words.push({
      text,
      x0: startX,
      x1: endX,
      top,
      bottom,
      baseline: run.baseline,
      size: run.size,
      bold: run.bold,
    });
    start = -1;
    text = "";
  };
  chars.forEach((ch, i) => {
    if (SPACE.test(ch)) flush(x);
    else {
      if (start < 0) {
        start = i;
        startX = x;
      }
      text += ch;
    }
    x += advance(ch) * scale;
  });
  flush(x);
  return words;
}
