// Danish amounts → integer DKK, and back. Budget tables in policy documents mix
// "1.234.567 kr.", "2,5 mio. kr." and columns headed "(1.000 kr.)"; the open-data
// package holds whole kroner only (DESIGN.md §4), so every amount passes through here.
import { danishDigits, NUMBER_MULTIPLIERS } from "./danishNumber.ts";
import { formatNumberDa } from "./numberFormat.ts";
import { err, ok, type Result } from "./result.ts";

function normalize(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, " ") // no-break and thin spaces group digits in Word
    .replace(/\s+/g, " ")
    .trim();
}

// Multiplier words that may stand in the amount itself ("2,5 mio. kr.", "250 t.kr.").
const TEXT_MULTIPLIERS: readonly [RegExp, number][] = [
  ...NUMBER_MULTIPLIERS,
  [/(?<![a-zæøå])(?:t\. ?kr|tkr|tusinde? kr)(?:\.|(?![a-zæøå]))/, 1_000],
];
// Only a unit given separately (a column heading) may say "1.000 kr.": in the amount
// itself "1.000 kr." is one thousand kroner.
const UNIT_MULTIPLIERS: readonly [RegExp, number][] = [
  ...TEXT_MULTIPLIERS,
  [/(?:^|[\s(])(?:i )?1\.000 kr\.?|kr\.? ?\(1\.000\)/, 1_000],
];
const CURRENCY = /(?<![a-zæøå])(?:kr|dkk|kroner)\.?(?![a-zæøå])/g;

function findMultiplier(
  text: string,
  table: readonly [RegExp, number][],
): { multiplier: number; rest: string } | null {
  for (const [re, multiplier] of table) {
    if (re.test(text)) return { multiplier, rest: text.replace(re, " ") };
  }
  return null;
}

/**
 * The multiplier a unit stands for: "kr." → 1, "1.000 kr." / "t.kr." → 1.000,
 * "mio. kr." → 1.000.000, "mia. kr." → 1.000.000.000. Empty means kroner.
 */
export function unitMultiplier(unit: string | null | undefined): Result<number> {
  const u = normalize(unit ?? "");
  if (u === "" || /^(?:kr\.?|dkk|kroner)$/.test(u)) return ok(1);
  const found = findMultiplier(u, UNIT_MULTIPLIERS);
  if (found && /^[\s()]*$/.test(found.rest.replace(CURRENCY, " "))) return ok(found.multiplier);
  return err(`Enheden "${unit}" kendes ikke. Brug fx kr., 1.000 kr. eller mio. kr.`);
}

/**
 * Parses an amount to whole kroner (rounded half away from zero). `unit` is the
 * unit given separately, e.g. a column heading "(1.000 kr.)"; a unit written in the
 * text itself ("2,5 mio. kr.") wins over it. Negative amounts may be written with
 * "-", "−", "÷" (Danish budgets) or in parentheses. "-", "–" and empty mean
 * "no amount" → null.
 */
export function parseDkk(
  text: string | null | undefined,
  options: { unit?: string | null } = {},
): Result<number | null> {
  const original = text ?? "";
  let s = normalize(original);
  if (s === "" || /^[-–—−÷]+$/.test(s) || s === "kr." || s === "kr") return ok(null);

  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren?.[1] !== undefined) {
    negative = true;
    s = paren[1].trim();
  }
  const signMatch = /^([-–−÷]) ?/.exec(s);
  if (signMatch) {
    negative = !negative;
    s = s.slice(signMatch[0].length);
  }

  const inText = findMultiplier(s, TEXT_MULTIPLIERS);
  let multiplier: number;
  if (inText) {
    multiplier = inText.multiplier;
    s = inText.rest;
  } else {
    const fromUnit = unitMultiplier(options.unit);
    if (!fromUnit.ok) return fromUnit;
    multiplier = fromUnit.value;
  }
  s = s.replace(CURRENCY, " ").replace(/\s+/g, " ").trim();
  // A sign may also follow a currency prefix: "kr. -1.200".
  const lateSign = /^([-–−÷]) ?/.exec(s);
  if (lateSign && !signMatch) {
    negative = !negative;
    s = s.slice(lateSign[0].length);
  }

  const value = danishDigits(s);
  if (value === null) return err(`Beløbet "${original.trim()}" kan ikke tolkes som kroner.`);
  const kroner = Math.round(value * multiplier);
  if (!Number.isSafeInteger(kroner)) return err(`Beløbet "${original.trim()}" er for stort.`);
  return ok(negative && kroner !== 0 ? -kroner : kroner);
}

export type DkkStyle = "full" | "millions" | "auto";

/**
 * Kroner for a Danish page: "1.234.567 kr." (full), "2,5 mio. kr." (millions, one
 * decimal by default), or "auto": millions from 1 mio. kr. and up.
 */
export function formatDkk(amount: number, options: { style?: DkkStyle; decimals?: number } = {}): string {
  const style = options.style ?? "full";
  const millions = style === "millions" || (style === "auto" && Math.abs(amount) >= 1_000_000);
  if (millions) return `${formatNumberDa(amount / 1_000_000, options.decimals ?? 1)} mio. kr.`;
  return `${formatNumberDa(amount, options.decimals ?? 0)} kr.`;
}

/** Full-time equivalents: 1.5 → "1,5 årsværk" (the word is the same in plural). */
export function formatFte(fte: number, decimals = 2): string {
  return `${formatNumberDa(fte, decimals)} årsværk`;
}

/** "1,5 årsværk", "0,5", "2 fte" → a number; "-" or empty → null. */
export function parseFte(text: string | null | undefined): Result<number | null> {
  const original = text ?? "";
  const s = normalize(original)
    .replace(/(?<![a-zæøå])(?:årsværk|fte|stillinger?)$/, "")
    .trim();
  if (s === "" || /^[-–—−]+$/.test(s)) return ok(null);
  const value = danishDigits(s);
  if (value === null) return err(`Antallet af årsværk "${original.trim()}" kan ikke tolkes.`);
  return ok(value);
}
