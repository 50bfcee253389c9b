// Values as Danish documents write them: dates, periods, amounts, counts and shares. The
// canonical forms come from the domain parsers, so the importer and the UI agree.
import { parseDanishDate } from "../../domain/danishDate.ts";
import { danishDigits } from "../../domain/danishNumber.ts";
import { parseDkk } from "../../domain/money.ts";
import { normalizePeriod } from "../../domain/period.ts";

export interface Found<T> {
  value: T;
  start: number;
  end: number;
  quote: string;
}

const MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december";
const MONTH_ABBR = "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec";
const DATE_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:d\\.|den)\\s*)?(\\d{1,2})\\.\\s*(?:(${MONTHS})|(${MONTH_ABBR})\\.?)\\s+(\\d{4})(?!\\d)|(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d])`,
  "giu",
);

/** All Danish dates in `text` ("d. 11. november 2020", "3. dec. 2014", "11.11.2020") as ISO. */
export function findDates(text: string, offset = 0): Found<string>[] {
  const out: Found<string>[] = [];
  DATE_RE.lastIndex = 0;
  for (const m of text.matchAll(DATE_RE)) {
    const parsed = parseDanishDate(m[0]);
    if (!parsed.ok) continue;
    out.push({
      value: parsed.value,
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      quote: m[0],
    });
  }
  return out;
}

export interface YearRange {
  start: number;
  end: number;
}

const RANGE_RE = /(?<![\d.,])((?:19|20)\d{2})\s*(?:[-–—]|til)\s*((?:19|20)?\d{2})(?![\d,]|\.\d)/g;

/** "2019-2022", "2019–22", "2011 - 2014", "2011–14" → years; the end is after the start and at most 12 years on. */
export function parseYearRange(text: string): YearRange | null {
  RANGE_RE.lastIndex = 0;
  const m = RANGE_RE.exec(text);
  return m ? rangeFromMatch(m) : null;
}

function rangeFromMatch(m: RegExpExecArray | RegExpMatchArray): YearRange | null {
  const start = Number(m[1]);
  const endRaw = m[2]!;
  let end = Number(endRaw);
  if (endRaw.length === 2) {
    end = Math.floor(start / 100) * 100 + end;
    if (end <= start) end += 100;
  }
  if (end <= start || end - start > 12) return null;
  return { start, end };
}

export function findYearRanges(text: string, offset = 0): Found<YearRange>[] {
  const out: Found<YearRange>[] = [];
  RANGE_RE.lastIndex = 0;
  for (const m of text.matchAll(RANGE_RE)) {
    const r = rangeFromMatch(m);
    if (r) out.push({ value: r, start: offset + m.index, end: offset + m.index + m[0].length, quote: m[0] });
  }
  return out;
}

const PERIOD_RE =
  /(?<![\d])(?:([1-4])\.\s*(?:kvt\.?|kvartal)\s*((?:19|20)\d{2})|skoleåret\s+((?:19|20)\d{2}\/\d{2,4})|((?:19|20)\d{2}\/\d{2})(?!\d)|((?:19|20)\d{2})(?![\d/]))/giu;

/** The measurement periods in a text: "3. kvt. 2018" → "2018Q3", "skoleåret 2016/17" → "2016/17", "2017". */
export function findPeriods(text: string, offset = 0): Found<string>[] {
  const out: Found<string>[] = [];
  PERIOD_RE.lastIndex = 0;
  for (const m of text.matchAll(PERIOD_RE)) {
    let input: string;
    if (m[1] && m[2]) input = `${m[1]}. kvt. ${m[2]}`;
    else input = (m[3] ?? m[4] ?? m[5])!;
    const p = normalizePeriod(input);
    if (!p.ok) continue;
    out.push({ value: p.value, start: offset + m.index, end: offset + m.index + m[0].length, quote: m[0] });
  }
  return out;
}

/** An amount in kroner ("3,3 mio. kr.", "600 t.kr.", "120.000 kr.") → whole DKK, or null. */
export function toDkk(text: string, unit?: string): number | null {
  const r = parseDkk(text, unit === undefined ? {} : { unit });
  return r.ok ? r.value : null;
}

const AMOUNT_RE =
  /(?<![\d.,-])(?<!\d\s*[-–]\s*)(\d{1,3}(?:\.\d{3})+|\d+(?:,\s?\d+)?)\s*(?:(?:(?:mia|mio|mill)\.?|millioner|milliarder?)\s*(?:kr\.?|kroner)|t\.\s?kr\.?|tkr\.?|kr\.?|kroner)(?![\p{L}])/giu;

/** Money amounts written in running text, in whole DKK ("3,3 mio. kr.", "600 t.kr.", "120.000 kr."). */
export function findAmounts(text: string, offset = 0): Found<number>[] {
  const out: Found<number>[] = [];
  AMOUNT_RE.lastIndex = 0;
  for (const m of text.matchAll(AMOUNT_RE)) {
    const quote = m[0]
      .replace(/,\s(?=\d)/, ",")
      .replace(/\bmill\./i, "mio.")
      .replace(/\bmill\b/i, "mio");
    const dkk = toDkk(quote);
    if (dkk === null) continue;
    out.push({ value: dkk, start: offset + m.index, end: offset + m.index + m[0].length, quote: m[0] });
  }
  return out;
}

export interface Measured {
  value: number;
  unit: "pct." | "personer" | "kr." | "antal" | "procentpoint" | Duration;
}

type Duration = "timer" | "dage" | "uger" | "måneder";

/**
 * Words for people; besides these, a plural in -ere names people too (deltagere, lærere, and
 * any municipality's inhabitants: københavnere, aarhusianere), the comparatives aside.
 */
const PERSON_WORDS =
  /(?<![\p{L}\d])(?:personer|borgere|indbyggere|deltagere|børn|unge|elever|ledige|kvinder|mænd|flygtninge|beboere|ansatte|medarbejdere|kursister|virksomheder|familier|(?!tidligere|senere)\p{L}{5,}ere)(?![\p{L}\d])/iu;

/**
 * The first value with its unit in a statement: "15,3 pct.", "56 pct.", "37 nyankomne københavnere",
 * "57.000". `durations`: a span of time is a measure too ("12 dage" in a baseline), not an age.
 */
export function findMeasure(text: string, offset = 0, durations = false): Found<Measured> | null {
  const re = /(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(%|pct\.?|procent(?:point)?)?/giu;
  for (const m of text.matchAll(re)) {
    const value = danishDigits(m[1]!);
    if (value === null) continue;
    // Years, ages and grades are not measurements.
    if (!m[2] && /^(?:19|20)\d{2}$/.test(m[1]!)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!m[2] && /^\.\s*(?:klasse|kvt|kvartal)/i.test(after)) continue;
    if (!m[2] && /(?:karakteren|under|år|alderen|over)\s*$/i.test(before)) continue;
    const duration = /^\s*(timer|dage|døgn|uger|måneder)\b/i.exec(after);
    if (!m[2] && duration && durations) {
      const word = duration[1]!.toLowerCase();
      return {
        value: { value, unit: (word === "døgn" ? "dage" : word) as Duration },
        start: offset + m.index,
        end: offset + m.index + m[0].length + duration[0].length,
        quote: `${m[0].trim()} ${word}`,
      };
    }
    if (!m[2] && (duration || /^\s*år\b/i.test(after))) continue;
    let unit: Measured["unit"];
    if (m[2]) unit = /point/i.test(m[2]) ? "procentpoint" : "pct.";
    else if (/^\s*(?:mio\.?|mia\.?|t\.)?\s*kr/i.test(after)) unit = "kr.";
    else if (PERSON_WORDS.test(after.split(/[.,;]/)[0] ?? "")) unit = "personer";
    else unit = "antal";
    return {
      value: { value, unit },
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      quote: m[0].trim(),
    };
  }
  return null;
}
