// Observation and target periods (DESIGN.md §2): a calendar year "2018", a quarter
// "2018Q3", a school/academic year "2016/17", or a range of years "2019-2022".
// Policy documents write them in many Danish ways; this is the one place that
// reads them, so the database only ever holds the canonical form.
import { err, ok, type Result } from "./result.ts";

export type Period =
  | { kind: "year"; year: number }
  | { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 }
  /** The Danish school year runs 1 August – 31 July; `end` is always `start + 1`. */
  | { kind: "school_year"; start: number; end: number }
  | { kind: "range"; start: number; end: number };

// Plausible years for a municipal policy; anything else is a misread number.
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const SCHOOL_YEAR_START_MONTH = 7; // August, 0-based

function usage(input: string): string {
  return `Perioden "${input}" kan ikke tolkes. Brug fx 2018, 2018Q3, 2016/17 eller 2019-2022.`;
}

function inRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

// "14" after 2011 means 2014; "00" after 1999 means 2000: the first year with those
// last two digits that is later than the start.
function expandEndYear(start: number, end: string): number {
  if (end.length === 4) return Number(end);
  const candidate = Math.floor(start / 100) * 100 + Number(end);
  return candidate > start ? candidate : candidate + 100;
}

function normalizeInput(input: string): string {
  return input
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-") // hyphens, en/em dash, minus sign
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:skole|studie|regnskabs|finans)?året\s+|^(?:skole|studie)år\s+|^år\s+/, "");
}

export function parsePeriod(input: string | number): Result<Period> {
  const raw = String(input);
  const s = normalizeInput(raw);

  let m = /^(\d{4})$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    return inRange(year) ? ok({ kind: "year", year }) : err(usage(raw));
  }

  // 2018Q3, 2018K3 (Danmarks Statistik), 2018-Q3, Q3 2018, 3. kvt. 2018, 3. kvartal 2018
  const quarter =
    /^(\d{4}) ?-? ?[qk] ?([1-4])$/.exec(s) ??
    swapGroups(/^[qk] ?([1-4]) ?-? ?(\d{4})$/.exec(s)) ??
    swapGroups(/^([1-4])\.? ?(?:kvt\.?|kvartal) ?(\d{4})$/.exec(s));
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]) as 1 | 2 | 3 | 4;
    return inRange(year) ? ok({ kind: "quarter", year, quarter: q }) : err(usage(raw));
  }

  m = /^(\d{4}) ?\/ ?(\d{2}|\d{4})$/.exec(s);
  if (m?.[1] && m[2]) {
    const start = Number(m[1]);
    const end = expandEndYear(start, m[2]);
    if (end !== start + 1) {
      return err(`Skoleåret "${raw}" skal dække to på hinanden følgende år, fx 2016/17.`);
    }
    return inRange(start) && inRange(end) ? ok({ kind: "school_year", start, end }) : err(usage(raw));
  }

  m = /^(\d{4}) ?(?:-|til) ?(\d{2}|\d{4})$/.exec(s);
  if (m?.[1] && m[2]) {
    const start = Number(m[1]);
    const end = expandEndYear(start, m[2]);
    if (!inRange(start) || !inRange(end)) return err(usage(raw));
    if (end < start) return err(`Perioden "${raw}" slutter før den begynder.`);
    // "2019-2019" is just the year 2019.
    return end === start ? ok({ kind: "year", year: start }) : ok({ kind: "range", start, end });
  }

  return err(usage(raw));
}

// Quarter patterns with the quarter first are turned into [match, year, quarter].
function swapGroups(m: RegExpExecArray | null): [string, string, string] | null {
  if (!m?.[1] || !m[2]) return null;
  return [m[0], m[2], m[1]];
}

/** The canonical form stored in the database and the open-data package. */
export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case "year":
      return String(p.year);
    case "quarter":
      return `${p.year}Q${p.quarter}`;
    case "school_year":
      return `${p.start}/${String(p.end % 100).padStart(2, "0")}`;
    case "range":
      return `${p.start}-${p.end}`;
  }
}

/** How the period is written on a Danish page: "3. kvt. 2018", "2019–2022". */
export function formatPeriodDanish(p: Period): string {
  switch (p.kind) {
    case "quarter":
      return `${p.quarter}. kvt. ${p.year}`;
    case "range":
      return `${p.start}–${p.end}`;
    default:
      return formatPeriod(p);
  }
}

/** Parses and returns the canonical form: "3. kvt. 2018" → "2018Q3". */
export function normalizePeriod(input: string | number): Result<string> {
  const parsed = parsePeriod(input);
  return parsed.ok ? ok(formatPeriod(parsed.value)) : parsed;
}

/**
 * The single year the progress rule uses for a period. A school year and a range
 * count as their END year: a value for 2016/17 is measured at the end of the school
 * year, and a target "for 2019–2022" is due by 2022. (Open SDG's sdg-build takes
 * the first four characters instead, i.e. the start year; we deliberately differ,
 * because our targets are written against the end of a policy period.)
 * A quarter counts as its calendar year.
 */
export function periodYear(p: Period): number {
  switch (p.kind) {
    case "year":
    case "quarter":
      return p.year;
    case "school_year":
    case "range":
      return p.end;
  }
}

/** First and last-plus-one month (months since year 0) that the period covers. */
export function periodMonths(p: Period): { start: number; end: number } {
  switch (p.kind) {
    case "year":
      return { start: p.year * 12, end: (p.year + 1) * 12 };
    case "quarter":
      return { start: p.year * 12 + (p.quarter - 1) * 3, end: p.year * 12 + p.quarter * 3 };
    case "school_year":
      return { start: p.start * 12 + SCHOOL_YEAR_START_MONTH, end: p.end * 12 + SCHOOL_YEAR_START_MONTH };
    case "range":
      return { start: p.start * 12, end: (p.end + 1) * 12 };
  }
}

/**
 * A number that orders periods chronologically by when they END, then by when they
 * start: 2016/17 (ends July 2017) < 2017Q3 < 2017, and for the same end
 * "2016-2018" < "2018" < "2018Q4" (later start last). "Latest" therefore means
 * "ends latest".
 */
export function periodSortKey(p: Period): number {
  const { start, end } = periodMonths(p);
  return end * 100_000 + start;
}

export function comparePeriods(a: Period, b: Period): number {
  return periodSortKey(a) - periodSortKey(b);
}

/** The progress year of a written period ("2018Q3" → 2018, "2016/17" → 2017), or null when unreadable. */
export function yearOfPeriod(input: string): number | null {
  const p = parsePeriod(input);
  return p.ok ? periodYear(p.value) : null;
}
