// The indicator page's footnotes: each distinct note once, numbered in order of first
// use, with the periods it belongs to; a measurement refers to its note by number.

export interface Footnote {
  number: number;
  text: string;
  periods: string[];
}

export function collectFootnotes<T extends { period: string; footnote: string | null }>(
  rows: readonly T[],
): { notes: Footnote[]; numberOf: (row: T) => number | null } {
  const byText = new Map<string, Footnote>();
  for (const row of rows) {
    const text = row.footnote?.trim();
    if (!text) continue;
    let note = byText.get(text);
    if (!note) {
      note = { number: byText.size + 1, text, periods: [] };
      byText.set(text, note);
    }
    if (!note.periods.includes(row.period)) note.periods.push(row.period);
  }
  return {
    notes: [...byText.values()],
    numberOf: (row) => byText.get(row.footnote?.trim() ?? "")?.number ?? null,
  };
}
