// URL slugs for Danish titles: "Københavns Kommunes integrationspolitik 2011–14"
// → "koebenhavns-kommunes-integrationspolitik-2011-14". Deterministic (same title,
// same slug on every export), so open-data identifiers stay stable (DESIGN.md §4).

export const DEFAULT_SLUG_MAX_LENGTH = 80;

// Danish letters have conventional ASCII spellings; NFKD would turn "ø" into "o"
// and "å" into "a", which reads wrong ("kobenhavn"). Neighbouring languages too.
const TRANSLITERATIONS: Record<string, string> = {
  æ: "ae",
  ø: "oe",
  å: "aa",
  ä: "ae",
  ö: "oe",
  ü: "ue",
  ß: "ss",
  "&": " og ",
};

export function slugify(text: string, maxLength = DEFAULT_SLUG_MAX_LENGTH): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError("maxLength skal være mindst 1.");
  const ascii = text
    .toLowerCase()
    .replace(/[æøåäöüß&]/g, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return truncateSlug(slug, maxLength);
}

// Cut at a word boundary when one is reasonably close, so a slug does not end in
// half a word; a single very long word is cut hard.
function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const hard = slug.slice(0, maxLength);
  if (slug[maxLength] === "-") return hard.replace(/-+$/, "");
  const lastDash = hard.lastIndexOf("-");
  const cut = lastDash >= maxLength / 2 ? hard.slice(0, lastDash) : hard;
  return cut.replace(/-+$/, "");
}

/**
 * A slug not in `taken`: the plain slug, else "-2", "-3", … appended (still within
 * maxLength). `fallback` is used when the text has no letters or digits at all.
 */
export function uniqueSlug(
  text: string,
  taken: ReadonlySet<string> | ((slug: string) => boolean),
  options: { maxLength?: number; fallback?: string } = {},
): string {
  const maxLength = options.maxLength ?? DEFAULT_SLUG_MAX_LENGTH;
  const isTaken = typeof taken === "function" ? taken : (s: string) => taken.has(s);
  const base = slugify(text, maxLength) || slugify(options.fallback ?? "uden-titel", maxLength);
  if (!isTaken(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = `${truncateSlug(base, Math.max(1, maxLength - suffix.length))}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}
