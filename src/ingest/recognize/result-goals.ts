// Result goals (resultatmål) in committee action plans: "Resultatmål 3: …", or a "Resultatmål"
// heading over a list or a paragraph; and a committee's overall goals ("overordnede målsætninger").
import { type Block, countWord, type Doc, isHeadingLike } from "./doc.ts";
import { cleanGoalText, type GoalFound } from "./goals.ts";
import type { Segment } from "./segments.ts";

// Also "Fremme social iværksætteri Resultatmål", when the extraction ran the two headings together.
const RESULT_HEADING =
  /^(?:[–-]?\s*resultatmål(?:ene)?|(?!indikator|forslag)[\p{L} .,/’'-]{3,80}\sResultatmål)\s*:?$/iu;
const NUMBERED = /^resultatmål\s+(\d{1,2})\s*[:.]\s+(.+)$/iu;
const SKIP = /^(?:forbehold|kommentar|nb|note|bemærk)\b/iu;

function goal(kind: GoalFound["kind"], number: number | null, b: Block, raw: string): GoalFound {
  const text = cleanGoalText(raw);
  const start = b.textStart + b.text.indexOf(raw);
  return { kind, number, text, start, end: start + text.length, block: b.index, theme: null };
}

/** The first sentence: a goal is stated in one; what follows explains it. */
export function firstSentence(text: string): string {
  const re =
    /(?<!\b(?:bl\.a|f\.eks|fx|pct|kr|nr|ca|jf|mv|m\.v|dvs|evt|inkl|ift|mht|mio|mia|t\.kr))\.\s+(?=\p{Lu})/gu;
  const m = re.exec(text);
  return m ? text.slice(0, m.index + 1) : text;
}

export function findResultGoals(doc: Doc, seg: Segment): GoalFound[] {
  const goals: GoalFound[] = [];
  const seen = new Set<number>();
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const b = doc.blocks[i]!;
    const numbered = NUMBERED.exec(b.text);
    if (numbered) {
      const n = Number(numbered[1]);
      if (!seen.has(n)) {
        seen.add(n);
        goals.push(goal("result_goal", n, b, numbered[2]!));
      }
      continue;
    }
    // The heading run together with its paragraph: "Resultatmål Det er et ønske, at …".
    const merged = /^[Rr]esultatmål\s+(\p{Lu}\p{Ll}.{20,})$/u.exec(b.text);
    if (merged && !/^(?:forbehold|kommentar)/i.test(merged[1]!)) {
      goals.push(goal("result_goal", null, b, firstSentence(merged[1]!)));
      continue;
    }
    if (!RESULT_HEADING.test(b.text)) continue;
    // The section under the heading: its list, or its first paragraph, unless numbered goals follow.
    const section: Block[] = [];
    for (let k = i + 1; k < seg.endBlock; k++) {
      const x = doc.blocks[k]!;
      if (RESULT_HEADING.test(x.text) || (isHeadingLike(x, 60) && !x.bullet && section.length > 0)) break;
      section.push(x);
      if (section.length > 12) break;
    }
    if (section.some((x) => NUMBERED.test(x.text))) continue;
    const list = section.filter((x) => x.bullet);
    if (list.length > 0 && section[0]!.bullet) {
      for (const x of list) goals.push(goal("result_goal", null, x, x.text));
      continue;
    }
    const para = section.find((x) => !x.bullet && !SKIP.test(x.text) && x.text.length >= 25);
    if (para) goals.push(goal("result_goal", null, para, firstSentence(para.text)));
  }
  return goals;
}

/** "… overordnede målsætninger, at" followed by its list (when the numbered-goal reader did not take it). */
export function findOverallGoals(doc: Doc, seg: Segment): GoalFound[] {
  const goals: GoalFound[] = [];
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const b = doc.blocks[i]!;
    if (!b.text.includes("overordnede")) continue;
    const m = /(?:(\p{L}+|\d+)\s+)?overordnede\s+målsætning(?:er)?\b.{0,160}?(?:,?\s*at|:)$/iu.exec(b.text);
    if (!m || b.bullet) continue;
    const items: Block[] = [];
    for (let k = i + 1; k < seg.endBlock; k++) {
      const x = doc.blocks[k]!;
      if (!x.bullet && !/^\d{1,2}[.)]\s/.test(x.text)) break;
      items.push(x);
    }
    const expected = m[1] ? countWord(m[1]) : null;
    if (items.length === 0 || (expected !== null && expected !== items.length)) continue;
    items.forEach((x) => {
      const numbered = /^(\d{1,2})[.)]\s+(.+)$/.exec(x.text);
      goals.push(goal("goal", numbered ? Number(numbered[1]) : null, x, numbered ? numbered[2]! : x.text));
    });
  }
  return goals;
}
