// Which way an indicator should move, read from the words of the indicator, of the text around
// it in its policy, and of its goal: "færre", "reducere", "mindske", "nedbringe", "bekæmpe",
// "ingen … oplever" ask for less; "flere", "øge", "stige" for more.

export type Direction = "increase" | "decrease";

const DECREASE =
  /\b(?:færre|fald(?:e|et|er)?|mindre|reduc\p{L}*|nedbring\p{L}*|lavere|mindsk\p{L}*|halver\p{L}*)\b/u;
/** Verbs against a thing ("bekæmpe diskrimination"), read only right before the thing itself. */
const AGAINST = /\b(?:bekæmp(?:e|es|er|else)|modvirk(?:e|es|er)|forebygg(?:e|es|er)|begræns(?:e|es|er))\b/u;
const INCREASE =
  /\b(?:flere|stige?r?|steget|øge\p{L}*|højere|mere|forbedre\p{L}*|vokse\p{L}*|fordobl\p{L}*)\b/u;

/** Words that compare with a number ("i mere end 120 dage") say nothing about the direction. */
const COMPARISON = /\b(?:mere|mindre|flere|færre|højere|lavere|over|under)\s+end\s+(?=\d)/gu;
/** "skal ikke være højere end …": at most a level, so lower is better. */
const NOT_ABOVE = /\bikke\s+(?:\p{L}+\s+){0,2}(?:højere|større|flere|mere|stige\p{L}*|øge\p{L}*)\b/u;
/** "Ingen københavnere skal opleve diskrimination": what is measured should go away. */
const NONE_EXPERIENCE = /\bingen\b[^.;]{0,80}?\b(?:oplev\p{L}*|udsæt\p{L}*|udsat\p{L}*|føl\p{L}*)/u;

export function directionOf(text: string): Direction | null {
  const t = text.toLowerCase().replace(COMPARISON, " ");
  if (NOT_ABOVE.test(t) || NONE_EXPERIENCE.test(t)) return "decrease";
  const dec = DECREASE.exec(t);
  const inc = INCREASE.exec(t);
  if (dec && inc) return dec.index <= inc.index ? "decrease" : "increase";
  if (dec) return "decrease";
  if (inc) return "increase";
  return null;
}

/**
 * The thing an indicator counts: the last word of its relative clause ("… der oplever
 * diskrimination" → "diskrimination", "… der er overvægtige" → "overvægtige"), cut to a stem
 * that covers its inflections; null when that word is a unit or too short to say much.
 */
export function measuredStem(indicator: string): string | null {
  const clause = /\b(?:der|som)\s+([^,.;]+?)\s*[.;]?\s*$/u.exec(indicator.trim());
  if (!clause) return null;
  const words = clause[1]!.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length > 6) return null;
  const last = words[words.length - 1];
  if (!last || last.length < 6) return null;
  if (/^(?:dage|døgn|timer|uger|måneder|procent|andelen|antallet)$/.test(last)) return null;
  return last.slice(0, 7);
}

/** A sentence that says what the policy wants ("Vi vil …", "… skal …"), not how things are. */
const INTENT = /\b(?:vil|skal|ønsker|arbejde for|målet)\b/u;

/**
 * The direction the policy's own text gives the thing an indicator counts: a direction word at
 * most three words before it in a sentence of intent ("Vi vil arbejde for, at færre børn er
 * overvægtige", "Vi vil … bekæmpe diskrimination"). Only when every such phrase agrees.
 */
export function directionInText(indicator: string, context: string): Direction | null {
  const stem = measuredStem(indicator);
  if (!stem) return null;
  const text = context.toLowerCase().replace(/\s+/g, " ");
  const re = new RegExp(`((?:\\p{L}+[ ,]+){1,4})${stem}\\p{L}*`, "gu");
  const found = new Set<Direction>();
  for (const sentence of text.split(/(?<=[.!?])\s+/u)) {
    if (!INTENT.test(sentence)) continue;
    for (const m of sentence.matchAll(re)) {
      const before = m[1]!.trim();
      const d = directionOf(before) ?? (AGAINST.test(before) ? "decrease" : null);
      if (d) found.add(d);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}
