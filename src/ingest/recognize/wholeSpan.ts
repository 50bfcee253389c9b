// A quote shown as a value's source must never stop inside a word or a number:
// "afsat 2" of "afsat 2,4 mio. kr." reads as a different amount. A span is widened to
// the whole words and numbers it touches.

const WORD = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && DIGIT.test(ch);
}

/** A separator inside a number ("2,4", "1.000", "2019-2022" stays two numbers). */
function inNumber(text: string, i: number): boolean {
  const ch = text[i];
  return (ch === "," || ch === ".") && isDigit(text[i - 1]) && isDigit(text[i + 1]);
}

/** The span [start, end) widened so it begins and ends at word or number boundaries. */
export function wholeSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  if (e === s) return { start: s, end: e };
  for (;;) {
    if (isWord(text[s]) && isWord(text[s - 1])) s--;
    else if (isWord(text[s]) && inNumber(text, s - 1)) s--;
    else if (inNumber(text, s)) s--;
    else break;
  }
  for (;;) {
    if (isWord(text[e - 1]) && isWord(text[e])) e++;
    else if (isDigit(text[e - 1]) && inNumber(text, e)) e++;
    else if (inNumber(text, e - 1)) e++;
    else break;
  }
  return { start: s, end: e };
}
