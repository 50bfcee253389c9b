// Deciding how two consecutive lines of extracted text belong together: one word cut by a
// hyphen, one word whose hyphen the extractor lost, one paragraph wrapped, or two blocks.
import type { CleanLine } from "./normalize-lines.ts";

export type Join = "break" | "space" | "glue" | "dehyphen";

const WORD = /[a-zà-öø-ÿ]+/g;

/** Words seen inside lines (never first or last on a line, where fragments of cut words sit). */
export class Vocabulary {
  private readonly counts = new Map<string, number>();

  constructor(lines: readonly Pick<CleanLine, "text">[]) {
    for (const line of lines) {
      const words = line.text.toLowerCase().match(WORD);
      if (!words || words.length < 3) continue;
      for (let i = 1; i < words.length - 1; i++) {
        const w = words[i]!;
        this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
      }
    }
  }

  count(word: string): number {
    return this.counts.get(word.toLowerCase()) ?? 0;
  }
}

// Words a wrapped line may end with and still continue into a capitalized next line.
export const CONTINUATION_WORDS = new Set(
  (
    "og eller samt men som at af i på til for fra med om over under ved hos mod efter uden mellem end " +
    "den det de en et der hvor hvis når så både enten hhv herunder bl.a. fx f.eks. blandt jf mv " +
    "vores vor jeres deres sin sit sine hans hendes dens dets er var har have blev bliver kan skal vil " +
    "ikke også kun især særligt fra"
  ).split(" "),
);
// A hyphen before these words is a real hyphen ("Beskæftigelses- og Integrationsforvaltningen").
const AFTER_SUSPENDED_HYPHEN = /^(?:og|eller|samt|el\.|&|,)(?![\p{L}])/u;
// Prefixes that keep their hyphen when a compound is cut after them.
const KEEP_HYPHEN_PREFIXES = new Set(["ikke", "non", "ex", "vice", "semi"]);

const LETTER = /\p{L}/u;
const LOWER = /^\p{Ll}/u;
const UPPER_START = /^[\p{Lu}\d"”“'(§]/u;

export function isCapsLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length < 2) return false;
  const lower = letters.replace(/[^\p{Ll}]/gu, "").length;
  // Small-caps fonts come out as "iNTEGRATiONSPOLiTiKKEN": a few lowercase letters are allowed.
  return lower === 0 || (letters.length >= 8 && lower * 4 <= letters.length);
}

function isWordChar(c: number): boolean {
  // Letters (Latin and beyond), digits and "+" (LGBTI+).
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 43 ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)
  );
}

function lastWord(text: string): string {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 45) end--;
  let start = end;
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

function firstWord(text: string): string {
  const m = /^[\p{L}\d+]+/u.exec(text);
  return m?.[0] ?? "";
}

/** "1." alone on a line: the item text follows on the next line. */
export function isBareNumber(text: string): boolean {
  return /^\d{1,2}[.)]$/.test(text);
}

/** A numbered item: "1. Flere københavnere …", "a) Virksomheder …", "A) Strategiske …". */
export function isNumberedStart(text: string): boolean {
  return /^(?:\d{1,2}[.)]|[a-hA-H][.)])\s+[\p{Lu}"”“'(]/u.test(text) || isBareNumber(text);
}

export function endsSentence(text: string): boolean {
  return /[.!?][”"')\]]?(?:\d{1,2})?$/.test(text);
}

/** A table row's end: two or more amounts (a dash counts as an empty cell when numbers precede it). */
function endsWithNumbers(text: string): boolean {
  const tokens = text.split(/\s+/);
  let values = 0;
  let numeric = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (/^-?\d[\d.,]*%?$/.test(t)) numeric++;
    else if (!/^[-–]$/.test(t)) break;
    values++;
  }
  const lastIsDash = /[-–]$/.test(tokens[tokens.length - 1] ?? "");
  return values >= 2 && numeric >= 1 && (!lastIsDash || values >= 3);
}

function isDigitsOnly(text: string): boolean {
  return /^[\d.,\s%–-]+$/.test(text) && /\d/.test(text);
}

export interface RunContext {
  /** Typical line width in the run (80th percentile). */
  width: number;
  /** Share of lines in the run that end in whitespace in the raw text. */
  trailingRatio: number;
  vocab: Vocabulary;
}

/** The 80th percentile of line lengths: the text width, robust to short last lines and long table rows. */
export function typicalWidth(lines: readonly CleanLine[]): number {
  const lengths = lines
    .filter((l) => l.text.length > 0)
    .map((l) => l.text.length)
    .sort((a, b) => a - b);
  return lengths.length === 0 ? 0 : lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.8))]!;
}

export function runContext(lines: readonly CleanLine[], vocab: Vocabulary, docWidth: number): RunContext {
  // Short runs (a heading over one line) say little about the width; the document's width helps.
  const width = Math.max(typicalWidth(lines), 0.75 * docWidth);
  const inner = lines.slice(0, -1);
  const trailing = inner.filter((l) => l.trailingWs).length;
  return { width, trailingRatio: inner.length === 0 ? 0 : trailing / inner.length, vocab };
}

/** How a line ending in a hyphen joins the next ("For-" + "valtning"); null when `a` has none. */
export function hyphenJoin(a: string, b: string): Join | null {
  if (!/[\p{L}\d]-$/u.test(a)) return null;
  if (AFTER_SUSPENDED_HYPHEN.test(b)) return "space";
  const frag = lastWord(a);
  const next = firstWord(b);
  if (!next) return null;
  if (/^\d+$/.test(frag) && /^\d/.test(next)) return "glue";
  const fragCaps = !/\p{Ll}/u.test(frag) && LETTER.test(frag);
  const nextCaps = !/\p{Ll}/u.test(next) && LETTER.test(next);
  if (fragCaps) return nextCaps ? "dehyphen" : "glue";
  // "FerieCamp-områder": a name with inner capitals keeps its hyphen.
  if (/\p{Ll}\p{Lu}/u.test(frag)) return "glue";
  if (LOWER.test(next)) return KEEP_HYPHEN_PREFIXES.has(frag.toLowerCase()) ? "glue" : "dehyphen";
  return "glue";
}

/** The last word of `a` and the first of `b` (lower case), when both are letters only and `b`'s is lower case. */
function cutHalves(a: string, b: string): [string, string] | undefined {
  if (!/\p{Ll}$/u.test(a) || !LOWER.test(b)) return undefined;
  const fa = lastWord(a).toLowerCase();
  const fb = firstWord(b).toLowerCase();
  return fa && fb && /^\p{L}+$/u.test(fa) && /^\p{L}+$/u.test(fb) ? [fa, fb] : undefined;
}

/**
 * Whether `a` ends and `b` starts with the halves of one word cut without a hyphen: the joined
 * word is used elsewhere in the document and one half is no word of its own.
 */
export function cutWithoutHyphen(a: string, b: string, vocab: Vocabulary): boolean {
  const halves = cutHalves(a, b);
  if (!halves) return false;
  const [fa, fb] = halves;
  return (
    vocab.count(fa + fb) > 0 && (vocab.count(fa) === 0 || vocab.count(fb) === 0) && fa.length + fb.length >= 6
  );
}

/** Whether the extractor dropped a hyphen between these lines ("ud" + "fordringer"). */
function lostHyphen(a: CleanLine, b: CleanLine, ctx: RunContext): boolean {
  if (a.trailingWs) return false;
  const halves = cutHalves(a.text, b.text);
  if (!halves) return false;
  if (cutWithoutHyphen(a.text, b.text, ctx.vocab)) return true;
  // Soft wraps carry a trailing space in this text; a line without one ends inside a word.
  const [fa, fb] = halves;
  const known = ctx.vocab.count(fa) > 0 && ctx.vocab.count(fb) > 0;
  if (ctx.trailingRatio >= 0.5) return !(known && ctx.vocab.count(fa + fb) === 0);
  return false;
}

/** How line `b` continues line `a` when no blank line separates them. */
// Words that start a sentence when capitalised at the start of a line ("… beboersammensætning |
// I betragtning af …"); mid-sentence they are written in lower case.
const SENTENCE_STARTERS = new Set(
  "I Det Der Den De Vi Dette Disse Derfor Desuden Herudover Samtidig Endvidere Derudover Hertil Således".split(
    " ",
  ),
);

export function joinWithin(a: CleanLine, b: CleanLine, ctx: RunContext, bEndsRun = false): Join {
  if (a.table || b.table) return "break";
  if (b.bullet === "strong") return "break";
  if (b.bullet === "weak" && (/[.:;!?)]$/.test(a.text) || a.mdHeading > 0 || a.bullet !== null))
    return "break";
  if (a.mdHeading > 0 || b.mdHeading > 0) return "break";
  if (isBareNumber(a.text)) return "space";
  const bText = b.bullet === "weak" ? `${b.bulletChar} ${b.text}` : b.text;
  if (b.bullet === null && isNumberedStart(b.text)) return "break";

  const hyphen = hyphenJoin(a.text, bText);
  if (hyphen) return hyphen;
  if (/^-\p{Ll}/u.test(bText)) return "glue";
  if (lostHyphen(a, b, ctx)) return "glue";

  // A short line standing alone before a blank line, after a finished sentence: a heading.
  if (
    bEndsRun &&
    endsSentence(a.text) &&
    /^\p{Lu}/u.test(bText) &&
    !/[.,;:!?]$/.test(bText) &&
    bText.length < 0.6 * ctx.width
  ) {
    return "break";
  }
  // A footnote ("8 Selvrapporterede årsager …, 2016") is its own block.
  if (
    /^\d{1,2}\s+\p{Lu}/u.test(a.text) &&
    /^\p{Lu}/u.test(bText) &&
    !/,$/.test(a.text) &&
    !CONTINUATION_WORDS.has(lastWord(a.text))
  ) {
    return "break";
  }
  // A new page (its first line indented by the extractor) after a finished sentence.
  if (b.leadingWs && !a.leadingWs && endsSentence(a.text) && UPPER_START.test(bText)) return "break";
  if (LOWER.test(bText)) return "space";

  // A range cut after its dash: "2011 -" | "2014".
  if (/\s[-–]$/.test(a.text) && /^\d/.test(bText)) return "space";
  const capsA = isCapsLine(a.text);
  const capsB = isCapsLine(bText);
  if (capsA && capsB) return endsSentence(a.text) ? "break" : "space";
  if (capsA !== capsB && (capsA || endsSentence(a.text) || isDigitsOnly(bText))) return "break";
  if (isDigitsOnly(a.text) && !isDigitsOnly(bText)) return "break";
  if (endsWithNumbers(a.text)) return "break";
  if (/[,;]$/.test(a.text)) return "space";
  const last = lastWord(a.text).toLowerCase();
  if (/\p{Ll}$/u.test(a.text) && CONTINUATION_WORDS.has(last)) return "space";

  // Soft wraps carry a trailing space in this text; a line without one ends a heading or paragraph.
  if (ctx.trailingRatio >= 0.5 && !a.trailingWs && UPPER_START.test(bText)) return "break";
  const len = a.text.length;
  const startsSentence = SENTENCE_STARTERS.has(firstWord(bText)) && /\p{Ll}$/u.test(a.text);
  if (startsSentence && !endsSentence(a.text) && /^\p{Lu}/u.test(bText)) return "break";
  if (endsSentence(a.text)) return len < 0.85 * ctx.width ? "break" : "space";
  // "(1 mio. kr.)" under a list item continues it.
  if (/^\(/.test(bText)) return "space";
  if (/:$/.test(a.text)) return "space";
  if (!UPPER_START.test(bText)) return "space";
  return len < 0.7 * ctx.width ? "break" : "space";
}

/** How line `b` continues line `a` across one or more blank lines (page breaks, columns). */
export function joinAcrossBlank(a: CleanLine, b: CleanLine, blockLength = a.text.length): Join {
  if (a.table || b.table || b.bullet === "strong" || a.mdHeading > 0 || b.mdHeading > 0) return "break";
  // "… for iværksættere | - herunder kvinder - og …": a dash inside a sentence, not a list item.
  // (The closing dash tells it from a list item in lower case, "- at …".)
  if (b.bullet === "weak") {
    const aside =
      LOWER.test(b.text) && /\s[-–]\s/.test(b.text) && !/[.:;!?]$/.test(a.text) && blockLength >= 25;
    return aside ? "space" : "break";
  }
  const hyphen = hyphenJoin(a.text, b.text);
  if (hyphen && LOWER.test(b.text)) return hyphen;
  // "Beskæftigelses- og" | "Integrationsforvaltningen": a coordinated compound goes on; so does
  // a sentence cut after a dash ("EuroGames 2021 –" | "Sund megaevent …").
  if (/\p{L}-\s+(?:og|eller)$/u.test(a.text) || (/\s[–—-]$/.test(a.text) && blockLength >= 25))
    return "space";
  // A total row is its own row, even under a cell that ends mid-sentence.
  if (/^(?:i alt|total)\b/i.test(b.text)) return "break";
  // A sentence cut after a preposition or conjunction continues: "… Kommune med | 6.812.020 kr. …".
  if (blockLength >= 25 && CONTINUATION_WORDS.has(lastWord(a.text)) && /^[\p{Ll}\d]/u.test(b.text))
    return "space";
  // A list in running text that continues after a page break: "… 32.172.000 kr., | Københavns Kommune …".
  if (/,$/.test(a.text) && blockLength >= 25 && /^\p{Lu}\p{Ll}/u.test(b.text) && !isCapsLine(a.text))
    return "space";
  if (!LOWER.test(b.text) || isCapsLine(a.text)) return "break";
  if (/[.!?:]$/.test(a.text) || endsWithNumbers(a.text)) return "break";
  if (/[,;]$/.test(a.text)) return "space";
  if (blockLength >= 25) return "space";
  return "break";
}
