// Concrete initiatives listed per administration ("• Konkret initiativ: Titel: beskrivelse"),
// attributed to the administration whose section they stand in, with their funding flag.
import type { Evidence } from "../types.ts";
import type { AdministrationCode } from "./codes.ts";
import { cleanTitle, type Doc, isCaps, isHeadingLike } from "./doc.ts";
import { fundingOf } from "./funding.ts";
import { firstHits } from "./grounds.ts";
import type { Segment } from "./segments.ts";
import type { Sink } from "./sink.ts";

const ITEM = /^(?:konkret(?:e)?\s+initiativ(?:er)?|initiativ|indsats|tiltag)\s*:\s*/iu;

const TARGET_GROUPS: [string, RegExp][] = [
  ["børn", /\bbørn\b/i],
  ["unge", /\bunge\b/i],
  ["ældre", /\b(?:ældre|seniorer)\b/i],
  ["forældre", /\bforældre\b/i],
  ["medarbejdere", /\bmedarbejdere\b|\bansatte\b/i],
  ["flygtninge", /\bflygtninge\b/i],
  ["nyankomne", /\bnyankomne\b/i],
  ["kvinder", /\bkvinder\b/i],
  ["ledige", /\bledige\b/i],
  ["virksomheder", /\bvirksomheder\b/i],
  ["elever", /\b(?:skoleelever|elever)\b/i],
  ["borgere med handicap", /borgere med (?:handicap|\p{L}* ?nedsat funktionsevne)/iu],
  ["LGBTI+ personer", /\bLGBT\p{L}*\+?/u],
  ["transpersoner", /\btranspersoner\b/i],
  ["borgere med minoritetsbaggrund", /minoritetsbaggrund/i],
];

export function targetGroups(text: string): string[] {
  return TARGET_GROUPS.filter(([, re]) => re.test(text)).map(([name]) => name);
}

export interface AdminSection {
  code: AdministrationCode;
  startBlock: number;
  start: number;
  end: number;
}

/**
 * Sections per administration: a block that is (or ends with) an administration's full name,
 * possibly after a timeline caption in capitals or a page number the extraction glued on.
 */
export function adminSections(doc: Doc, seg: Segment): AdminSection[] {
  const out: AdminSection[] = [];
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const b = doc.blocks[i]!;
    if (b.bullet || b.text.length > 160) continue;
    const found = doc.units.findAdministrations(b.text, false);
    const last = found[found.length - 1];
    if (!last || last.end !== b.text.length) continue;
    const before = b.text.slice(0, last.start).trim();
    if (before && !isCaps(before) && !/^[\d\s.]+$/.test(before)) continue;
    if (out.length > 0 && out[out.length - 1]!.code === last.code) continue;
    out.push({
      code: last.code,
      startBlock: i,
      start: b.textStart + last.start,
      end: b.textStart + last.end,
    });
  }
  // A name standing as a heading once is no section structure; require several administrations.
  return out.length >= 2 ? out : [];
}

function splitTitle(body: string): { title: string; rest: number } {
  // "Titel: beskrivelse" — the first colon within reach ends the title.
  const colon = /^(.{3,170}?):\s/u.exec(body);
  if (colon && !/\b(?:at|fx|f\.eks|bl\.a|herunder)$/i.test(colon[1]!))
    return { title: colon[1]!, rest: colon[0].length };
  // No colon: the first clause (up to a comma or full stop) is the title.
  const clause = /^(.{8,160}?)(?:,\s|\.\s|\.$)/u.exec(body);
  if (clause && clause[1]!.split(/\s+/).length >= 3) return { title: clause[1]!, rest: clause[0].length };
  const words = body.split(/\s+/).slice(0, 12).join(" ");
  return { title: words, rest: words.length };
}

export interface InitiativeFound {
  key: string;
  title: string;
}

export function recognizeConcreteInitiatives(
  doc: Doc,
  seg: Segment,
  policyKey: string,
  sink: Sink,
  startIndex: number,
): InitiativeFound[] {
  const sections = adminSections(doc, seg);
  const found: InitiativeFound[] = [];
  for (let i = seg.startBlock; i < seg.endBlock; i++) {
    const b = doc.blocks[i]!;
    const m = ITEM.exec(b.text);
    // Only list items or paragraphs that open with the label; a mention in running text is no item.
    if (!m || (!b.bullet && !b.paraBefore)) continue;
    const body = b.text.slice(m[0].length);
    const { title: rawTitle, rest } = splitTitle(body);
    const title = cleanTitle(rawTitle);
    const titleStart = b.textStart + m[0].length + rawTitle.indexOf(title.slice(0, 4));
    const description = body.slice(rest).trim();
    const descStart = b.textStart + m[0].length + rest;
    const evidence: Evidence[] = [sink.ev("title", titleStart, titleStart + title.length)];
    if (description) evidence.push(sink.ev("description", descStart, b.end));

    const section = [...sections].reverse().find((s) => s.startBlock <= i);
    if (section) evidence.push(sink.ev("administration", section.start, section.end));
    // The funding remark may stand in a paragraph of its own right after the item.
    let funding = fundingOf(body, b.textStart + m[0].length);
    for (let k = i + 1; !funding && k < Math.min(seg.endBlock, i + 3); k++) {
      const next = doc.blocks[k]!;
      if (next.bullet || ITEM.test(next.text) || isHeadingLike(next, 80)) break;
      if (/^det bemærkes|initiativ/i.test(next.text)) funding = fundingOf(next.text, next.textStart);
    }
    if (funding) evidence.push(sink.ev("funding_status", funding.start, funding.end));
    const grounds = firstHits(body, b.textStart + m[0].length);
    for (const g of grounds) evidence.push(sink.ev(`equality_grounds:${g.ground}`, g.start, g.end));

    const key = sink.add({
      entity: "initiative",
      key: `${policyKey}/initiative:${startIndex + found.length + 1}`,
      parentKey: policyKey,
      fields: {
        title,
        description: description || null,
        administration: section?.code ?? null,
        committee: null,
        funding_status: funding?.status ?? "unknown",
        status: null,
        target_groups: targetGroups(body),
        equality_grounds: grounds.map((g) => g.ground),
      },
      confidence: 0.6 + (section ? 0.2 : 0) + (title.length <= 120 ? 0.1 : 0),
      evidence,
    });
    found.push({ key, title });
  }
  return found;
}
