// Page furniture: page numbers, "S. 4"/"Side 4 af 12" marks, and running heads or footers that
// repeat page after page. They are blanked out so they never glue onto the text around them.
import type { CleanLine } from "./normalize-lines.ts";
import type { RawText } from "./types.ts";

const PAGE_MARK = /^(?:side|s\.|page)\s*\d{1,4}(?:\s*(?:af|\/|of)\s*\d{1,4})?$/i;
const PAGE_PREFIX = /^(?:side|s\.)\s*\d{1,4}\s+(?=\S)/i;

function blank(line: CleanLine): void {
  line.text = "";
  line.map = [];
  line.bullet = null;
  line.table = false;
}

function isBlank(line: CleanLine | undefined): boolean {
  return line === undefined || (line.text === "" && line.bullet === null);
}

function nonBlank(lines: readonly CleanLine[], i: number, step: 1 | -1): CleanLine | undefined {
  for (let k = i + step; k >= 0 && k < lines.length; k += step) if (!isBlank(lines[k])) return lines[k];
  return undefined;
}

function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 6 && !/\p{Ll}/u.test(letters);
}

/** Digits masked, so "Side 3" and "Side 4" count as the same running head. */
function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

function pageEdgeLines(lines: readonly CleanLine[], pages: NonNullable<RawText["pages"]>): Set<number> {
  const edge = new Set<number>();
  let li = 0;
  for (const page of pages) {
    const inPage: number[] = [];
    while (li < lines.length && lines[li]!.rawStart < page.start) li++;
    for (let k = li; k < lines.length && lines[k]!.rawStart < page.end; k++) {
      if (!isBlank(lines[k])) inPage.push(k);
    }
    for (const k of [...inPage.slice(0, 2), ...inPage.slice(-2)]) edge.add(k);
  }
  return edge;
}

/** Blank out page furniture in place. */
export function removeFurniture(lines: CleanLine[], pages: RawText["pages"]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.bullet !== null && /^[-–—\s]*$/.test(line.text)) {
      blank(line);
      continue;
    }
    if (line.text === "" || line.bullet !== null) continue;
    if (PAGE_MARK.test(line.text)) {
      blank(line);
      continue;
    }
    const prefix = PAGE_PREFIX.exec(line.text);
    if (prefix && /^S\.|^Side/i.test(line.text)) {
      line.text = line.text.slice(prefix[0].length);
      line.map = line.map.slice(prefix[0].length);
    }
    // A lone 1–3 digit number between blank lines is a page number.
    if (/^\d{1,3}$/.test(line.text) && isBlank(lines[i - 1]) && isBlank(lines[i + 1])) blank(line);
    // Lines of nothing but dashes: hyphens an extractor collected away from their words.
    else if (/^[-–—\s]+$/.test(line.text)) blank(line);
  }

  // Timeline years printed beside upper-case event captions: after a finished caption, or
  // standing alone right before one.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!/^(?:1[89]|20)\d\d$/.test(line.text)) continue;
    const prev = nonBlank(lines, i, -1);
    const next = nonBlank(lines, i, 1);
    const afterCaption =
      prev !== undefined && isCaps(prev.text) && /\.$/.test(prev.text) && isBlank(lines[i - 1]);
    const beforeCaption =
      next !== undefined && isCaps(next.text) && !isBlank(lines[i + 1]) && isBlank(lines[i - 1]);
    if (afterCaption || beforeCaption) blank(line);
  }

  const edges = pages && pages.length > 1 ? pageEdgeLines(lines, pages) : null;
  const counts = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (line.text.length === 0 || line.text.length > 100 || line.bullet !== null) return;
    // With pages known, page numbers inside a running head differ from page to page.
    const key = edges ? furnitureKey(line.text) : line.text.toLowerCase();
    const list = counts.get(key);
    if (list) list.push(i);
    else counts.set(key, [i]);
  });
  for (const [key, indices] of counts) {
    if (indices.length < 3 || /[.:;!?]$/.test(key) || /^[#\d\s.,%]*$/.test(key)) continue;
    const atEdges = edges ? indices.filter((i) => edges.has(i)).length : 0;
    // With pages known, a line at the page edges on most pages is a running head or footer;
    // without them, only the same short line with a number in it (a title with its period).
    const furniture = edges
      ? atEdges >= 3 && atEdges >= indices.length * 0.6
      : /\d/.test(key) &&
        key.split(" ").length <= 8 &&
        indices.every((i) => isBlank(lines[i - 1]) || isBlank(lines[i + 1]));
    if (!furniture) continue;
    for (const i of indices) if (!edges || edges.has(i)) blank(lines[i]!);
  }
}
