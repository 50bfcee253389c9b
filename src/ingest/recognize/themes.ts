// Themes (temaer) and beacons (pejlemærker) of a policy: announced in a sentence ("fokus på fire
// temaer …: A, B, C samt D", "fem pejlemærker …: 1. … 5. …") or as headings ("Tema 2: …").
import { type Block, cleanTitle, countWord, type Doc, isHeadingLike, overlap, stems } from "./doc.ts";
import type { Segment } from "./segments.ts";

export interface Theme {
  number: number | null;
  title: string;
  /** Where the title was read. */
  start: number;
  end: number;
  /** Blocks of the theme's own section, when the document has one: [startBlock, endBlock). */
  startBlock: number | null;
  endBlock: number | null;
  /** Numbered section heads of this theme ("2. Flere københavnere …") after the announcement. */
  sectionBlocks: number[];
}

const THEME_WORDS = "temaer|pejlemærker|indsatsområder|fokusområder|spor";
const THEME_TEST = new RegExp(THEME_WORDS, "i");

function segmentBlocks(doc: Doc, seg: Segment): Block[] {
  return doc.blocks.slice(seg.startBlock, seg.endBlock);
}

/** "Det gode liv, Deltagelse, Skole, uddannelse og beskæftigelse samt Netværk" → four names. */
function splitNames(list: string, expected: number | null): string[] {
  const parts = list
    .replace(/[:.]\s*$/, "")
    .split(/\s*,\s*|\s+samt\s+|\s+og\s+(?=\p{Lu})/u)
    .map((p) => p.trim())
    .filter(Boolean);
  // A part that starts in lower case continues the previous name ("Skole, uddannelse og …").
  const names: string[] = [];
  for (const p of parts) {
    if (/^\p{Ll}/u.test(p) && names.length > 0) names[names.length - 1] += `, ${p}`;
    else names.push(p);
  }
  if (expected !== null && names.length !== expected) return [];
  return names;
}

function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[–—-]/g, " ").replace(/\s+/g, " ").trim();
}

/** Themes announced inline and found again as section headings. */
function inlineThemes(doc: Doc, seg: Segment): Theme[] {
  const re = new RegExp(
    `(\\p{L}+|\\d+)\\s+(?:${THEME_WORDS})\\b[^:]{0,200}:\\s*([^:]{5,300}?)\\s*:?\\s*$`,
    "iu",
  );
  for (const b of segmentBlocks(doc, seg)) {
    if (!THEME_TEST.test(b.text)) continue;
    const m = re.exec(b.text);
    if (!m) continue;
    const expected = countWord(m[1]!);
    if (expected === null || expected < 2 || expected > 12) continue;
    const names = splitNames(m[2]!, expected);
    if (names.length === 0) continue;
    const themes: Theme[] = [];
    let from = b.index + 1;
    for (const name of names) {
      const target = normalizeName(name);
      let found: Block | undefined;
      for (let k = from; k < seg.endBlock; k++) {
        const h = doc.blocks[k]!;
        if (!isHeadingLike(h, 80)) continue;
        const t = normalizeName(h.text);
        if (t === target || t.startsWith(`${target} `) || (target.length >= 12 && t.endsWith(target))) {
          found = h;
          break;
        }
      }
      if (!found) return [];
      themes.push({
        number: themes.length + 1,
        title: cleanTitle(found.text.replace(/\s*[–—]\s*/g, " – ")),
        start: found.textStart,
        end: found.end,
        startBlock: found.index,
        endBlock: null,
        sectionBlocks: [],
      });
      from = found.index + 1;
    }
    themes.forEach((t, i) => {
      t.endBlock = themes[i + 1]?.startBlock ?? seg.endBlock;
    });
    return themes;
  }
  return [];
}

/** "… fem pejlemærker …:" followed by the numbered list of their titles. */
function numberedAnnouncement(doc: Doc, seg: Segment): Theme[] {
  const re = new RegExp(`(\\p{L}+|\\d+)\\s+(?:${THEME_WORDS})\\b.*:\\s*$`, "iu");
  for (const b of segmentBlocks(doc, seg)) {
    if (!THEME_TEST.test(b.text)) continue;
    const m = re.exec(b.text);
    if (!m) continue;
    const expected = countWord(m[1]!);
    if (expected === null || expected < 2 || expected > 12) continue;
    const themes: Theme[] = [];
    for (let k = b.index + 1; k < Math.min(seg.endBlock, b.index + 1 + expected); k++) {
      const item = doc.blocks[k]!;
      const n = /^(\d{1,2})[.)]\s+(.+)$/.exec(item.text);
      if (!n || Number(n[1]) !== themes.length + 1) break;
      const title = cleanTitle(n[2]!).replace(/\.$/, "");
      const start = item.textStart + item.text.indexOf(n[2]!);
      themes.push({
        number: Number(n[1]),
        title,
        start,
        end: start + title.length,
        startBlock: null,
        endBlock: null,
        sectionBlocks: [],
      });
    }
    if (themes.length !== expected) continue;
    // Each theme's own section starts with its number and title again ("2. Flere københavnere …").
    for (const t of themes) {
      const st = stems(t.title);
      for (let k = b.index + expected + 1; k < seg.endBlock; k++) {
        const h = doc.blocks[k]!;
        const n = /^(\d{1,2})[.)]\s+(.+)$/.exec(h.text);
        if (n && Number(n[1]) === t.number && overlap(st, stems(n[2]!)) >= 0.7) t.sectionBlocks.push(k);
      }
    }
    return themes;
  }
  return [];
}

/** Headings such as "Tema 2: Deltagelse" or "Pejlemærke 3 – Sundhed". */
function explicitHeadings(doc: Doc, seg: Segment): Theme[] {
  const themes: Theme[] = [];
  for (const b of segmentBlocks(doc, seg)) {
    const m = /^(?:tema|pejlemærke|indsatsområde|fokusområde)\s+(\d{1,2})\s*[:.–—-]\s*(.{3,120})$/iu.exec(
      b.text,
    );
    if (!m || b.bullet) continue;
    const number = Number(m[1]);
    if (themes.some((t) => t.number === number)) continue;
    const title = cleanTitle(m[2]!);
    const start = b.textStart + b.text.indexOf(m[2]!);
    themes.push({
      number,
      title,
      start,
      end: start + title.length,
      startBlock: b.index,
      endBlock: null,
      sectionBlocks: [],
    });
  }
  themes.forEach((t, i) => {
    t.endBlock = themes[i + 1]?.startBlock ?? seg.endBlock;
  });
  return themes;
}

export function findThemes(doc: Doc, seg: Segment): Theme[] {
  const explicit = explicitHeadings(doc, seg);
  if (explicit.length >= 2) return explicit;
  const inline = inlineThemes(doc, seg);
  if (inline.length >= 2) return inline;
  const numbered = numberedAnnouncement(doc, seg);
  if (numbered.length >= 2) return numbered;
  return [];
}

/** The theme whose section holds block `i`, if themes have sections. */
export function themeOfBlock(themes: readonly Theme[], i: number): Theme | undefined {
  return themes.find(
    (t) => t.startBlock !== null && t.endBlock !== null && i >= t.startBlock && i < t.endBlock,
  );
}
