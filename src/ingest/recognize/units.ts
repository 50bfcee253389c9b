// An organisation's administrations (forvaltninger) and committees (udvalg) as documents write
// them. Patterns are derived from the names and codes in the organisation's own tables, so a
// document from any municipality is read with that municipality's units:
//  - compound names in any inflection ("Socialforvaltningens", "Børne- og Ungeforvaltningen"),
//    also when a cover prints them in capitals with the word cut ("OMSORGS UDVALGETS");
//  - the sibling form: an administration "Sundheds- og Omsorgsforvaltningen" is also read as
//    "Sundheds- og Omsorgsudvalget" for its committee when that committee has the same area;
//  - "X for Y" names ("Magistratsafdelingen for Sundhed og Omsorg", "Udvalget for Kultur"), with
//    the area alone ("Sundhed og Omsorg") standing for the administration when written as a name;
//  - administration codes as abbreviations ("SOF", "MSO"). Committee codes are not read in running
//    text: they collide too often ("SOU" was once Sundheds- og Omsorgsudvalget).

export interface UnitName {
  code: string;
  name: string;
}

/** What the recognizers need to know about the organisation a document is imported into. */
export interface OrganisationUnits {
  administrations: readonly UnitName[];
  committees: readonly UnitName[];
}

export interface Mention<C extends string = string> {
  code: C;
  start: number;
  end: number;
}

interface Area {
  code: string;
  /** The name as given. */
  name: string;
  /** The area words: "Børne- og Ungdoms" from "Børne- og Ungdomsforvaltningen", "Sundhed og Omsorg". */
  area: string;
  /** The area stands as free words in the name (not glued to a head noun). */
  free: boolean;
  /** The head noun of the name ("forvaltning", "afdeling", "udvalg"). */
  head: string | null;
  /** Comparable form of the area, to pair an administration with its committee. */
  key: string;
}

const HEADS = "forvaltning|udvalg|afdeling|direktion|sekretariat|enhed";
const INFLECTION = "(?:s|en|ens|et|ets|erne|ernes)?";
// Words Danish unit names spell in more than one way ("Ungdoms"/"Unge").
const VARIANTS: Record<string, string> = { ungdom: "ung(?:doms?|e)", unge: "ung(?:doms?|e)" };

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function parseName(code: string, raw: string): Area {
  const name = raw.trim().replace(/\s+/g, " ");
  const pre = new RegExp(`^(\\p{L}*?(?:${HEADS}))(?:en|et)?\\s+(?:for|om)\\s+(.+)$`, "iu").exec(name);
  if (pre) return area(code, name, pre[2]!, true, pre[1]!.toLowerCase());
  const post = new RegExp(`^(.+?)\\s*(${HEADS})(?:en|et)?$`, "iu").exec(name);
  if (post) return area(code, name, post[1]!, false, post[2]!.toLowerCase());
  return area(code, name, name, true, null);
}

function area(code: string, name: string, words: string, free: boolean, head: string | null): Area {
  return { code, name, area: words.trim(), free, head, key: areaKey(words) };
}

/** "Sundheds- og Omsorgs" and "Sundhed og Omsorg" → "sundhed omsorg". */
function areaKey(words: string): string {
  return words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w && w !== "og")
    .map((w) => {
      const bare = w.length > 3 ? w.replace(/s$/, "") : w;
      return VARIANTS[bare] ? "ung" : bare.length > 4 ? bare.replace(/e$/, "") : bare;
    })
    .join(" ");
}

/** One area word: linking "s" optional, known spelling variants. */
function wordPattern(word: string): string {
  const w = word.replace(/-$/, "");
  if (w.length <= 2) return escapeRe(w);
  const stem = w.length > 3 && /s$/i.test(w) ? w.slice(0, -1) : w;
  return `${VARIANTS[stem.toLowerCase()] ?? escapeRe(stem)}s?`;
}

/** "Beskæftigelses- og Integrations" → a pattern that tolerates spacing, hyphens and case. */
function areaPattern(words: string): string {
  return words.split(/\s+/).filter(Boolean).map(wordPattern).join("-?\\s*");
}

/** The area pattern for text stripped to letters (see compactOf). */
function compactArea(words: string): string {
  return words
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => wordPattern(compactOf(w)))
    .join("");
}

const compactOf = (text: string): string => text.toLowerCase().replace(/[^\p{L}]/gu, "");

function findAll(text: string, res: readonly { code: string; re: RegExp }[]): Mention[] {
  const out: Mention[] = [];
  for (const { code, re } of res) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push({ code, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Sorted; a mention inside another of the same unit (or a repeat of it) is dropped. */
function tidy<C extends string>(found: Mention<C>[]): Mention<C>[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const reach = new Map<C, number>();
  return found.filter((m) => {
    if (m.end <= (reach.get(m.code) ?? -1)) return false;
    reach.set(m.code, m.end);
    return true;
  });
}

export class Units {
  private readonly admins: Area[];
  private readonly committees: Area[];
  private readonly adminRes: { code: string; re: RegExp }[];
  private readonly committeeRes: { code: string; re: RegExp }[];
  private readonly meetingRes: { code: string; re: RegExp }[];
  private readonly weakRes: { code: string; re: RegExp }[];
  private readonly compactRes: { code: string; re: RegExp }[];
  private readonly abbreviations: RegExp | null;
  private readonly prefilter: RegExp;
  private readonly pairs = new Map<string, string>();

  constructor(org: OrganisationUnits) {
    this.admins = org.administrations.map((u) => parseName(u.code, u.name));
    this.committees = org.committees.map((u) => parseName(u.code, u.name));
    this.adminRes = this.admins.flatMap((a) => this.unitRegexes(a, "forvaltning"));
    this.committeeRes = this.committees.flatMap((c) => this.unitRegexes(c, "udvalg"));
    // "Socialudvalgsmødet": the committee's meeting names the committee too.
    this.meetingRes = this.committees.map((c) => ({
      code: c.code,
      re: new RegExp(`(?<![\\p{L}])${areaPattern(c.area)}\\s*udvalgsmød\\p{L}*`, "giu"),
    }));
    // The area alone ("kultur- og fritidsområdet") is a weaker sign of a committee.
    this.weakRes = this.committees
      .filter((c) => c.area.includes(" og "))
      .map((c) => ({ code: c.code, re: new RegExp(escapeRe(c.area).replace(/- og /, "-? og "), "iu") }));
    this.compactRes = this.committees.map((c) => ({
      code: c.code,
      re: new RegExp(
        c.free
          ? `${compactOf(c.head ?? "udvalg")}(?:et)?(?:for|om)${compactOf(c.area)}|${compactArea(c.area)}udvalg`
          : `${compactArea(c.area)}udvalg`,
        "iu",
      ),
    }));
    const codes = this.admins.map((a) => a.code).filter((c) => /^\p{Lu}{2,6}$/u.test(c));
    this.abbreviations = codes.length
      ? new RegExp(`(?<![\\p{L}])(${codes.map(escapeRe).join("|")})(?![\\p{L}])`, "gu")
      : null;
    const heads = new Set(["forvaltning", "udvalg"]);
    for (const u of [...this.admins, ...this.committees]) if (u.head) heads.add(u.head);
    const freeAreas = [...this.admins, ...this.committees].filter((u) => u.free).map((u) => escapeRe(u.area));
    this.prefilter = new RegExp([...heads, ...freeAreas].join("|"), "i");
    for (const a of this.admins) {
      const c = this.committees.find((x) => x.key === a.key);
      if (c) this.pairs.set(a.code, c.code);
    }
  }

  /** Every way the unit's name is written: compound, "X for Y", and the free area as a name. */
  private unitRegexes(u: Area, kind: "forvaltning" | "udvalg"): { code: string; re: RegExp }[] {
    const heads = [...new Set([kind, u.head ?? kind])].join("|");
    const areaRe = areaPattern(u.area);
    // "Sundheds- og Omsorgsudvalget" and "Udvalget for Sundhed og Omsorg" name the same unit.
    const forms = [
      `${areaRe}\\s*(?:${heads})${INFLECTION}`,
      `\\p{L}*?(?:${heads})(?:en|ens|et|ets)?\\s+(?:for|om)\\s+${areaRe}`,
    ];
    const out: { code: string; re: RegExp }[] = [];
    if (u.free) {
      // The free area alone, written as a name (title case or capitals), not as common words,
      // and not inside another unit's "… for Y".
      if (kind === "forvaltning" && u.area.split(/\s+/).length >= 2) {
        const anyCase = HEADS.split("|")
          .map((h) => `[${h[0]!.toUpperCase()}${h[0]}]${h.slice(1)}`)
          .join("|");
        out.push({
          code: u.code,
          re: new RegExp(
            `(?<![\\p{L}])(?<!(?:${anyCase})\\p{L}*\\s+(?:for|om)\\s+)(?:${escapeRe(u.area)}|${escapeRe(u.area.toUpperCase())})s?(?![\\p{L}])`,
            "gu",
          ),
        });
      }
    } else if (u.head && u.head !== kind) {
      // "Borgmesterens Afdeling": the name as written.
      forms.push(`${escapeRe(u.name).replace(/(?:en|et)$/i, "")}${INFLECTION}`);
    }
    out.unshift({ code: u.code, re: new RegExp(`(?<![\\p{L}])(?:${forms.join("|")})(?![\\p{L}])`, "giu") });
    return out;
  }

  findAdministrations(text: string, withAbbreviations = true): Mention[] {
    const found = this.prefilter.test(text) ? findAll(text, this.adminRes) : [];
    if (withAbbreviations && this.abbreviations) {
      this.abbreviations.lastIndex = 0;
      for (const m of text.matchAll(this.abbreviations))
        found.push({ code: m[1]!, start: m.index, end: m.index + m[0].length });
    }
    return tidy(found);
  }

  findCommittees(text: string): Mention[] {
    if (!this.prefilter.test(text)) return [];
    const out = findAll(text, this.committeeRes);
    if (/udvalgsmød/i.test(text)) out.push(...findAll(text, this.meetingRes));
    return tidy(out);
  }

  /** A committee named in text whose words may be cut or spaced apart (covers, contents lists). */
  committeeInCompact(text: string): string | null {
    const c = compactOf(text);
    return this.compactRes.find((x) => x.re.test(c))?.code ?? null;
  }

  /** A committee's plan title, however cut or spaced ("SUNDHEDS- OG OMSORGS UDVALGETS HANDLEPLAN"). */
  committeePlanInCompact(text: string): string | null {
    const c = compactOf(text);
    if (!c.includes("handleplan")) return null;
    for (const { code, re } of this.compactRes) {
      const m = re.exec(c);
      if (m && /^(?:ets?|s)?handleplan/.test(c.slice(m.index + m[0].length))) return code;
    }
    return null;
  }

  /** Committees whose area the text names without saying administration or committee. */
  areaMentions(text: string): string[] {
    return this.weakRes.filter((x) => x.re.test(text)).map((x) => x.code);
  }

  isAdministrationCode(word: string): boolean {
    return this.admins.some((a) => a.code === word);
  }

  /** The committee over an administration: the one with the same area. */
  committeeOfAdministration(code: string): string | null {
    return this.pairs.get(code) ?? null;
  }

  administrationOfCommittee(code: string): string | null {
    for (const [admin, committee] of this.pairs) if (committee === code) return admin;
    return null;
  }

  committeeName(code: string): string | null {
    return this.committees.find((c) => c.code === code)?.name ?? null;
  }
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
