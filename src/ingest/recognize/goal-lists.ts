// Lists of goals: the items under a "Målsætninger", "Mål" or "Vi vil" heading or lead-in, as
// bullets, Word or HTML list items, or numbered lines. Themes are found from them too (the
// heading a goal list stands under), so they live apart from both.
import { type Block, type Doc, isHeadingLike } from "./doc.ts";
import type { Segment } from "./segments.ts";

const GOALS_HEADING =
  /^(?:(?:overordnede\s+)?målsætninger|mål(?:ene)?|vores mål|politikkens mål|delmål|vi vil|det vil vi(?:\s+gøre)?|det\s+vil\s+vi\s+arbejde\s+for)\s*:?$/iu;

export function isGoalsHeading(b: Block): boolean {
  return !b.bullet && b.kind !== "list_item" && GOALS_HEADING.test(b.text.trim());
}

/** "3. Flere …" as written in plain text or as an ordered list item: the number and the text. */
export function numbered(b: Block): { number: number; text: string; at: number } | null {
  const m = /^(\d{1,2})[.)]\s+(?=\S)/.exec(b.text);
  return m ? { number: Number(m[1]), text: b.text.slice(m[0].length), at: b.textStart + m[0].length } : null;
}

/** A list item in any format: a bullet, a Word or HTML list item, a numbered line. */
export function isItem(b: Block): boolean {
  return b.bullet || b.kind === "list_item" || numbered(b) !== null;
}

/** The list right after a goals heading; pull quotes may stand between the heading and the list. */
export function listAfterHeading(doc: Doc, heading: Block, seg: Segment): Block[] {
  const items: Block[] = [];
  let skipped = 0;
  for (let k = heading.index + 1; k < seg.endBlock; k++) {
    const b = doc.blocks[k]!;
    // Only the top level of a nested list: deeper items explain the goal above them.
    if (isItem(b) && (b.list?.depth ?? 0) === 0) {
      items.push(b);
      continue;
    }
    if (isItem(b) && items.length > 0) continue;
    // Pull quotes may stand between the heading and the list; anything else ends it.
    if (
      items.length === 0 &&
      skipped < 2 &&
      b.kind !== "heading" &&
      !b.emphasized &&
      b.text.length <= 220 &&
      !isHeadingLike(b, 40)
    ) {
      skipped++;
      continue;
    }
    break;
  }
  return items;
}

export interface GoalList {
  heading: Block;
  items: Block[];
}

/** The goal lists of a segment, each under its heading. */
export function goalLists(doc: Doc, seg: Segment): GoalList[] {
  const out: GoalList[] = [];
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const b = doc.blocks[i]!;
    if (!isGoalsHeading(b)) continue;
    const items = listAfterHeading(doc, b, seg);
    if (items.length > 0) out.push({ heading: b, items });
  }
  return out;
}
