// The total a budget table states ("I alt 11.000 11.000 11.000 11.000"), read back from a
// document's text after the table, so the registered lines can be checked against it. The
// table's header names the unit and the years ("Indsatser (opgjort i 1000 kr.) 2019 2020").
import { danishDigits } from "../../domain/danishNumber.ts";

export interface StatedTotal {
  year: number;
  amountDkk: number;
}

const UNIT = /(1\.?000|mio\.?|mia\.?|t\.)\s*kr\b|\bkr\.?(?!\p{L})/iu;
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;
const TOTAL_ROW = /(?:^|\n)[^\S\n]*i\s+alt:?((?:[^\S\n]+(?:[-–—]|\d{1,3}(?:\.\d{3})*(?:,\d+)?))+)/iu;

function multiplier(header: string): number | null {
  const m = UNIT.exec(header);
  if (!m) return null;
  const u = (m[1] ?? "").toLowerCase();
  if (u.startsWith("mia")) return 1_000_000_000;
  if (u.startsWith("mio")) return 1_000_000;
  if (u) return 1_000;
  return 1;
}

/**
 * The per-year totals of the "I alt" row that follows a table, in whole DKK; null when the
 * text after the table has no such row, or its figures do not match the header's years.
 * `after`: the document's text right after the table's last amount.
 */
export function statedTableTotals(header: string, after: string): StatedTotal[] | null {
  const unitAt = UNIT.exec(header);
  const mult = multiplier(header);
  if (!unitAt || mult === null) return null;
  const years = [...header.slice(unitAt.index).matchAll(YEAR)].map((m) => Number(m[1]));
  if (years.length === 0) return null;
  const row = TOTAL_ROW.exec(after);
  if (!row) return null;
  const cells = row[1]!.trim().split(/\s+/);
  if (cells.length !== years.length) return null;
  const out: StatedTotal[] = [];
  cells.forEach((cell, i) => {
    const v = danishDigits(cell);
    if (v !== null) out.push({ year: years[i]!, amountDkk: Math.round(v * mult) });
  });
  return out;
}
