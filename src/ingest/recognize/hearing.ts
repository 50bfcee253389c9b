// A hearing response (høringssvar) on a draft policy: from which committee, to whom, the policy
// under hearing, the meeting that treated it, and the goals the committee picks.
import type { Evidence } from "../types.ts";
import { cleanTitle, type Doc } from "./doc.ts";
import { addressee, caseNumber, dateNear, documentNumber, setFound, signatory } from "./letter.ts";
import type { Sink } from "./sink.ts";
import { parseYearRange } from "./values.ts";

const HEARING_WORD = /høring\s?s?\s?svar|høringssvar|høringsvar|svar på høring/i;

export function hearingScore(doc: Doc): number {
  const head = doc.text.slice(0, 3000);
  let score = 0;
  if (HEARING_WORD.test(head)) score += 3;
  if (/\budkast(?:et)?\b/i.test(head)) score += 1;
  if (/høring/i.test(head)) score += 1;
  return score;
}

export function recognizeHearing(doc: Doc, sink: Sink): string {
  const fields: Record<string, unknown> = {};
  const evidence: Evidence[] = [];

  // "Høringssvar fra Socialudvalget om Københavns Kommunes Integrationspolitik 2015-2018"
  const heading = doc.blocks.find((b) => HEARING_WORD.test(b.text) && b.text.length <= 250);
  let policyTitle: string | null = null;
  if (heading) {
    const m = /\s(?:om|vedr\.?|vedrørende|til|af)\s+(?:udkast(?:et)?\s+til\s+)?(.+)$/iu.exec(heading.text);
    if (m) {
      policyTitle = cleanTitle(m[1]!);
      const at = heading.textStart + heading.text.lastIndexOf(m[1]!);
      evidence.push(sink.ev("policy_title", at, at + m[1]!.length));
    }
    const from = /\bfra\s+(.{3,80}?)(?:\s+(?:om|vedr|til)\b|$)/iu.exec(heading.text);
    const committee = from ? doc.units.findCommittees(from[1]!)[0] : undefined;
    if (from && committee) {
      fields.from_committee = committee.code;
      const at = heading.textStart + from.index + from[0].indexOf(from[1]!) + committee.start;
      evidence.push(sink.ev("from_committee", at, at + committee.end - committee.start));
    }
  }
  if (!policyTitle) {
    // "udkastet til Københavns Kommunes nye Integrationspolitik"
    for (const b of doc.blocks) {
      const m =
        /udkast(?:et)?\s+til\s+(.{5,120}?(?:politik|strategi|handleplan)\p{L}*(?:\s+(?:19|20)\d{2}\s*[-–]\s*\d{2,4})?)/iu.exec(
          b.text,
        );
      if (!m) continue;
      policyTitle = cleanTitle(m[1]!);
      const at = b.textStart + m.index + m[0].indexOf(m[1]!);
      evidence.push(sink.ev("policy_title", at, at + m[1]!.length));
      break;
    }
  }
  fields.policy_title = policyTitle;
  const period = policyTitle ? parseYearRange(policyTitle) : null;
  if (period) {
    fields.period_start = period.start;
    fields.period_end = period.end;
  }

  if (fields.from_committee === undefined) {
    // "på vegne af Socialudvalget"
    for (const b of doc.blocks) {
      const m = /på vegne af\s+(.{3,60})/i.exec(b.text);
      const c = m ? doc.units.findCommittees(m[1]!)[0] : undefined;
      if (m && c) {
        fields.from_committee = c.code;
        const at = b.textStart + m.index + m[0].indexOf(m[1]!) + c.start;
        evidence.push(sink.ev("from_committee", at, at + c.end - c.start));
        break;
      }
    }
  }
  fields.from_committee ??= null;

  const to = addressee(doc);
  fields.addressed_to = to?.name ?? null;
  if (to) {
    evidence.push(sink.ev("addressed_to", to.start, to.end));
    if (to.role) fields.addressed_to_role = to.role;
  }

  // The meeting: a date in a sentence about the committee's meeting.
  setFound(fields, evidence, sink, "meeting_date", dateNear(doc, /møde|behandlet/i));

  const signer = signatory(doc);
  fields.signed_by = signer?.name ?? null;
  if (signer) evidence.push(sink.ev("signed_by", signer.start, signer.end));
  setFound(fields, evidence, sink, "case_number", caseNumber(doc));
  setFound(fields, evidence, sink, "document_number", documentNumber(doc));

  // The goals the committee picks: the list after a sentence about chosen goals ("valgt tre … mål").
  const goals: string[] = [];
  const intro = doc.blocks.findIndex(
    (b) => /(?:valgt|vælger|udvalgt|bidrag\p{L}*)\b.*\bmål/iu.test(b.text) && /:$/.test(b.text),
  );
  if (intro >= 0) {
    for (let k = intro + 1; k < doc.blocks.length; k++) {
      const b = doc.blocks[k]!;
      if (!b.bullet && !/^\d{1,2}[.)]\s/.test(b.text)) break;
      const text = b.text
        .replace(/^\d{1,2}[.)]\s+/, "")
        .replace(/[,;.]+$/, "")
        .trim();
      const at = b.textStart + b.text.indexOf(text);
      goals.push(text);
      evidence.push(sink.ev(`goals_chosen[${goals.length - 1}]`, at, at + text.length));
    }
  }
  fields.goals_chosen = goals;

  const known = [
    policyTitle,
    fields.from_committee,
    fields.addressed_to,
    fields.meeting_date,
    fields.signed_by,
  ].filter((v) => v !== null).length;
  return sink.add({
    entity: "hearing_response",
    key: "hearing_response:1",
    fields,
    confidence: 0.5 + 0.08 * known,
    evidence,
  });
}
