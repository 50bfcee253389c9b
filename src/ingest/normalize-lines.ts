// Line-level cleanup for the normalizer: every kept character remembers its raw offset, so the
// offset map stays exact however much markup, bullet glyphs and PDF debris are removed.

/** One raw line after cleanup. `map[i]` is the raw offset of `text[i]`. */
export interface CleanLine {
  text: string;
  map: number[];
  /** Raw span of the line, without its line break. */
  rawStart: number;
  rawEnd: number;
  /** The raw line ended in a space or tab: PDF extractors mark soft wraps between words that way. */
  trailingWs: boolean;
  /** The raw line began with whitespace: in PDF text this often marks the first line of a page. */
  leadingWs: boolean;
  /** A bullet glyph began the line; "strong" glyphs always start an item, "weak" ones (-, –, *) only after a sentence end. */
  bullet: "strong" | "weak" | null;
  /** Raw offset of the bullet glyph. */
  bulletAt: number;
  /** The glyph itself, to put back when a weak bullet turns out to be a dash inside a sentence. */
  bulletChar: string;
  /** The level of a Markdown heading ("### Title" → 3) written by a conversion; 0 for none. */
  mdHeading: number;
  /** Tab-separated cells of a real table row (tabs kept as cell separators). */
  table: boolean;
}

const STRONG_BULLETS = new Set(["•", "▪", "●", "◦", "‣", "∙", "·", "■", "□", "➢", "►", "—", "\uE000"]);
const WEAK_BULLETS = new Set(["-", "–", "*", "+"]);
const LIGATURES: Record<string, string> = { ﬁ: "fi", ﬂ: "fl", ﬀ: "ff", ﬃ: "ffi", ﬄ: "ffl" };
const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&nbsp;": " ",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};

interface Chars {
  c: string[];
  o: number[];
}

function dropAt(ch: Chars, indices: Set<number>): Chars {
  const c: string[] = [];
  const o: number[] = [];
  for (let i = 0; i < ch.c.length; i++) {
    if (indices.has(i)) continue;
    c.push(ch.c[i]!);
    o.push(ch.o[i]!);
  }
  return { c, o };
}

/** Character-level repairs: invisible characters go, odd spaces become spaces, ligatures open up. */
function normalizeChars(raw: string, start: number, end: number): Chars {
  const c: string[] = [];
  const o: number[] = [];
  for (let i = start; i < end; i++) {
    const ch = raw[i]!;
    const code = ch.charCodeAt(0);
    if (ch === "\u00ad" || ch === "\u200b" || ch === "\u200c" || ch === "\u200d" || ch === "\ufeff") continue;
    if (code >= 0xd800 && code <= 0xdfff) {
      // Astral characters (emoji, math letters) carry nothing the recognizers read.
      continue;
    }
    if (ch === "\r") continue;
    if (ch === "\t") {
      c.push("\t");
      o.push(i);
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      c.push(" ");
      o.push(i);
      continue;
    }
    if (ch === "\u00a0" || ch === "\u202f" || ch === "\u2009" || ch === "\u2002" || ch === "\u2003") {
      c.push(" ");
      o.push(i);
      continue;
    }
    // Symbol fonts (Wingdings bullets) land in the private use area.
    if (code >= 0xe000 && code <= 0xf8ff) {
      c.push("\uE000");
      o.push(i);
      continue;
    }
    const lig = LIGATURES[ch];
    if (lig) {
      for (const l of lig) {
        c.push(l);
        o.push(i);
      }
      continue;
    }
    c.push(ch);
    o.push(i);
  }
  return { c, o };
}

/** Markdown and HTML leftovers inside a line: emphasis markers, links, escapes, entities. */
function stripInlineMarkup(ch: Chars): Chars {
  const s = ch.c.join("");
  if (!/[*_[&\\]/.test(s)) return ch;
  const drop = new Set<number>();
  const replaceWith = new Map<number, string>();
  // Links: keep the link text, drop the brackets and the target.
  for (const m of s.matchAll(/\[([^\]\n]{1,300})\]\(([^)\s]{0,500})\)/g)) {
    const at = m.index;
    drop.add(at);
    const closeAt = at + 1 + m[1]!.length;
    for (let i = closeAt; i < at + m[0].length; i++) drop.add(i);
  }
  // Bold and underline markers.
  for (const m of s.matchAll(/\*\*|__/g)) {
    drop.add(m.index);
    drop.add(m.index + 1);
  }
  // Single-asterisk emphasis: only a balanced pair around text.
  for (const m of s.matchAll(/(^|[\s(”"'])\*(?!\s|\*)([^*\n]{1,300}?)(?<![\s*])\*(?=$|[\s.,;:!?)”"'])/g)) {
    const open = m.index + m[1]!.length;
    drop.add(open);
    drop.add(open + 1 + m[2]!.length);
  }
  // Backslash escapes from Markdown writers ("\-", "\*").
  for (const m of s.matchAll(/\\(?=[-*_#[\]().!+`>|])/g)) drop.add(m.index);
  for (const m of s.matchAll(/&(?:amp|nbsp|lt|gt|quot|apos|#39);/g)) {
    replaceWith.set(m.index, ENTITIES[m[0]] ?? " ");
    for (let i = m.index + 1; i < m.index + m[0].length; i++) drop.add(i);
  }
  if (drop.size === 0 && replaceWith.size === 0) return ch;
  const c = ch.c.slice();
  for (const [i, r] of replaceWith) c[i] = r;
  return dropAt({ c, o: ch.o }, drop);
}

function collapseSpaces(ch: Chars, keepTabs: boolean): Chars {
  const c: string[] = [];
  const o: number[] = [];
  for (let i = 0; i < ch.c.length; i++) {
    let x = ch.c[i]!;
    if (x === "\t" && !keepTabs) x = " ";
    if (x === " " || x === "\t") {
      const prev = c[c.length - 1];
      if (prev === undefined) continue;
      if (prev === " " || prev === "\t") {
        // A tab wins over spaces around it: it is the cell separator.
        if (x === "\t") c[c.length - 1] = "\t";
        continue;
      }
    }
    c.push(x);
    o.push(ch.o[i]!);
  }
  while (c.length > 0 && (c[c.length - 1] === " " || c[c.length - 1] === "\t")) {
    c.pop();
    o.pop();
  }
  return { c, o };
}

// Lines made only of ordinary characters need none of the repairs below (the common case).
const range = (from: number, to: number): string => `${String.fromCharCode(from)}-${String.fromCharCode(to)}`;
// Control characters, odd spaces, bullets, symbol-font glyphs, ligatures and markup are excluded.
const PLAIN = new RegExp(
  `^[^\\t${range(0, 0x1f)}${range(0x7f, 0xa0)}\\u00ad\\u2000-\\u200f\\u2022\\u2028-\\u202f\\ufeff\\ue000-\\uf8ff\\ud800-\\udfff\\ufb00-\\ufb06*_[&\\\\#>·▪●◦‣∙■□➢►—–+-]*$`,
);

function plainLine(raw: string, start: number, end: number): CleanLine | null {
  const text = raw.slice(start, end);
  if (text.includes("  ") || !PLAIN.test(text.replace(/(?<=\S)[-–—+]|[-–—+](?=\S)/g, "x"))) return null;
  const trimmed = text.trim();
  const lead = text.length - text.trimStart().length;
  const map = new Array<number>(trimmed.length);
  for (let i = 0; i < trimmed.length; i++) map[i] = start + lead + i;
  return {
    text: trimmed,
    map,
    rawStart: start,
    rawEnd: end,
    trailingWs: text.length > 0 && text.endsWith(" "),
    leadingWs: lead > 0,
    bullet: null,
    bulletAt: -1,
    bulletChar: "",
    mdHeading: 0,
    table: false,
  };
}

/** Clean one raw line (`raw.slice(start, end)`). */
export function cleanLine(raw: string, start: number, end: number, tabsAreCells = false): CleanLine {
  const plain = plainLine(raw, start, end);
  if (plain) return plain;
  let ch = normalizeChars(raw, start, end);
  const trailingWs = ch.c.length > 0 && /[ \t]/.test(ch.c[ch.c.length - 1]!);
  const leadingWs = ch.c.length > 0 && /[ \t]/.test(ch.c[0]!);
  // Leading and trailing whitespace.
  let a = 0;
  while (a < ch.c.length && /[ \t]/.test(ch.c[a]!)) a++;
  let b = ch.c.length;
  while (b > a && /[ \t]/.test(ch.c[b - 1]!)) b--;
  ch = { c: ch.c.slice(a, b), o: ch.o.slice(a, b) };

  let mdHeading = 0;
  let text = ch.c.join("");
  const hashes = /^(#{1,6})[ \t]+/.exec(text);
  if (hashes) {
    mdHeading = hashes[1]!.length;
    ch = { c: ch.c.slice(hashes[0].length), o: ch.o.slice(hashes[0].length) };
  } else {
    const quote = /^>[ \t]?/.exec(text);
    if (quote) ch = { c: ch.c.slice(quote[0].length), o: ch.o.slice(quote[0].length) };
  }

  ch = stripInlineMarkup(ch);

  // Bullet glyph at the start.
  let bullet: CleanLine["bullet"] = null;
  let bulletAt = -1;
  let bulletChar = "";
  const first = ch.c[0];
  if (first !== undefined) {
    const next = ch.c[1];
    const strong = STRONG_BULLETS.has(first) && (first !== "·" || next === " " || next === "\t");
    const weak = WEAK_BULLETS.has(first) && (next === " " || next === "\t");
    if (strong || weak) {
      bullet = strong ? "strong" : "weak";
      bulletAt = ch.o[0]!;
      bulletChar = first === "\uE000" ? "•" : first;
      let k = 1;
      while (k < ch.c.length && /[ \t]/.test(ch.c[k]!)) k++;
      ch = { c: ch.c.slice(k), o: ch.o.slice(k) };
    }
  }
  // Stray symbol-font glyphs elsewhere carry nothing.
  if (ch.c.includes("\uE000")) {
    const drop = new Set<number>();
    ch.c.forEach((x, i) => {
      if (x === "\uE000") drop.add(i);
    });
    ch = dropAt(ch, drop);
  }

  // Tabs: some extractors put a tab between every word (then they are spaces), others between
  // table cells (then they are kept as the cell separator).
  text = ch.c.join("");
  const tabs = (text.match(/\t/g) ?? []).length;
  const spaces = (text.match(/ /g) ?? []).length;
  const table = tabs > 0 && (tabsAreCells || spaces >= tabs) && !/^\t|\t$/.test(text);
  ch = collapseSpaces(ch, table);
  return {
    text: ch.c.join(""),
    map: ch.o,
    rawStart: start,
    rawEnd: end,
    trailingWs,
    leadingWs,
    bullet,
    bulletAt,
    bulletChar,
    mdHeading,
    table: table && ch.c.includes("\t"),
  };
}

/**
 * Lines of plain text that are rows of one table typed with tabs: a run of two or more adjacent
 * lines with the same number of tab-separated cells, where some cell holds words with spaces or
 * most rows end in a number. Extractors that put a tab between every word of prose give cells
 * without spaces and lines of varying length, so their lines stay prose.
 */
function tabTableLines(raw: string, spans: readonly [number, number][]): Set<number> {
  const rows = spans.map(([s, e]) => {
    const text = raw.slice(s, e).replace(/^ +| +$/g, "");
    // A bulleted line is a list item, however its words are spaced.
    if (!text.includes("\t") || /^\t|\t$/.test(text) || /^[•\-–*▪●◦]\s/.test(text)) return null;
    return text.split("\t").map((c) => c.trim());
  });
  const out = new Set<number>();
  const numeric = /^[-–]?\d[\d.,]*$|^[-–]$/;
  for (let i = 0; i < rows.length; ) {
    const n = rows[i]?.length;
    let j = i + 1;
    while (n !== undefined && j < rows.length && rows[j]?.length === n) j++;
    const run = rows.slice(i, j) as string[][];
    if (run.length >= 2) {
      const wordy = run.some((r) => r.some((c) => /\S \S/.test(c)));
      const endsInNumbers = run.filter((r) => numeric.test(r[r.length - 1]!)).length * 2 >= run.length;
      if (wordy || endsInNumbers) for (let k = i; k < j; k++) out.add(k);
    }
    i = j;
  }
  return out;
}

/** Split raw text into cleaned lines. A form feed counts as a line break. */
export function cleanLines(raw: string, tabsAreCells = false): CleanLine[] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    const ch = raw[i];
    if (i === raw.length || ch === "\n" || ch === "\f" || ch === "\u2028" || ch === "\u2029") {
      spans.push([start, i]);
      start = i + 1;
    }
  }
  const tableRows = tabsAreCells ? null : tabTableLines(raw, spans);
  return spans.map(([s, e], k) => cleanLine(raw, s, e, tabsAreCells || !!tableRows?.has(k)));
}
