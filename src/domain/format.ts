// Danish number, unit and period formatting for components, charts and their
// text alternatives, so a value reads the same in the chart, the table and the
// alt text. The rules themselves live in domain/ (hand-written, not Intl, so a
// report regenerates byte-identically); this file adapts them to the web's
// inputs (free-text units, period codes as stored).
import { formatDkk as formatDkkDomain } from "./money.ts";
import { formatNumberDa, formatValueWithUnit } from "./numberFormat.ts";
import { periodYear as domainPeriodYear, formatPeriodDanish, parsePeriod } from "./period.ts";

/** 1234567.5 → "1.234.567,5" (Danish separators; up to `maxDecimals` decimals). */
export function formatNumber(value: number, maxDecimals = 1): string {
  return formatNumberDa(value, maxDecimals);
}

/**
 * A value with its unit, as Danish writes it: "62 %", "1.200 kr.", "3,5 årsværk".
 * The unit is free text from the indicator, so it is appended, never
 * interpreted; Danish puts a space before "%" as before any other unit.
 */
export function formatValue(value: number, unit: string, maxDecimals = 1): string {
  return formatValueWithUnit(value, unit, maxDecimals);
}

/** Amounts in DKK: "850.000 kr." below a million, "1,2 mio. kr." from a million. */
export function formatDkk(amount: number): string {
  return formatDkkDomain(amount, { style: "auto" });
}

/** Short axis form of an amount: "1,2 mio." / "850.000". */
export function formatDkkShort(amount: number): string {
  if (Math.abs(amount) >= 1_000_000) return `${formatNumberDa(amount / 1_000_000, 1)} mio.`;
  return formatNumberDa(amount, 0);
}

/**
 * A stored period code in words: "2018" stays, "2018Q3" becomes "3. kvt. 2018",
 * "2016/17" stays. A code the domain cannot read is shown as it is.
 */
export function formatPeriod(period: string): string {
  const parsed = parsePeriod(period);
  return parsed.ok ? formatPeriodDanish(parsed.value) : period.trim();
}

/**
 * The year a period counts as, by the domain's rule (a school year or a range
 * counts as its last year: "2016/17" → 2017), or undefined if unreadable.
 */
export function periodYear(period: string): number | undefined {
  const parsed = parsePeriod(period);
  return parsed.ok ? domainPeriodYear(parsed.value) : undefined;
}
