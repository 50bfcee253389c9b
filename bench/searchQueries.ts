// Search queries as visitors type them, made from the registry's own titles:
// whole words, their first letters (a visitor stops typing, or types the first
// part of a compound), two neighbouring words, and misspelt words that find
// nothing (one letter swapped), which sends the search page looking for a
// spelling suggestion. Each query occurs once, so none is answered by the render cache.

const WORD = /[\p{L}]{4,}/gu;

/** A word with two neighbouring letters swapped in the middle: a typing slip. */
function misspelt(word: string): string {
  const i = Math.floor(word.length / 2);
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
}

/** Up to `max` distinct queries, the four kinds interleaved so any prefix of the list has each. */
export function searchQueries(titles: readonly string[], max = 1500): string[] {
  const words = new Set<string>();
  const pairs = new Set<string>();
  for (const title of titles) {
    const found = [...title.toLowerCase().matchAll(WORD)].map((m) => m[0]);
    for (const w of found) words.add(w);
    for (let i = 1; i < found.length; i++) pairs.add(`${found[i - 1]} ${found[i]}`);
  }
  const single = [...words];
  const prefixes = [...new Set(single.filter((w) => w.length >= 7).map((w) => w.slice(0, 5)))];
  const typos = single.filter((w) => w.length >= 6).map(misspelt);
  const kinds = [single, prefixes, [...pairs], typos];
  const out = new Set<string>();
  for (let i = 0; out.size < max && kinds.some((k) => i < k.length); i++) {
    for (const kind of kinds) if (i < kind.length && out.size < max) out.add(kind[i]!);
  }
  return [...out];
}
