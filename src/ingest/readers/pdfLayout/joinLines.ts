// The printed lines of one paragraph or table cell → its text. A word cut by a hyphen at a line
// end is joined by the normalizer's own rule ("For-" + "valtning", but "Sundheds- og" keeps its
// hyphen), so every reader joins hyphenated lines the same way.
import { CONTINUATION_WORDS, cutWithoutHyphen, hyphenJoin, type Vocabulary } from "../../normalize-join.ts";

/**
 * Lines of one block, top to bottom, as one string. With the document's `vocab`, a word a narrow
 * table cell broke without a hyphen ("Beskæftigelsesforvalt" + "ningen") is joined when the whole
 * word is used elsewhere in the document.
 */
export function joinLines(lines: readonly string[], vocab?: Vocabulary): string {
  let out = "";
  let previous = "";
  for (const raw of lines) {
    // A soft hyphen the office suite printed at the line end is a hyphen for joining.
    const line = raw
      .replace(/\u00ad$/, "-")
      .replaceAll("\u00ad", "")
      .trim();
    if (!line) continue;
    const before = previous;
    previous = line;
    if (!out) {
      out = line;
      continue;
    }
    const join = hyphenJoin(out, line);
    if (join === "dehyphen") out = out.slice(0, -1) + line;
    else if (
      join === "glue" ||
      (vocab && (cutWithoutHyphen(out, line, vocab) || overlongCut(before, line, vocab)))
    )
      out += line;
    else out += ` ${line}`;
  }
  return out;
}

/**
 * A word longer than its cell is broken where the cell ends, without a hyphen: the line before
 * is that one long word alone, and the line goes on with a lower-case piece that is no word the
 * document uses ("Arbejdsmarkedsforvaltnin" | "gen").
 */
const ENDINGS = new Set(["en", "et", "er", "ne", "ens", "ets", "erne", "ernes"]);

function overlongCut(previousLine: string, line: string, vocab: Vocabulary): boolean {
  const piece = /^(\p{Ll}+)(?=$|[\s.,;:)])/u.exec(line)?.[1];
  if (piece === undefined || !/^\p{L}{12,}$/u.test(previousLine)) return false;
  // An inflection ending alone on its line ("…forvaltning" | "en") is the word's end, not an article.
  if (ENDINGS.has(piece) && /^\p{Ll}+[.,;:)]?$/u.test(line)) return true;
  return !CONTINUATION_WORDS.has(piece) && vocab.count(piece) === 0;
}

/** The text goes on in the next line: a cut word, a list in progress, a dangling "og". */
export function endsOpen(text: string): boolean {
  if (/[-,–]$/.test(text)) return true;
  const last = /(\p{L}+)$/u.exec(text)?.[1];
  return last !== undefined && /^\p{Ll}/u.test(last) && CONTINUATION_WORDS.has(last);
}

export function startsLower(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/** An amount or a figure cell: "1.250", "-3,5", "12 %", "–". Years count as labels. */
export function isAmount(text: string): boolean {
  const t = text.trim();
  if (/^(?:19|20)\d\d$/.test(t)) return false;
  return /^[-–−]?\s?\d[\d.,  ]*\s?%?$/.test(t) || /^[-–]$/.test(t);
}
