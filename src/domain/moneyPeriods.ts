// Money is summed per period, never across periods without saying so: a budget
// line belongs to one year, or (year empty) to the whole period of its policy.
// Sums per year may be added over a span of years and that span is named;
// whole-period amounts stay apart per policy period. The same rule serves the
// initiative list, the inquiry draft and the committee report.
import { formatDkk, formatFte } from "./money.ts";

export interface MoneyLine {
  year: number | null;
  amountDkk: number | null;
  fte: number | null;
  /** The period of the line's policy (used for whole-period lines). */
  periodStart: number | null;
  periodEnd: number | null;
}

export interface PeriodSum {
  /** A year, or the whole period start–end of a policy (either may be unknown). */
  year: number | null;
  periodStart: number | null;
  periodEnd: number | null;
  /** null when no line of the bucket registers an amount (not zero). */
  amountDkk: number | null;
  fte: number | null;
}

export interface MoneyByPeriod {
  years: PeriodSum[];
  wholePeriods: PeriodSum[];
}

function add(a: number | null, b: number | null): number | null {
  if (b === null) return a;
  return (a ?? 0) + b;
}

export function sumByPeriod(lines: readonly MoneyLine[]): MoneyByPeriod {
  const years = new Map<number, PeriodSum>();
  const whole = new Map<string, PeriodSum>();
  for (const l of lines) {
    let bucket: PeriodSum | undefined;
    if (l.year !== null) {
      bucket = years.get(l.year);
      if (!bucket) {
        bucket = { year: l.year, periodStart: l.year, periodEnd: l.year, amountDkk: null, fte: null };
        years.set(l.year, bucket);
      }
    } else {
      const key = `${l.periodStart ?? ""}-${l.periodEnd ?? ""}`;
      bucket = whole.get(key);
      if (!bucket) {
        bucket = {
          year: null,
          periodStart: l.periodStart,
          periodEnd: l.periodEnd,
          amountDkk: null,
          fte: null,
        };
        whole.set(key, bucket);
      }
    }
    bucket.amountDkk = add(bucket.amountDkk, l.amountDkk);
    bucket.fte = add(bucket.fte, l.fte);
  }
  const byStart = (a: PeriodSum, b: PeriodSum) =>
    (a.periodStart ?? a.periodEnd ?? 0) - (b.periodStart ?? b.periodEnd ?? 0) ||
    (a.periodEnd ?? 0) - (b.periodEnd ?? 0);
  return {
    years: [...years.values()].sort(byStart),
    wholePeriods: [...whole.values()].filter((p) => p.amountDkk !== null || p.fte !== null).sort(byStart),
  };
}

/** "2019–2022", "2011", "til 2023", "fra 2019", "uden periode". */
export function spanLabel(start: number | null, end: number | null): string {
  if (start !== null && end !== null) return start === end ? String(start) : `${start}–${end}`;
  if (end !== null) return `til ${end}`;
  if (start !== null) return `fra ${start}`;
  return "uden periode";
}

/** "1,2 mio. kr.; 0,75 årsværk", "ikke oplyst" when neither is registered (never "0"). */
export function formatMoney(sum: { amountDkk: number | null; fte: number | null }): string {
  const parts: string[] = [];
  if (sum.amountDkk !== null) parts.push(formatDkk(sum.amountDkk, { style: "auto" }));
  if (sum.fte !== null) parts.push(formatFte(sum.fte));
  return parts.length ? parts.join("; ") : "ikke oplyst";
}

/** A sum over the years' buckets (a span of years), with the span it covers. */
export function yearsTotal(years: readonly PeriodSum[]): PeriodSum | null {
  const registered = years.filter((y) => y.amountDkk !== null || y.fte !== null);
  if (registered.length === 0) return null;
  let amountDkk: number | null = null;
  let fte: number | null = null;
  for (const y of registered) {
    amountDkk = add(amountDkk, y.amountDkk);
    fte = add(fte, y.fte);
  }
  return {
    year: null,
    periodStart: registered[0]!.year,
    periodEnd: registered[registered.length - 1]!.year,
    amountDkk,
    fte,
  };
}

/**
 * One Danish sentence per kind of period: "Pr. år: 2019: 1 mio. kr.; 2020: …
 * I alt 2019–2020: 3 mio. kr." and "For hele perioden 2011–2014: 0,75 årsværk."
 * Each whole period is its own figure; none is added to another or to the years.
 */
/** The text with a full stop, unless it already ends in one ("3 mio. kr."). */
function sentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

export function describeMoneyByPeriod(m: MoneyByPeriod): string[] {
  const out: string[] = [];
  const registeredYears = m.years.filter((y) => y.amountDkk !== null || y.fte !== null);
  if (registeredYears.length) {
    const perYear = registeredYears.map((y) => `${y.year}: ${formatMoney(y)}`).join("; ");
    const total = yearsTotal(registeredYears);
    out.push(
      registeredYears.length === 1
        ? sentence(`Budget ${perYear}`)
        : `${sentence(`Budget pr. år: ${perYear}`)} ${sentence(`I alt ${spanLabel(total!.periodStart, total!.periodEnd)}: ${formatMoney(total!)}`)}`,
    );
  }
  for (const p of m.wholePeriods) {
    out.push(
      sentence(`Budget for hele perioden ${spanLabel(p.periodStart, p.periodEnd)}: ${formatMoney(p)}`),
    );
  }
  return out;
}
