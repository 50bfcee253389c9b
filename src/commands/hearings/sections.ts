// The sections a hearing response can concern: the draft policy's goals (by a
// label built from number and text) and "general remarks". A response stores the
// labels it concerns in goals_chosen; an imported committee letter names goals in
// its own words, which are matched to the policy's goals when close enough.

export const GENERAL_SECTION = "Generelle bemærkninger";

export interface SectionGoal {
  id: string;
  number: string | null;
  text: string;
}

export function goalLabel(goal: Pick<SectionGoal, "number" | "text">): string {
  const text = goal.text.replace(/\s+/g, " ").trim();
  return goal.number ? `Mål ${goal.number}: ${text}` : text;
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .normalize("NFC")
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );

/** Share of words the two texts have in common (Jaccard), 0–1. */
export function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both);
}

/** Close enough to count as the same goal: most words shared. */
const SAME_GOAL = 0.6;

/**
 * The section a free-text goal belongs to: the policy goal it matches (its label),
 * or the text itself as a section of its own.
 */
export function sectionOf(text: string, goals: readonly SectionGoal[]): string {
  const clean = text.replace(/\s+/g, " ").trim();
  let best: { label: string; score: number } | null = null;
  for (const g of goals) {
    const label = goalLabel(g);
    if (label === clean || g.text.trim() === clean) return label;
    const score = similarity(clean, g.text);
    if (score >= SAME_GOAL && (!best || score > best.score)) best = { label, score };
  }
  return best?.label ?? clean;
}
