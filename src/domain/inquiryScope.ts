// Proposes the scope of an inquiry's draft answer from the words of its
// questions: which equality grounds, administrations, policies and years it
// names. Only a proposal: the coordinator sees it pre-selected and edits it.
// Pure; the grounds come from the same word list the importer uses, so a
// question and an imported letter are read alike.
import type { EqualityGround } from "./enums.ts";
import { groundsIn } from "./equalityGroundWords.ts";

export interface ScopeAdministration {
  code: string;
  name: string;
}

export interface ScopePolicy {
  id: string;
  title: string;
}

export interface ProposedScope {
  equalityGrounds: EqualityGround[];
  /** Administration codes. */
  administrations: string[];
  policyIds: string[];
  years: number[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

/** An administration is named by its code (as written, "SOF") or its name, with or without the article. */
function namesAdministration(text: string, a: ScopeAdministration): boolean {
  if (new RegExp(`${B}${escapeRe(a.code)}${E}`, "u").test(text)) return true;
  const name = a.name.trim().toLowerCase();
  const stem = name.endsWith("en") ? name.slice(0, -2) : name;
  return stem.length >= 5 && new RegExp(`${B}${escapeRe(stem)}`, "iu").test(text);
}

// Words every policy title shares; they say nothing about which policy is meant. The
// organisation's own name ("Københavns Kommunes …") is added per organisation.
const GENERIC = [
  "politik",
  "politikken",
  "handleplan",
  "handleplanen",
  "kommune",
  "kommunes",
  "strategi",
  "strategien",
  "udvalgets",
  "forvaltningens",
];

/** The generic words, with the organisation's name words and their genitive ("københavns"). */
function genericWords(organisation: string | undefined): Set<string> {
  const own = (organisation?.toLowerCase().match(/\p{L}+/gu) ?? []).flatMap((w) => [w, `${w}s`]);
  return new Set([...GENERIC, ...own]);
}

function titleWords(title: string, generic: Set<string>): string[] {
  return (title.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 7 && !generic.has(w));
}

/** A policy is named when the text has one of its title's distinctive words (≥ 7 letters). */
function namesPolicy(lowerText: string, p: ScopePolicy, generic: Set<string>): boolean {
  return titleWords(p.title, generic).some((w) => new RegExp(`${B}${escapeRe(w)}${E}`, "u").test(lowerText));
}

/** Four-digit years 1990–2100, and every year of a range such as "2020-2023" or "2020–23". */
export function yearsIn(text: string): number[] {
  const years = new Set<number>();
  const plausible = (y: number) => y >= 1990 && y <= 2100;
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)?\d{2}))?(?!\d)/g)) {
    const from = Number(m[1]);
    if (!plausible(from)) continue;
    years.add(from);
    if (m[2]) {
      const to = m[2].length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
      if (plausible(to) && to > from && to - from <= 20) for (let y = from + 1; y <= to; y++) years.add(y);
    }
  }
  return [...years].sort((a, b) => a - b);
}

export function proposeInquiryScope(
  questions: readonly string[],
  known: {
    administrations: readonly ScopeAdministration[];
    policies: readonly ScopePolicy[];
    /** The organisation's name ("Københavns Kommune"): its words name no one policy. */
    organisation?: string;
  },
): ProposedScope {
  const text = questions.join("\n");
  const lower = text.toLowerCase();
  const generic = genericWords(known.organisation);
  return {
    equalityGrounds: groundsIn(text),
    administrations: known.administrations.filter((a) => namesAdministration(text, a)).map((a) => a.code),
    policyIds: known.policies.filter((p) => namesPolicy(lower, p, generic)).map((p) => p.id),
    years: yearsIn(text),
  };
}
