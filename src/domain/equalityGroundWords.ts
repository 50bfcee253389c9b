// The equality grounds (diskriminationsgrunde) a text names, by the Danish words for them.
// Pure text matching, so it lives in domain/: inquiryScope uses it, and the
// ingest recognizers use it through ingest/recognize/grounds.ts.
import type { EqualityGround } from "./enums.ts";

const GROUND_ORDER: EqualityGround[] = [
  "gender",
  "race_ethnicity",
  "religion_belief",
  "age",
  "disability",
  "sexual_orientation",
  "gender_identity",
  "gender_expression",
  "sex_characteristics",
];

const B = "(?<![\\p{L}])";
const E = "(?![\\p{L}])";

const PATTERNS: [EqualityGround, RegExp][] = [
  // "køn" alone, or gender words; not the compounds that name other grounds (kønsidentitet …).
  [
    "gender",
    new RegExp(
      `${B}(?:køn(?:net|nene|nenes|s?mæssig\\p{L}*)?${E}|ligestilling mellem kønnene|kvinder og mænd|mænd og kvinder)`,
      "iu",
    ),
  ],
  [
    "race_ethnicity",
    new RegExp(
      `${B}(?:race${E}|racisme|racisti|etnicitet|etnisk|hudfarve|national(?:e)? (?:eller|og) etnisk|minoritetsbaggrund)`,
      "iu",
    ),
  ],
  [
    "religion_belief",
    new RegExp(
      `${B}(?:religi\\p{L}*|trosretning\\p{L}*|livssyn|(?:religion|overbevisning|livssyn)\\p{L}* (?:og|eller) tro${E}|tro og religion)`,
      "iu",
    ),
  ],
  ["age", new RegExp(`${B}(?:alder${E}|aldersdiskrimination|alderism)`, "iu")],
  [
    "disability",
    new RegExp(
      `${B}(?:handicap\\p{L}*|funktionsevne|funktionsnedsættelse\\p{L}*|funktionsnedsat\\p{L}*)`,
      "iu",
    ),
  ],
  [
    "sexual_orientation",
    new RegExp(
      `${B}(?:seksuel(?:le)? orientering|seksualitet\\p{L}*|homoseksu\\p{L}*|biseksu\\p{L}*|lesbisk\\p{L}*|bøsse\\p{L}*)`,
      "iu",
    ),
  ],
  [
    "gender_identity",
    new RegExp(`${B}(?:kønsidentitet\\p{L}*|transkøn\\p{L}*|transperson\\p{L}*|trans-personer)`, "iu"),
  ],
  ["gender_expression", new RegExp(`${B}kønsudtryk\\p{L}*`, "iu")],
  ["sex_characteristics", new RegExp(`${B}(?:kønskarakteristika|interkøn\\p{L}*|intersex\\p{L}*)`, "iu")],
];

// LGBT+ acronyms name several grounds at once: L, G, B → sexual orientation; T → gender
// identity; I → sex characteristics.
const ACRONYM = /(?<![\p{L}])(LGBT(?:Q?I?A?)?\+?|LGBTQI\+?|LGBTI\+?|LGBTIQ\+?)(?![\p{L}])/gu;

export interface GroundHit {
  ground: EqualityGround;
  start: number;
  end: number;
  quote: string;
}

const GLOBAL: [EqualityGround, RegExp][] = PATTERNS.map(([g, re]) => [g, new RegExp(re.source, "giu")]);

export function findGrounds(text: string, offset = 0): GroundHit[] {
  const hits: GroundHit[] = [];
  for (const [ground, g] of GLOBAL) {
    g.lastIndex = 0;
    for (const m of text.matchAll(g)) {
      hits.push({ ground, start: offset + m.index, end: offset + m.index + m[0].length, quote: m[0] });
    }
  }
  for (const m of text.matchAll(ACRONYM)) {
    const a = m[1]!;
    const grounds: EqualityGround[] = ["sexual_orientation", "gender_identity"];
    if (/I/.test(a.slice(4))) grounds.push("sex_characteristics");
    for (const ground of grounds) {
      hits.push({ ground, start: offset + m.index, end: offset + m.index + a.length, quote: a });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The distinct grounds, in the canonical order. */
export function groundsIn(text: string): EqualityGround[] {
  const found = new Set(findGrounds(text).map((h) => h.ground));
  return GROUND_ORDER.filter((g) => found.has(g));
}

/** Distinct grounds with the first place each was named. */
export function firstHits(text: string, offset = 0): GroundHit[] {
  const seen = new Map<EqualityGround, GroundHit>();
  for (const hit of findGrounds(text, offset)) if (!seen.has(hit.ground)) seen.set(hit.ground, hit);
  return GROUND_ORDER.filter((g) => seen.has(g)).map((g) => seen.get(g)!);
}
