// Which indicators of different municipalities measure the same thing, for the
// national comparison: the same title and the same unit, ignoring case,
// punctuation, spacing and Danish letters' spelling ("Andel i job, 16-64 år" and
// "andel i job 16–64 år" meet). Nothing is stored: the key is computed from
// what each municipality already published, so no coordinator has to keep a
// mapping, and two titles that differ in wording are honestly not compared.
import { slugify } from "./slug.ts";

const KEY_PART_MAX = 120;

function unitPart(unit: string | null | undefined): string {
  const text = (unit ?? "").replace(/%/g, " procent ").replace(/‰/g, " promille ");
  return slugify(text, 40) || "uden-enhed";
}

/** The comparison key of an indicator, usable in a URL: "<title>--<unit>". */
export function indicatorKey(title: string, unit: string | null | undefined): string {
  return `${slugify(title, KEY_PART_MAX) || "uden-titel"}--${unitPart(unit)}`;
}

/** Whether a URL segment has the shape of a key (so anything else is a 404 without a query). */
export function isIndicatorKey(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*--[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text) && text.length <= 200;
}
