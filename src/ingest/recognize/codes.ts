// Administrations (forvaltninger) and committees (udvalg) by the names and abbreviations
// municipal documents use. Names are matched in any inflection ("Socialforvaltningens"),
// also when a cover prints them in capitals with the word cut ("OMSORGS UDVALGETS").

export type AdministrationCode = "BIF" | "BUF" | "KFF" | "SOF" | "SUF" | "TMF" | "ØKF";
export type CommitteeCode = "BIU" | "BUU" | "KFU" | "SOU" | "SUU" | "TMU" | "ØU";

interface Unit<C extends string> {
  code: C;
  /** The name as written in running text. */
  name: string;
  /** The area stem shared by administration and committee ("Beskæftigelses- og Integrations"). */
  stem: string;
}

const AREAS: { stem: string; admin: AdministrationCode; committee: CommitteeCode }[] = [
  { stem: "Beskæftigelses- og Integrations", admin: "BIF", committee: "BIU" },
  { stem: "Børne- og Ungdoms", admin: "BUF", committee: "BUU" },
  { stem: "Kultur- og Fritids", admin: "KFF", committee: "KFU" },
  { stem: "Social", admin: "SOF", committee: "SOU" },
  { stem: "Sundheds- og Omsorgs", admin: "SUF", committee: "SUU" },
  { stem: "Teknik- og Miljø", admin: "TMF", committee: "TMU" },
  { stem: "Økonomi", admin: "ØKF", committee: "ØU" },
];

export const ADMINISTRATIONS: Unit<AdministrationCode>[] = AREAS.map((a) => ({
  code: a.admin,
  name: `${a.stem}forvaltningen`,
  stem: a.stem,
}));
export const COMMITTEES: Unit<CommitteeCode>[] = AREAS.map((a) => ({
  code: a.committee,
  name: `${a.stem}udvalget`,
  stem: a.stem,
}));

export function committeeOfAdministration(code: AdministrationCode): CommitteeCode {
  return AREAS.find((a) => a.admin === code)!.committee;
}

export function administrationOfCommittee(code: CommitteeCode): AdministrationCode {
  return AREAS.find((a) => a.committee === code)!.admin;
}

export function committeeName(code: CommitteeCode): string {
  return COMMITTEES.find((c) => c.code === code)!.name;
}

// "Beskæftigelses- og Integrations" → a pattern that tolerates spacing and case changes.
function stemPattern(stem: string): string {
  return stem
    .split(/\s+/)
    .map((w) => w.replace(/-$/, "-\\s*").replace(/[+]/g, "\\+"))
    .join("\\s*");
}

function unitRegex(stem: string, suffix: string): RegExp {
  // Ungdoms/Unge: older texts write "Børne- og Ungeforvaltningen".
  const s = stemPattern(stem).replace("Ungdoms", "Ung(?:doms|e)");
  return new RegExp(`(?<![\\p{L}])${s}\\s*${suffix}(?:s|en|ens|et|ets|erne|ernes)?(?![\\p{L}])`, "giu");
}

const ADMIN_RES = AREAS.map((a) => ({ code: a.admin, re: unitRegex(a.stem, "forvaltning") }));
const COMMITTEE_RES = AREAS.map((a) => ({ code: a.committee, re: unitRegex(a.stem, "udvalg") }));
const MEETING_RES = AREAS.map((a) => ({
  code: a.committee,
  re: new RegExp(`(?<![\\p{L}])${stemPattern(a.stem)}udvalgsmød\\p{L}*`, "giu"),
}));
// Abbreviations for administrations are unambiguous in these documents; committee ones are not
// ("SOU" was once Sundheds- og Omsorgsudvalget), so they are only read in code lists.
const ADMIN_ABBR = /(?<![\p{L}])(BIF|BUF|KFF|SOF|SUF|TMF|ØKF)(?![\p{L}])/gu;

export interface Mention<C extends string> {
  code: C;
  start: number;
  end: number;
}

function findAll<C extends string>(text: string, res: { code: C; re: RegExp }[]): Mention<C>[] {
  const out: Mention<C>[] = [];
  if (!/forvaltning|udvalg/i.test(text)) return out;
  for (const { code, re } of res) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push({ code, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function findAdministrations(text: string, withAbbreviations = true): Mention<AdministrationCode>[] {
  const found = findAll(text, ADMIN_RES);
  if (withAbbreviations) {
    for (const m of text.matchAll(ADMIN_ABBR)) {
      found.push({ code: m[1] as AdministrationCode, start: m.index, end: m.index + m[0].length });
    }
    found.sort((a, b) => a.start - b.start);
  }
  return found;
}

export function findCommittees(text: string): Mention<CommitteeCode>[] {
  // "Socialudvalgsmødet": the committee's meeting names the committee too.
  const out = findAll(text, COMMITTEE_RES);
  if (/udvalgsmød/i.test(text)) {
    for (const { code, re } of MEETING_RES) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) out.push({ code, start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Letters only, lower case: "SUNDHEDS- OG OMSORGS UDVALGETS" → "sundhedsogomsorgsudvalgets". */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}]/gu, "");
}

/** A committee named in text whose words may be cut or spaced apart (covers, contents lists). */
export function committeeInCompact(text: string): CommitteeCode | null {
  const c = compact(text);
  for (const a of AREAS) {
    if (c.includes(`${compact(a.stem)}udvalg`)) return a.committee;
  }
  return null;
}

/** Count mentions per code. */
export function tally<C extends string>(mentions: readonly Mention<C>[]): Map<C, number> {
  const counts = new Map<C, number>();
  for (const m of mentions) counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
  return counts;
}

/** The most mentioned code, if it clearly leads. */
export function dominant<C extends string>(mentions: readonly Mention<C>[], minShare = 0.5): C | null {
  const counts = [...tally(mentions)].sort((a, b) => b[1] - a[1]);
  const total = mentions.length;
  const top = counts[0];
  if (!top || total === 0) return null;
  return top[1] / total >= minShare ? top[0] : null;
}
