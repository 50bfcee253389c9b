// Goals of a policy: the list under a "MÅLSÆTNINGER"/"Mål" heading (pull quotes between the
// heading and the list are skipped), numbered goals after "… vil arbejde for at:", and
// "Mål 3: …" / "Resultatmål 3: …" lines.
import { type Block, cleanTitle, countWord, type Doc, overlap, stems } from "./doc.ts";
import { goalLists, numbered } from "./goal-lists.ts";
import type { Segment } from "./segments.ts";
import { type Theme, themeOfBlock } from "./themes.ts";

export interface GoalFound {
  kind: "goal" | "result_goal";
  number: number | null;
  text: string;
  start: number;
  end: number;
  block: number;
  theme: Theme | null;
}

const NUMBERED_INTRO =
  /(?:vil arbejde for,? at|arbejde(?:r)? for at|følgende mål|målene er|har (?:\p{L}+|\d+) (?:overordnede )?mål(?:sætninger)?)[^.]*:$/iu;

/** Footnote markers glued to the last word ("foreningslivet7") and trailing list punctuation. */
export function cleanGoalText(text: string): string {
  return cleanTitle(text.replace(/(?<=\p{Ll})\d{1,2}$/u, "")).replace(/[,;]$/, "");
}

export function findGoals(doc: Doc, seg: Segment, themes: readonly Theme[]): GoalFound[] {
  const goals: GoalFound[] = [];
  const blocks = doc.blocks.slice(seg.startBlock, seg.endBlock);

  for (const list of goalLists(doc, seg)) {
    const theme = themeOfBlock(themes, list.heading.index) ?? null;
    for (const item of list.items) {
      // A numbered list keeps its numbers; a bulleted one has none.
      const n = numbered(item);
      const text = cleanGoalText(n ? n.text : item.text);
      const start = n ? n.at : item.textStart;
      goals.push({
        kind: "goal",
        number: n?.number ?? null,
        text,
        start,
        end: start + text.length,
        block: item.index,
        theme,
      });
    }
  }

  // "Københavns Kommune vil arbejde for at:" + "4. Færre børn …"; a bulleted list only when the
  // intro gives its length ("har 3 overordnede målsætninger:"), since restated goals of another
  // policy are often bulleted too.
  for (const b of blocks) {
    if (b.bullet || !NUMBERED_INTRO.test(b.text)) continue;
    const theme = numberedTheme(doc, themes, b.index) ?? themeOfBlock(themes, b.index) ?? null;
    const stated = /har (\p{L}+|\d+) (?:overordnede )?mål/iu.exec(b.text);
    const expected = stated ? countWord(stated[1]!) : null;
    const items: { block: Block; raw: string; number: number | null }[] = [];
    for (let k = b.index + 1; k < seg.endBlock; k++) {
      const item = doc.blocks[k]!;
      const m = /^(\d{1,2})[.)]\s+(.+)$/.exec(item.text);
      if (m) items.push({ block: item, raw: m[2]!, number: Number(m[1]) });
      else if (item.bullet) items.push({ block: item, raw: item.text, number: null });
      else break;
    }
    const bulleted = items.some((i) => i.number === null);
    if (bulleted && (expected === null || items.length !== expected)) continue;
    for (const { block: item, raw, number } of items) {
      if (number !== null && goals.some((g) => g.number === number && g.kind === "goal")) continue;
      const text = cleanGoalText(raw);
      const start = item.textStart + item.text.indexOf(raw);
      goals.push({ kind: "goal", number, text, start, end: start + text.length, block: item.index, theme });
    }
  }

  // "Mål 3: …", "Resultatmål 3: …" at the start of a line (not in overview tables: see overview.ts).
  for (const b of blocks) {
    const m = /^(Resultatmål|Mål|Målsætning|Delmål)\s+(\d{1,2})\s*[:.]\s+(.{8,})$/u.exec(b.text);
    if (!m) continue;
    const kind = /^resultat/i.test(m[1]!) ? "result_goal" : "goal";
    const number = Number(m[2]);
    if (kind === "goal" && /^Mål$/.test(m[1]!) && /^\d{1,2}\.\s/.test(doc.blocks[b.index + 1]?.text ?? ""))
      continue;
    if (goals.some((g) => g.number === number && g.kind === kind)) continue;
    const text = cleanGoalText(m[3]!);
    const start = b.textStart + b.text.indexOf(m[3]!);
    goals.push({
      kind,
      number,
      text,
      start,
      end: start + text.length,
      block: b.index,
      theme: themeOfBlock(themes, b.index) ?? null,
    });
  }
  return goals.sort((a, b) => a.start - b.start);
}

/** For numbered beacons: the beacon whose section head ("2. Flere …") is the last one before block `i`. */
function numberedTheme(doc: Doc, themes: readonly Theme[], i: number): Theme | undefined {
  let best: { theme: Theme; at: number } | undefined;
  for (const t of themes) {
    for (const s of t.sectionBlocks) if (s < i && (!best || s > best.at)) best = { theme: t, at: s };
  }
  if (best && i - best.at <= 4) return best.theme;
  // Or a beacon title quoted right before the intro.
  const prev = doc.blocks[i - 1];
  if (!prev) return undefined;
  const st = stems(prev.text);
  return themes.find((t) => overlap(stems(t.title), st) >= 0.8);
}
