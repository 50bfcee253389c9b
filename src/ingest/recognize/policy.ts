// A policy or action plan as a whole: its title, period, owner, adoption date and the rules for
// following it up (who collects status, how often, for whom).
import type { Evidence } from "../types.ts";
import type { AdministrationCode, CommitteeCode } from "./codes.ts";
import { type Block, cleanTitle, type Doc, isCaps, isHeadingLike, sentenceCase } from "./doc.ts";
import type { Segment } from "./segments.ts";
import { segmentPeriod } from "./segments.ts";
import type { Sink } from "./sink.ts";
import { dominant } from "./units.ts";
import { findDates } from "./values.ts";

const FOLLOW_UP_HEADING = /opfølgning|status|evaluering|realisering|implementering|monitorering/i;
const FOLLOW_UP_TEXT = /(?:status|opfølgning|følge op|evaluering|midtvejs|afrapporter)/i;

export interface PolicyInfo {
  key: string;
  segment: Segment;
  periodStart: number | null;
  periodEnd: number | null;
  ownerAdministration: AdministrationCode | null;
  ownerCommittee: CommitteeCode | null;
}

function blocksOf(doc: Doc, seg: Segment): Block[] {
  return doc.blocks.slice(seg.startBlock, seg.endBlock);
}

/** A slogan title: quoted after the name ("LGBTI+ politik ”En ligeværdig …”") or a cover in capitals. */
function slogan(doc: Doc, seg: Segment): { text: string; start: number; end: number } | null {
  for (const m of seg.mentions) {
    const after = doc.text.slice(m.end, m.end + 200);
    const q = /^\s*(?:(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2}\s*)?[”"“]([^”"“\n]{4,120})[”"“]/.exec(after);
    if (q) {
      const start = m.end + after.indexOf(q[1]!);
      return { text: cleanTitle(q[1]!), start, end: start + q[1]!.length };
    }
  }
  // A cover title in capitals, perhaps spread over a few blocks ("LAD OS" / "INVESTERE I" / …).
  const first = blocksOf(doc, seg).slice(0, 4);
  const start = first.findIndex((b) => isCaps(b.text) && !/\d/.test(b.text));
  if (start >= 0) {
    let end = start;
    while (end + 1 < first.length && isCaps(first[end + 1]!.text) && !/\d/.test(first[end + 1]!.text)) end++;
    const text = first
      .slice(start, end + 1)
      .map((b) => b.text)
      .join(" ");
    const words = text.split(/\s+/);
    if (words.length >= 2 && words.length <= 10) {
      return { text: sentenceCase(text), start: first[start]!.textStart, end: first[end]!.end };
    }
  }
  return null;
}

/** The paragraphs about follow-up: sections headed by opfølgning/status/evaluering/realisering. */
function followUpBlocks(doc: Doc, seg: Segment, inTable: (block: number) => boolean): Block[] {
  const blocks = blocksOf(doc, seg);
  const out: Block[] = [];
  let inSection = false;
  for (const b of blocks) {
    // A table inside the section (indicators and committees) neither ends it nor is its text.
    if (inTable(b.index)) continue;
    if (isHeadingLike(b, 80)) {
      inSection = FOLLOW_UP_HEADING.test(b.text);
      continue;
    }
    if (inSection && !b.bullet && b.text.length > 60 && out.length < 8) out.push(b);
  }
  if (out.length === 0) {
    for (const b of blocks) {
      if (
        !b.bullet &&
        FOLLOW_UP_TEXT.test(b.text) &&
        /(?:årlig|hvert år|midtvejs|ved udgangen|forelægges|forelagt)/i.test(b.text)
      ) {
        out.push(b);
        if (out.length >= 4) break;
      }
    }
  }
  return out.filter((b) => FOLLOW_UP_TEXT.test(b.text) || /udløber|forelagt|forelægges/i.test(b.text));
}

function periodEndFromExpiry(doc: Doc, seg: Segment): { year: number; start: number; end: number } | null {
  for (const b of blocksOf(doc, seg)) {
    const m =
      /(?:udløber|gælder|løber)\s+(?:ved udgangen af|til udgangen af|frem til|til og med|indtil)\s+(?:år\s+)?((?:19|20)\d{2})/i.exec(
        b.text,
      );
    if (m) {
      const at = b.textStart + m.index + m[0].lastIndexOf(m[1]!);
      return { year: Number(m[1]), start: at, end: at + 4 };
    }
  }
  return null;
}

/** "… blev vedtaget af Byrådet den 12. marts 2026": the council is whatever body is named. */
function adoptedOn(doc: Doc, seg: Segment): { iso: string; start: number; end: number } | null {
  for (const b of blocksOf(doc, seg)) {
    const m =
      /(?:blev|er)\s+vedtaget\s+(?:af|i)\s+(?:\p{Lu}\p{L}+|kommunalbestyrelsen|byrådet)\s+(?:den|d\.)\s*/iu.exec(
        b.text,
      );
    if (!m || !/politik|handleplan|strategi/i.test(b.text.slice(Math.max(0, m.index - 80), m.index)))
      continue;
    const at = m.index + m[0].length;
    const d = findDates(b.text.slice(at, at + 30), b.textStart + at)[0];
    if (d && d.start === b.textStart + at) return { iso: d.value, start: d.start, end: d.end };
  }
  return null;
}

/** `inTable`: whether a block is part of a table (tables.ts), whatever the format made of it. */
export function recognizePolicy(
  doc: Doc,
  seg: Segment,
  index: number,
  sink: Sink,
  inTable: (block: number) => boolean = (i) => !!doc.blocks[i]?.table,
): PolicyInfo {
  const evidence: Evidence[] = [];
  const firstMention = seg.mentions[0];
  const name = seg.display.replace(/^Lgbti/i, "LGBTI");
  const s = slogan(doc, seg);
  const title = s ? `${name}: ${s.text}` : name;
  if (firstMention) evidence.push(sink.ev("title", firstMention.start, firstMention.end));
  if (s) evidence.push(sink.ev("title", s.start, s.end));

  let periodStart: number | null = null;
  let periodEnd: number | null = null;
  const period = segmentPeriod(doc, seg);
  if (period) {
    periodStart = period.value.start;
    periodEnd = period.value.end;
    evidence.push(
      sink.ev("period_start", period.start, period.end),
      sink.ev("period_end", period.start, period.end),
    );
  } else {
    const expiry = periodEndFromExpiry(doc, seg);
    if (expiry) {
      periodEnd = expiry.year;
      evidence.push(sink.ev("period_end", expiry.start, expiry.end));
    }
  }

  // Owner: who the follow-up rules make responsible; else the administration the plan is about.
  const follow = followUpBlocks(doc, seg, inTable);
  const followText = follow.map((b) => b.text).join("\n");
  const offsetOf = (pos: number): number => {
    let acc = 0;
    for (const b of follow) {
      if (pos < acc + b.text.length + 1) return b.textStart + pos - acc;
      acc += b.text.length + 1;
    }
    return 0;
  };
  const followAdmins = doc.units.findAdministrations(followText, false);
  const followCommittees = doc.units.findCommittees(followText);
  let ownerAdministration: AdministrationCode | null = dominant(followAdmins, 0.5);
  let ownerCommittee: CommitteeCode | null = dominant(followCommittees, 0.5);
  for (const [field, code, list] of [
    ["owner_administration", ownerAdministration, followAdmins],
    ["owner_committee", ownerCommittee, followCommittees],
  ] as const) {
    const m = list.find((x) => x.code === code);
    if (m) evidence.push(sink.ev(field, offsetOf(m.start), offsetOf(m.start) + m.end - m.start));
  }
  if (!ownerAdministration && !ownerCommittee) {
    // No follow-up section: the committee or administration the whole text keeps coming back to.
    const segText = doc.text.slice(seg.start, seg.end);
    const committees = doc.units.findCommittees(segText);
    const topCommittee = dominant(committees, 0.6);
    const admins = doc.units.findAdministrations(segText, false);
    const topAdmin = dominant(admins, 0.5);
    if (topCommittee && committees.filter((c) => c.code === topCommittee).length >= 2) {
      ownerCommittee = topCommittee;
      const m = committees.find((c) => c.code === topCommittee)!;
      evidence.push(sink.ev("owner_committee", seg.start + m.start, seg.start + m.end));
    } else if (topAdmin && admins.filter((a) => a.code === topAdmin).length >= 3) {
      ownerAdministration = topAdmin;
      const m = admins.find((a) => a.code === topAdmin)!;
      evidence.push(sink.ev("owner_administration", seg.start + m.start, seg.start + m.end));
    }
  }
  // In these municipalities each committee has one administration, so one names the other.
  if (ownerCommittee && !ownerAdministration)
    ownerAdministration = doc.units.administrationOfCommittee(ownerCommittee);
  if (ownerAdministration && !ownerCommittee)
    ownerCommittee = doc.units.committeeOfAdministration(ownerAdministration);

  const adopted = adoptedOn(doc, seg);
  if (adopted) evidence.push(sink.ev("adopted_on", adopted.start, adopted.end));
  for (const b of follow.slice(0, 3)) evidence.push(sink.ev("follow_up", b.textStart, b.end));

  const fields: Record<string, unknown> = {
    title,
    kind: seg.kind,
    period_start: periodStart,
    period_end: periodEnd,
    owner_administration: ownerAdministration,
    owner_committee: ownerCommittee,
    adopted_on: adopted?.iso ?? null,
    follow_up: followText ? followText.slice(0, 1500) : null,
  };
  if (s) fields.subtitle = s.text;
  const key = sink.add({
    entity: "policy",
    key: `policy:${index}`,
    fields,
    confidence: 0.6 + (period ? 0.2 : 0) + (s ? 0.1 : 0),
    evidence,
  });
  return { key, segment: seg, periodStart, periodEnd, ownerAdministration, ownerCommittee };
}
