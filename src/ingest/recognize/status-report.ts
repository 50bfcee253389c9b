// A section of a status report on equality work: which administration it concerns and which
// equality grounds it covers.
import type { Evidence } from "../types.ts";
import { cleanTitle, type Doc, isHeadingLike } from "./doc.ts";
import { firstHits } from "./grounds.ts";
import type { Sink } from "./sink.ts";
import { dominant } from "./units.ts";

export function statusReportScore(doc: Doc): number {
  let score = 0;
  const head = doc.text.slice(0, 3000);
  if (/\bstatus(?:rapport|redegørelse|opgørelse)?\b|redegørelse|afrapportering/i.test(head)) score += 2;
  if (firstHits(doc.text).length >= 2) score += 1;
  if (doc.units.findAdministrations(doc.text, false).length >= 1) score += 1;
  if (doc.text.length < 40_000) score += 1;
  return score;
}

export function recognizeStatusReport(doc: Doc, sink: Sink): string {
  const evidence: Evidence[] = [];
  const heading = doc.blocks.slice(0, 5).find((b) => isHeadingLike(b, 80));
  if (heading) evidence.push(sink.ev("title", heading.textStart, heading.end));
  const mentions = doc.units.findAdministrations(doc.text, false);
  const admin = dominant(mentions, 0.5);
  const first = mentions.find((m) => m.code === admin);
  if (first) evidence.push(sink.ev("owner_administration", first.start, first.end));
  const grounds = firstHits(doc.text);
  for (const g of grounds) evidence.push(sink.ev(`equality_grounds:${g.ground}`, g.start, g.end));
  return sink.add({
    entity: "policy",
    key: "policy:1",
    fields: {
      title: heading ? cleanTitle(heading.text) : null,
      kind: "status_report",
      period_start: null,
      period_end: null,
      owner_administration: admin,
      owner_committee: null,
      adopted_on: null,
      follow_up: null,
      equality_grounds: grounds.map((g) => g.ground),
    },
    confidence: admin ? 0.7 : 0.5,
    evidence,
  });
}
