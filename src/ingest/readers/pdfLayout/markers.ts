// List markers at the start of a line: bullet glyphs and item numbers ("3.", "a)", "iv.").

export interface Marker {
  text: string;
  ordered: boolean;
  /** Bullet glyphs that are never text; dashes, "o" and item numbers can also be words. */
  strong: boolean;
}

const BULLETS = new Set([..."•▪●◦‣∙·■□➢►❖✓✔➤○◆◇▶◾◽⁃"]);
// Dashes, asterisks and Word's Courier "o" start list items, but also occur as words.
const WEAK_BULLETS = new Set(["-", "–", "—", "*", "o", "+"]);
const ORDERED = /^(?:\d{1,2}|[a-zA-Z]|(?:i{1,3}|iv|v|vi{1,3}|ix|x))[.)]$|^\((?:\d{1,2}|[a-z])\)$/;

/** The marker `word` would be as the first word of a line, if it is one. */
export function markerOf(word: string): Marker | undefined {
  if (BULLETS.has(word)) return { text: word, ordered: false, strong: true };
  // Symbol fonts (Wingdings, Symbol) put their bullets in the private use area.
  if (/^[\ue000-\uf8ff]$/.test(word)) return { text: "•", ordered: false, strong: true };
  if (WEAK_BULLETS.has(word)) return { text: word, ordered: false, strong: false };
  if (ORDERED.test(word)) return { text: word, ordered: true, strong: false };
  return undefined;
}

/** "3." and "3)" are written "3. " in the text; "a)" and "iv." as they are. */
export function markerLabel(marker: Marker): string {
  const number = /^(\d+)[.)]$/.exec(marker.text);
  return number ? `${number[1]}.` : marker.text;
}
