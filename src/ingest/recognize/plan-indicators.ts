// Indicators in committee action plans: "Indikator for kriminalitet: …", an "Indikator" heading
// over its paragraph, or a numbered list under "Indikatorer". Each belongs to the result goal it
// follows in the same section; an indicator that cannot be placed is left out.
import { type Block, type Doc, isHeadingLike, overlap, stems } from "./doc.ts";
import { firstSentence } from "./result-goals.ts";
import type { Segment } from "./segments.ts";

export interface PlanIndicator {
  text: string;
  /** "Indikator for kaotiske stofmisbrugere": what the label says the indicator is about. */
  label: string;
  start: number;
  end: number;
  block: number;
}

const LABELLED = /^indikator\s+(?:for|på)\s+[^:]{2,80}:\s*(.{10,})$/iu;
const HEADING =
  /^(?:forslag til\s+)?indikator(?:er|\(er\))?(?:\s+for\s+(?:resultatmålet|resultatmålene))?\s*:?$/iu;
const OVERALL = /overordne/i;
const MERGED =
  /^(?:[Ff]orslag til\s+)?[Ii]ndikator(?:er|\(er\))?(?:\s+for\s+(?:resultatmålet|resultatmålene))?\s+(\p{Lu}\p{Ll}.{10,})$/u;

export function findPlanIndicators(doc: Doc, seg: Segment): PlanIndicator[] {
  const out: PlanIndicator[] = [];
  const push = (b: Block, raw: string, label = ""): void => {
    const text = firstSentence(raw.trim());
    const start = b.textStart + b.text.indexOf(raw.trim());
    out.push({ text, label, start, end: start + text.length, block: b.index });
  };
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const b = doc.blocks[i]!;
    const labelled = LABELLED.exec(b.text);
    if (labelled && !OVERALL.test(b.text.slice(0, b.text.indexOf(":")))) {
      push(b, labelled[1]!, b.text.slice(0, b.text.indexOf(":")));
      continue;
    }
    // The heading run together with its paragraph ("Forslag til indikator(er) for resultatmålet Resultatmålet kan …").
    const merged = MERGED.exec(b.text);
    if (merged && !/indikator/i.test(merged[1]!)) {
      push(b, merged[1]!);
      continue;
    }
    if (!HEADING.test(b.text.trim())) continue;
    // Under the heading: a numbered list, or one paragraph (not a comment on the indicators).
    const items: Block[] = [];
    for (let k = i + 1; k < seg.endBlock && /^\d{1,2}[.)]\s/.test(doc.blocks[k]!.text); k++)
      items.push(doc.blocks[k]!);
    if (items.length > 0) {
      for (const item of items) push(item, item.text.replace(/^\d{1,2}[.)]\s+/, ""));
      continue;
    }
    const next = doc.blocks[i + 1];
    if (
      !next ||
      LABELLED.test(next.text) ||
      isHeadingLike(next) ||
      /^(?:kommentar|ingen|forbehold)\b/i.test(next.text)
    )
      continue;
    // "Overordnet er målet …. Indikatorerne er:" followed by the list.
    const listAt = next.bullet ? i + 1 : /:$/.test(next.text) && doc.blocks[i + 2]?.bullet ? i + 2 : -1;
    if (listAt >= 0) {
      for (let k = listAt; k < seg.endBlock && doc.blocks[k]!.bullet; k++)
        push(doc.blocks[k]!, doc.blocks[k]!.text);
      continue;
    }
    // A remark about indicators is no indicator.
    if (!/indikator/i.test(next.text)) push(next, next.text);
  }
  return out;
}

export interface GoalRef {
  key: string;
  block: number;
  text: string;
  kind: string;
}

/** The result goal an indicator belongs to: among the goals since the last one it could not belong to, the one it resembles. */
export function goalForIndicator(ind: PlanIndicator, goals: readonly GoalRef[], doc: Doc): string | null {
  const before = goals.filter((g) => g.block < ind.block && g.kind === "result_goal");
  const last = before[before.length - 1];
  if (!last) return null;
  // The group: result goals written together just above (no other indicator between them and us).
  const group = before.filter((g) => g.block >= last.block - 6);
  // A new section heading between goal and indicator means they do not belong together.
  for (let k = last.block + 1; k < ind.block; k++) {
    const b = doc.blocks[k]!;
    if (isHeadingLike(b, 80) && !/^(?:resultatmål|aktivitetsmål|indikator|forslag til)/i.test(b.text))
      return null;
  }
  if (group.length === 1) return group[0]!.key;
  const st = stems(`${ind.label} ${ind.text}`);
  let best: { key: string; score: number } | null = null;
  for (const g of group) {
    const score = overlap(st, stems(g.text));
    if (!best || score > best.score) best = { key: g.key, score };
  }
  return best && best.score > 0 ? best.key : null;
}
