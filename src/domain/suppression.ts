// Small-cell suppression (DESIGN.md §8): a figure based on fewer than `threshold`
// persons could identify someone, so it is shown and exported as "<5", never as the
// number. Every place that shows or exports a count or an n-based value goes
// through here, so the rule lives in one place.
import { formatNumberDa } from "./numberFormat.ts";

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** What is shown instead of a suppressed figure, e.g. "<5". */
export type SuppressedMarker = `<${number}`;

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`Diskretionsgrænsen skal være et helt tal på mindst 1 (fik ${threshold}).`);
  }
}

export function suppressionMarker(threshold = DEFAULT_SUPPRESSION_THRESHOLD): SuppressedMarker {
  checkThreshold(threshold);
  return `<${threshold}`;
}

/**
 * True when a figure based on `n` persons must be hidden. An unknown n (null or
 * undefined) is not suppressed: such values are aggregates published without a
 * count (e.g. a rate from Danmarks Statistik). Anything else that is not a finite
 * number at or above the threshold is suppressed, so bad data fails closed.
 * Zero is suppressed too: "nobody in the group" can be as revealing as "one person".
 */
export function isSuppressed(
  n: number | null | undefined,
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): boolean {
  checkThreshold(threshold);
  if (n === null || n === undefined) return false;
  return !(Number.isFinite(n) && n >= threshold);
}

/**
 * `isSuppressed` as an SQL condition on the expression `n` (of a number type), for queries
 * that suppress in the database (the open-data export): true for exactly the same n. NULL
 * is not suppressed; anything else that is not a finite number at or above the threshold
 * is. PostgreSQL sorts NaN above every number and infinity, so "finite" is written as
 * "below infinity". The test "the SQL rule suppresses exactly what isSuppressed does"
 * (opendata/publicView.test.ts) holds the two to each other on both databases.
 */
export function suppressedSql(n: string, threshold = DEFAULT_SUPPRESSION_THRESHOLD): string {
  checkThreshold(threshold);
  const value = `(${n})::float8`;
  return `(${n} IS NOT NULL AND NOT (${value} >= ${threshold} AND ${value} < 'Infinity'::float8))`;
}

/** The value itself, or the marker when its n is below the threshold. */
export function suppress<T>(
  value: T,
  n: number | null | undefined,
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): T | SuppressedMarker {
  return isSuppressed(n, threshold) ? suppressionMarker(threshold) : value;
}

export function isSuppressedMarker(value: unknown): value is SuppressedMarker {
  return typeof value === "string" && /^<\d+$/.test(value);
}

/** A count for display: "<5" below the threshold, otherwise Danish digits ("1.234"). */
export function displayCount(n: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Et antal skal være et helt tal ≥ 0 (fik ${n}).`);
  return isSuppressed(n, threshold) ? suppressionMarker(threshold) : formatNumberDa(n, 0);
}
