// The total a budget table states ("I alt 11.000 11.000 11.000 11.000"), read back from a
// document's text after the table, so the registered lines can be checked against it. The
// header (the budget lines' year evidence) names the unit and the years: a line of text
// ("Indsatser (opgjort i 1000 kr.) 2019 2020"), or a table's header row of tab-separated cells
// with the unit in it or in the caption above it ("… i 1.000 kr.\n\nIndsats\t2027\t2028\tI alt").
import { danishDigits } from "../../domain/danishNumber.ts";
import { isTotalLabel, moneyUnitIn } from "./budget-tables.ts";

export interface StatedTotal {
  year: number;
  amountDkk: number;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;
const TOTAL_ROW = /(?:^|\n)[^\S\n]*i\s+alt:?((?:[^\S\n]+(?:[-–—]|\d{1,3}(?:\.\d{3})*(?:,\d+)?))+)/iu;
const DASH = /^[-–—]?$/;

/**
 * The per-year totals of the "I alt" row that follows a table, in whole DKK; null when the
 * text after the table has no such row, or its figures do not match the header's years.
 * `after`: the document's text right after the table's last amount.
 */
export function statedTableTotals(header: string, after: string): StatedTotal[] | null {
  const unit = moneyUnitIn(header);
  if (!unit) return null;
  const columns = yearColumns(header);
  if (columns) return totalRowCells(after, columns, unit.multiplier);
  const named = header.slice(unit.index);
  const years = [...named.matchAll(YEAR)].map((m) => Number(m[1]));
  if (years.length === 0) return null;
  const row = TOTAL_ROW.exec(after);
  if (!row) return null;
  const cells = row[1]!.trim().split(/\s+/);
  if (cells.length !== years.length) return null;
  const out: StatedTotal[] = [];
  cells.forEach((cell, i) => {
    const v = danishDigits(cell);
    if (v !== null) out.push({ year: years[i]!, amountDkk: Math.round(v * unit.multiplier) });
  });
  return out;
}

/** A table's header row (tab-separated): the column of each year; null when the header is text. */
function yearColumns(header: string): { index: number; year: number }[] | null {
  let best: { index: number; year: number }[] | null = null;
  for (const line of header.split("\n")) {
    if (!line.includes("\t")) continue;
    const years = line
      .split("\t")
      .flatMap((cell, index) =>
        /^(?:19|20)\d{2}$/.test(cell.trim()) ? [{ index, year: Number(cell.trim()) }] : [],
      );
    if (years.length > 0 && years.length > (best?.length ?? 0)) best = years;
  }
  return best;
}

/**
 * The table's own total row: a row of the same table (rows end at the first blank line) whose
 * first cell is "I alt", its cells taken by column, so a total column or a spanned cell beside
 * the years changes nothing.
 */
function totalRowCells(
  after: string,
  columns: { index: number; year: number }[],
  multiplier: number,
): StatedTotal[] | null {
  const rows = after
    .split(/\n[^\S\n]*\n/)[0]!
    .split("\n")
    .slice(1);
  const row = rows.map((r) => r.split("\t")).find((cells) => cells.length > 1 && isTotalLabel(cells[0]!));
  if (!row) return null;
  const out: StatedTotal[] = [];
  for (const { index, year } of columns) {
    const cell = (row[index] ?? "").trim();
    if (DASH.test(cell)) continue;
    const v = danishDigits(cell);
    if (v === null) return null;
    out.push({ year, amountDkk: Math.round(v * multiplier) });
  }
  return out;
}
