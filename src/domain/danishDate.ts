// Danish dates in documents ("d. 11. november 2020", "3. dec. 2014", "11.11.2020")
// → ISO "2020-11-11", back to "11. november 2020", and deadlines counted in working
// days with the Danish public holidays (svarfrister for spørgsmål, høringsfrister).
// Dates are plain calendar dates: all arithmetic is in UTC so no time zone or
// daylight-saving change can move a date.
import { err, ok, type Result } from "./result.ts";

export const danishMonths = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
] as const;

const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function validDate(year: number, month: number, day: number, original: string): Result<string> {
  if (year < 1900 || year > 2100) return err(`Årstallet i datoen "${original}" er ikke plausibelt.`);
  if (month < 1 || month > 12) return err(`Måneden i datoen "${original}" findes ikke.`);
  if (day < 1 || day > daysInMonth(year, month)) return err(`Datoen "${original}" findes ikke.`);
  return ok(toIso(year, month, day));
}

// "nov", "nov.", "sept", "marts": any unambiguous prefix of at least three letters.
function monthFromWord(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const matches = danishMonths.flatMap((m, i) => (m.startsWith(word) ? [i + 1] : []));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Parses "d. 11. november 2020", "den 11. november 2020", "onsdag den 11. nov. 2020",
 * "20. november 2020", "3. dec. 2014", "11.11.2020", "11/11/2020", "11-11-2020" and
 * "2020-11-11". Two-digit years are refused rather than guessed.
 */
export function parseDanishDate(text: string): Result<string> {
  const original = text.trim();
  const s = original
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^(?:(?:man|tirs|ons|tors|fre|lør|søn)dag,? )?(?:(?:d\.|den) ?)?/, "")
    .trim();

  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]), original);

  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(s);
  if (m) return validDate(Number(m[4]), Number(m[3]), Number(m[1]), original);

  m = /^(\d{1,2})\.? ?([a-zæøå]+)\.? (\d{4})$/.exec(s);
  if (m?.[2]) {
    const month = monthFromWord(m[2]);
    if (month === undefined) return err(`Måneden "${m[2]}" i datoen "${original}" kendes ikke.`);
    return validDate(Number(m[3]), month, Number(m[1]), original);
  }
  return err(`Datoen "${original}" kan ikke tolkes. Skriv fx 11. november 2020 eller 11.11.2020.`);
}

function parseIso(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Forventede en dato som ÅÅÅÅ-MM-DD, fik "${iso}".`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Datoen "${iso}" findes ikke.`);
  }
  return { year, month, day };
}

function isoToMs(iso: string): number {
  const { year, month, day } = parseIso(iso);
  return Date.UTC(year, month - 1, day);
}

function msToIso(ms: number): string {
  const d = new Date(ms);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** "2020-11-11" → "11. november 2020". */
export function formatDanishDate(iso: string): string {
  const { year, month, day } = parseIso(iso);
  return `${day}. ${danishMonths[month - 1]} ${year}`;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), as ISO. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIso(year, month, day);
}

export interface HolidayOptions {
  /** Grundlovsdag, 5 June: not a public holiday by law, but most municipalities close. Default true. */
  constitutionDay?: boolean;
  /** Juleaftensdag, 24 December. Default false. */
  christmasEve?: boolean;
  /** Nytårsaftensdag, 31 December. Default false. */
  newYearsEve?: boolean;
}

export interface Holiday {
  date: string;
  name: string;
}

/**
 * The days off in a year, in date order: the public holidays (helligdage) plus the
 * configurable days. Store bededag was abolished as a holiday from 2024 (lov nr.
 * 105 of 28 February 2023), so it is included up to and including 2023.
 */
export function danishHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const easter = isoToMs(easterSunday(year));
  const fromEaster = (days: number, name: string): Holiday => ({
    date: msToIso(easter + days * DAY_MS),
    name,
  });
  const fixed = (month: number, day: number, name: string): Holiday => ({
    date: toIso(year, month, day),
    name,
  });
  const days: Holiday[] = [
    fixed(1, 1, "Nytårsdag"),
    fromEaster(-3, "Skærtorsdag"),
    fromEaster(-2, "Langfredag"),
    fromEaster(0, "Påskedag"),
    fromEaster(1, "2. påskedag"),
    ...(year <= 2023 ? [fromEaster(26, "Store bededag")] : []),
    fromEaster(39, "Kristi himmelfartsdag"),
    fromEaster(49, "Pinsedag"),
    fromEaster(50, "2. pinsedag"),
    ...((options.constitutionDay ?? true) ? [fixed(6, 5, "Grundlovsdag")] : []),
    ...(options.christmasEve ? [fixed(12, 24, "Juleaftensdag")] : []),
    fixed(12, 25, "1. juledag"),
    fixed(12, 26, "2. juledag"),
    ...(options.newYearsEve ? [fixed(12, 31, "Nytårsaftensdag")] : []),
  ];
  return days.sort((x, y) => x.date.localeCompare(y.date));
}

export function isWorkingDay(iso: string, options: HolidayOptions = {}): boolean {
  const ms = isoToMs(iso);
  const weekday = new Date(ms).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(iso.slice(0, 4));
  return !danishHolidays(year, options).some((h) => h.date === iso);
}

/**
 * The date `n` working days after `iso` (before it when n is negative), not counting
 * the start day: Friday + 1 is Monday. n = 0 returns the date unchanged.
 */
export function addWorkingDays(iso: string, n: number, options: HolidayOptions = {}): string {
  if (!Number.isInteger(n)) throw new RangeError(`Antallet af arbejdsdage skal være et helt tal (fik ${n}).`);
  const step = n < 0 ? -DAY_MS : DAY_MS;
  const holidays = new Map<number, Set<string>>();
  const isHoliday = (date: string) => {
    const year = Number(date.slice(0, 4));
    let set = holidays.get(year);
    if (!set) {
      set = new Set(danishHolidays(year, options).map((h) => h.date));
      holidays.set(year, set);
    }
    return set.has(date);
  };
  let ms = isoToMs(iso);
  let left = Math.abs(n);
  while (left > 0) {
    ms += step;
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isHoliday(msToIso(ms))) left--;
  }
  return msToIso(ms);
}

// Made once: building an Intl.DateTimeFormat with a time zone costs far more than
// formatting with it, and the portal asks for today's date on every uncached page.
const danishDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" });

/** The calendar day in Denmark as ISO: deadlines and "answered on" follow the municipality's day, not UTC's. */
export function todayInDenmark(at: Date = new Date()): string {
  return danishDay.format(at);
}
