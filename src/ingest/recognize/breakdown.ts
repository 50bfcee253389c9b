// Amounts spread over years, as economy tables write them: "12,3 mio. kr. årligt frem til 2014",
// "4,6 mio. kr. årligt i 2009 og 2010", "0,5 mio. kr. i 2010 samt 1,5 mio. kr. årligt i 2011 og 2012".
import { type Found, findAmounts } from "./values.ts";

export interface YearAmount {
  year: number;
  amount: number;
  found: Found<number>;
}

/** "12,3 mio. kr. årligt frem til 2014", "4,6 mio. kr. årligt i 2009 og 2010", "0,5 mio. kr. i 2010". */
export function yearlyBreakdown(
  text: string,
  offset: number,
  periodStart: number | null,
  periodEnd: number | null,
): YearAmount[] {
  const out: YearAmount[] = [];
  const amounts = findAmounts(text, offset);
  let lastYear: number | null = null;
  const unplaced: Found<number>[] = [];
  for (const a of amounts) {
    const after = text.slice(a.end - offset, a.end - offset + 60);
    const yearly = /^\s*(?:årligt|om året|pr\.?\s*år)/i.test(after);
    const years: number[] = [];
    const until = /^\s*(?:årligt\s+)?(?:frem til|til og med|indtil)\s+((?:19|20)\d{2})/i.exec(after);
    const from = /^\s*(?:årligt\s+)?(?:pr\.|fra)\s+((?:19|20)\d{2})/i.exec(after);
    const inYears = /^\s*(?:årligt\s+)?i\s+((?:19|20)\d{2})(?:\s*(?:og|samt|,)\s*(\d{4}))?/i.exec(after);
    if (until) {
      const end = Number(until[1]);
      const start = lastYear !== null ? lastYear + 1 : periodStart;
      if (start !== null && yearly) for (let y = start; y <= end; y++) years.push(y);
    } else if (from) {
      const start = Number(from[1]);
      if (yearly && periodEnd !== null) for (let y = start; y <= periodEnd; y++) years.push(y);
    } else if (inYears) {
      years.push(Number(inYears[1]));
      if (inYears[2]) {
        let y2 = Number(inYears[2]);
        // A typo such as "2011 og 1012" means the following year.
        if (y2 < 1900 && y2 % 1000 === (Number(inYears[1]) + 1) % 1000) y2 = Number(inYears[1]) + 1;
        if (y2 >= 1900) years.push(y2);
      }
    } else if (yearly && /^\s*(?:årligt|om året|pr\.?\s*år)\s*[,;)]/i.test(after)) {
      unplaced.push(a);
    }
    for (const y of years) out.push({ year: y, amount: a.value, found: a });
    if (years.length > 0) lastYear = years[years.length - 1]!;
  }
  // "3 mio. kr. årligt, 1,5 mio. kr. i 2011": a yearly amount without years fills the plan's other years.
  if (unplaced.length === 1 && out.length > 0 && periodStart !== null && periodEnd !== null) {
    const placed = new Set(out.map((o) => o.year));
    const from = Math.min(...placed);
    for (let y = Math.max(from, periodStart); y <= periodEnd; y++) {
      if (!placed.has(y)) out.push({ year: y, amount: unplaced[0]!.value, found: unplaced[0]! });
    }
    out.sort((a, b) => a.year - b.year);
  }
  return out;
}

/** "3/4 årsværk", "1,5 årsværk" → full-time equivalents. */
export function fteOf(text: string): number | null {
  const m = /(\d+)\s*\/\s*(\d+)\s*årsværk|(\d+(?:,\d+)?)\s*årsværk/i.exec(text);
  if (!m) return null;
  if (m[1] && m[2]) return Number(m[1]) / Number(m[2]);
  return Number(m[3]!.replace(",", "."));
}
