// An administration's answer to questions from a member of the city council: who asked and when,
// the questions, who answered, when and under which case and document numbers.

import type { Evidence } from "../types.ts";
import type { Doc } from "./doc.ts";
import { firstHits } from "./grounds.ts";
import {
  addressee,
  caseNumber,
  dateNear,
  documentNumber,
  letterDate,
  salutation,
  setFound,
  signatory,
} from "./letter.ts";
import type { Sink } from "./sink.ts";
import { dominant } from "./units.ts";

const QUESTION_INTRO =
  /(?:følgende spørgsmål|spørgsmål(?:ene)? (?:lyder|er)|stillet (?:følgende|disse) spørgsmål|spørger)/i;

/** Score how much the document reads like an answer to a council member's questions. */
export function inquiryScore(doc: Doc): number {
  const head = doc.text.slice(0, 4000);
  let score = 0;
  if (
    /henvendelse|spørgsmål fra|dine spørgsmål|du stiller|stiller følgende spørgsmål|svar på spørgsmål/i.test(
      head,
    )
  )
    score += 2;
  if (/,\s*MB\b|medlem af \p{Lu}\p{L}+|rådmand|byrådsmedlem|kommunalbestyrelsesmedlem/iu.test(head))
    score += 1;
  if (/\bsvar\b/i.test(head)) score += 1;
  if (/(?:med )?venlig hilsen/i.test(doc.text)) score += 1;
  if (/^kære\s/im.test(head)) score += 1;
  return score;
}

function questions(doc: Doc, sink: Sink): { texts: string[]; evidence: Evidence[] } {
  const texts: string[] = [];
  const evidence: Evidence[] = [];
  const introAt = doc.blocks.findIndex((b) => QUESTION_INTRO.test(b.text));
  if (introAt >= 0) {
    // The questions are the list items after the intro (inside the quotation marks).
    for (let k = introAt + 1; k < Math.min(doc.blocks.length, introAt + 12); k++) {
      const b = doc.blocks[k]!;
      if (/^[”"“]$/.test(b.text)) continue;
      const numbered = /^\d{1,2}[.)]\s+/.exec(b.text);
      if (!b.bullet && !numbered) {
        if (texts.length > 0) break;
        continue;
      }
      const start = b.textStart + (numbered?.[0].length ?? 0);
      const text = b.text
        .slice(numbered?.[0].length ?? 0)
        .replace(/[”"]$/, "")
        .trim();
      texts.push(text);
      evidence.push(sink.ev(`questions[${texts.length - 1}]`, start, start + text.length));
    }
  }
  if (texts.length === 0) {
    // Fallback: numbered questions repeated in the answer ("1. Hvilke … ?").
    for (const b of doc.blocks) {
      const m = /^(\d{1,2})[.)]\s+(.*\?.*)$/.exec(b.text);
      if (!m) continue;
      const start = b.textStart + b.text.indexOf(m[2]!);
      texts.push(m[2]!.trim());
      evidence.push(sink.ev(`questions[${texts.length - 1}]`, start, start + m[2]!.length));
    }
  }
  return { texts, evidence };
}

export function recognizeInquiry(doc: Doc, sink: Sink): string {
  const fields: Record<string, unknown> = {};
  const evidence: Evidence[] = [];

  const asker = addressee(doc) ?? salutation(doc);
  fields.asked_by = asker?.name ?? null;
  if (asker) evidence.push(sink.ev("asked_by", asker.start, asker.end));

  // The date the question was asked: a date in the sentence about the inquiry.
  setFound(
    fields,
    evidence,
    sink,
    "asked_on",
    dateNear(doc, /henvendelse|spørgsmål|stillet|modtaget|skrevet/i, 40),
  );
  setFound(fields, evidence, sink, "answered_on", letterDate(doc));

  // The answering administration: "Socialforvaltningens svar", else the one the letter is about.
  let administration: string | null = null;
  for (const b of doc.blocks) {
    // The organisation's own names ("Magistratsafdelingen for Sundhed og Omsorgs svar"), right before "svar".
    const m = /^(.{5,90}?)\s+svar\b/iu.exec(b.text);
    const found = m ? doc.units.findAdministrations(m[1]!).find((f) => f.end === m[1]!.length) : undefined;
    if (found) {
      administration = found.code;
      evidence.push(sink.ev("administration", b.textStart + found.start, b.textStart + found.end));
      break;
    }
  }
  if (!administration) {
    const mentions = doc.units.findAdministrations(doc.text, false);
    administration = dominant(mentions, 0.6);
    const first = mentions.find((m) => m.code === administration);
    if (first) evidence.push(sink.ev("administration", first.start, first.end));
  }
  fields.administration = administration;

  const signer = signatory(doc);
  fields.signed_by = signer?.name ?? null;
  if (signer) {
    evidence.push(sink.ev("signed_by", signer.start, signer.end));
    if (signer.role) fields.signer_title = signer.role;
  }

  setFound(fields, evidence, sink, "case_number", caseNumber(doc));
  setFound(fields, evidence, sink, "document_number", documentNumber(doc));

  const q = questions(doc, sink);
  fields.questions = q.texts;
  fields.question_count = q.texts.length;
  evidence.push(...q.evidence);

  const grounds = firstHits(doc.text);
  fields.equality_grounds = grounds.map((g) => g.ground);
  for (const g of grounds) evidence.push(sink.ev(`equality_grounds:${g.ground}`, g.start, g.end));

  const known = [
    fields.asked_by,
    fields.asked_on,
    fields.answered_on,
    fields.signed_by,
    fields.case_number,
  ].filter((v) => v !== null).length;
  return sink.add({
    entity: "inquiry",
    key: "inquiry:1",
    fields,
    confidence: 0.5 + 0.08 * known,
    evidence,
  });
}
