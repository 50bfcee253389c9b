// Budget tables the format gives as tables (or a converter as one cell per line): amounts per
// year, with the years as columns ("Initiativ | 2026 | 2027") or as rows ("År | Jobmentorer |
// Fritidsguider"), in the unit the header, a caption or the lead-in names ("1.000 kr.", "mio.
// kr.", "kr."). Each amount becomes whole DKK on the initiative its label names; an "I alt" row
// or column that its lines do not add up to becomes a warning.

import { danishDigits } from "../../domain/danishNumber.ts";
import type { FundingStatus } from "../../domain/enums.ts";
import type { Cell, Doc } from "./doc.ts";
import { cleanTitle, jaccard, stems } from "./doc.ts";
import type { Sink } from "./sink.ts";
import { type TableView, yearColumns } from "./tables.ts";

export interface Owner {
  key: string;
  title: string;
  funding: FundingStatus;
}

const TOTAL = /^(?:i\s+alt|total|sum|samlet|i\s+alt:)/i;
const UNIT = /(1\.?000|mio\.?|mia\.?|t\.|tusinde)?\s*(?:kr\.?|kroner|dkk)(?![\p{L}])/iu;

/** The first money unit a text names: its multiplier to whole DKK ("1.000 kr." → 1000) and where it stands. */
export function moneyUnitIn(text: string): { multiplier: number; index: number } | null {
  const m = UNIT.exec(text);
  if (!m) return null;
  const u = (m[1] ?? "").toLowerCase();
  const multiplier = u.startsWith("mia") ? 1_000_000_000 : u.startsWith("mio") ? 1_000_000 : u ? 1_000 : 1;
  return { multiplier, index: m.index };
}

/** The multiplier to whole DKK a text names ("1.000 kr." → 1000), or null without a money unit. */
export function moneyUnit(text: string): number | null {
  return moneyUnitIn(text)?.multiplier ?? null;
}

/** A row or column label that marks the total ("I alt", "Total", "Samlet"). */
export const isTotalLabel = (text: string): boolean => TOTAL.test(text.trim());

/** The owner a label names best (at least half their content words shared). */
export function ownerOf<T extends { title: string }>(label: string, owners: readonly T[]): T | null {
  const words = stems(label);
  let best: { owner: T; score: number } | null = null;
  for (const owner of owners) {
    const score = jaccard(words, stems(owner.title));
    if (score >= 0.5 && (!best || score > best.score)) best = { owner, score };
  }
  return best?.owner ?? null;
}

/** "1.250", "850", "-", "" → a number or null (a dash or an empty cell is no amount). */
export function amountOf(text: string): number | null | undefined {
  const t = text.replace(/\s*(?:kr\.?|mio\.?|t\.)\s*/gi, "").trim();
  if (t === "" || /^[-–—]$/.test(t)) return null;
  const negative = /^-\d/.test(t);
  const n = danishDigits(t.replace(/^-/, ""));
  if (n === null) return undefined;
  return negative ? -n : n;
}

interface Series {
  label: Cell;
  /** Per year: the amount's cell and value. */
  amounts: { year: number; cell: Cell; value: number }[];
  total: boolean;
}

/**
 * Rows or columns of amounts, one series per label, with the year each amount is for; with the
 * years as rows, the cell each year is read from (with the years as columns that is the header).
 */
function seriesOf(t: TableView): { series: Series[]; yearCell?: (year: number) => Cell | undefined } | null {
  const years = yearColumns(t.header);
  if (years.length >= 2) {
    const series: Series[] = [];
    for (const row of t.rows) {
      const label = row[0];
      if (!label?.text) continue;
      const amounts: Series["amounts"] = [];
      for (const { index, year } of years) {
        const cell = row[index];
        const value = cell ? amountOf(cell.text) : null;
        if (value === undefined) return null;
        if (value !== null && cell) amounts.push({ year, cell, value });
      }
      series.push({ label, amounts, total: TOTAL.test(label.text) });
    }
    return { series };
  }
  // Years as rows: the first column holds the years, every other column is a line.
  const rowYears = t.rows.map((r) => (/^(?:19|20)\d{2}$/.test(r[0]?.text ?? "") ? Number(r[0]!.text) : null));
  if (rowYears.filter((y) => y !== null).length < 2) return null;
  const series: Series[] = [];
  t.header.forEach((label, c) => {
    if (c === 0 || !label.text) return;
    const amounts: Series["amounts"] = [];
    t.rows.forEach((row, r) => {
      const year = rowYears[r];
      const cell = row[c];
      const value = cell ? amountOf(cell.text) : null;
      if (year !== null && year !== undefined && cell && value !== null && value !== undefined)
        amounts.push({ year, cell, value });
    });
    series.push({ label, amounts, total: TOTAL.test(label.text) });
  });
  const yearRows = new Map(t.rows.flatMap((r, i) => (rowYears[i] ? [[rowYears[i]!, r[0]!] as const] : [])));
  return { series, yearCell: (year) => yearRows.get(year) };
}

/** The table's money unit and where the text naming it starts: the header, else a caption or lead-in above. */
function unitOf(doc: Doc, t: TableView): { multiplier: number; from: number } | null {
  const inHeader = moneyUnit(t.header.map((c) => c.text).join(" "));
  if (inHeader !== null) return { multiplier: inHeader, from: doc.blocks[t.startBlock]!.textStart };
  for (const b of doc.blocks.slice(Math.max(0, t.startBlock - 2), t.startBlock)) {
    const u = moneyUnitIn(b.text);
    if (u) return { multiplier: u.multiplier, from: b.textStart + u.index };
  }
  return null;
}

export function recognizeBudgetTableViews(
  doc: Doc,
  tables: readonly TableView[],
  policyKey: string,
  owners: readonly Owner[],
  sink: Sink,
): TableView[] {
  const used: TableView[] = [];
  for (const t of tables) {
    const named = unitOf(doc, t);
    if (named === null) continue;
    const unit = named.multiplier;
    const read = seriesOf(t);
    if (!read || read.series.every((s) => s.amounts.length === 0)) continue;
    used.push(t);
    // With the years as columns a year is read from the header row, in the unit named in it or
    // just above it: that whole span is each year's evidence, one per table, so the table's own
    // "I alt" row can be read back under it later (statedTotals.ts), as for a table in text.
    const header = { start: named.from, end: Math.max(...t.header.map((c) => c.end)) };
    const lines = read.series.filter((s) => !s.total);
    lines.forEach((s, r) => {
      const owner = ownerOf(s.label.text, owners);
      const label = cleanTitle(s.label.text);
      for (const a of s.amounts) {
        const yearCell = read.yearCell ? read.yearCell(a.year) : header;
        sink.add({
          entity: "budget_line",
          key: `${owner?.key ?? policyKey}/budget_line:${a.year}-${r + 1}`,
          parentKey: owner?.key ?? policyKey,
          fields: {
            year: a.year,
            amount_dkk: Math.round(a.value * unit),
            fte: null,
            funding_status: owner && owner.funding !== "unknown" ? owner.funding : "unknown",
            label,
          },
          confidence: owner ? 0.85 : 0.65,
          evidence: [
            sink.ev("label", s.label.start, s.label.end),
            sink.ev("amount_dkk", a.cell.start, a.cell.end),
            ...(yearCell ? [sink.ev("year", yearCell.start, yearCell.end)] : []),
          ],
        });
      }
    });
    // A total that its lines do not add up to is worth a look.
    for (const total of read.series.filter((s) => s.total)) {
      for (const a of total.amounts) {
        const sum = lines.reduce((acc, s) => acc + (s.amounts.find((x) => x.year === a.year)?.value ?? 0), 0);
        if (Math.abs(sum - a.value) > 1e-6)
          sink.warn(
            "budget_total_mismatch",
            `Budgettabellen: rækkerne for ${a.year} summerer til ${Math.round(sum * unit)} kr., men totalen er ${Math.round(a.value * unit)} kr.`,
            a.cell.start,
            a.cell.end,
          );
      }
    }
  }
  return used;
}
