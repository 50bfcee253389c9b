// The one reader of numbers as Danes write them. Forms, the importer and amounts in
// kroner (money.ts) all come through here, so "1.500" is fifteen hundred everywhere.
import { err, ok, type Result } from "./result.ts";

/**
 * Words that multiply the number they follow ("2 mio.", "1,5 mia."), with their factor.
 * `(?<![a-zæøå])` rather than `\b`, so "2,5mio." is read too. Amounts add "t.kr." (money.ts).
 */
export const NUMBER_MULTIPLIERS: readonly [RegExp, number][] = [
  [/(?<![a-zæøå])(?:mia|milliard(?:er)?)(?:\.|(?![a-zæøå]))/, 1_000_000_000],
  [/(?<![a-zæøå])(?:mio|mill|million(?:er)?)(?:\.|(?![a-zæøå]))/, 1_000_000],
];

/**
 * Unsigned digits: "1.234.567,89", "1 234 567", "2,5", "1.000,-". A single "." not
 * followed by exactly three digits is read as an English decimal point ("2.5"), because
 * it cannot be a thousands separator. Anything else → null.
 */
export function danishDigits(text: string): number | null {
  const t = text.trim().replace(/,-$/, "");
  if (/^\d{1,3}(?:[. ]\d{3})+(?:,\d+)?$/.test(t) || /^\d+(?:,\d+)?$/.test(t)) {
    return Number(t.replace(/[. ]/g, "").replace(",", "."));
  }
  if (/^\d+\.\d{1,2}$/.test(t) || /^\d+\.\d{4,}$/.test(t)) return Number(t);
  return null;
}

/**
 * A number as a person types it: "1.234.567", "1,5", "-3" (also "−" and "÷"), "12 %"
 * (the number of percent), "2 mio." (two million). Empty → null; anything else is an error.
 */
export function parseDanishNumber(text: string | null | undefined): Result<number | null> {
  const original = (text ?? "").trim();
  let s = original
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, " ") // no-break and thin spaces group digits in Word
    .replace(/\s+/g, " ")
    .trim();
  if (s === "") return ok(null);
  const sign = /^([-–−÷]) ?/.exec(s);
  if (sign) s = s.slice(sign[0].length);
  s = s.replace(/ ?(?:%|pct\.?|procent)$/, "");
  let multiplier = 1;
  for (const [re, factor] of NUMBER_MULTIPLIERS) {
    const rest = s.replace(re, "");
    if (rest !== s) {
      multiplier = factor;
      s = rest.trim();
      break;
    }
  }
  const digits = danishDigits(s);
  if (digits === null) return err(`"${original}" er ikke et tal. Skriv fx 1.234,5.`);
  // toPrecision drops binary noise: 2.3 × 1.000.000 is 2.300.000, not 2.299.999,9999….
  const value = Number((digits * multiplier).toPrecision(15));
  if (!Number.isFinite(value)) return err(`"${original}" er for stort.`);
  return ok(sign && value !== 0 ? -value : value);
}
