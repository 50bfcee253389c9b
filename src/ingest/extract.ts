// The importer's recognizers over normalized text: which kind of document this is, and the
// candidates (policies, themes, goals, indicators, initiatives, budget lines, annual targets,
// inquiry and hearing metadata) with their evidence. Pure: no I/O, no database.
import type { NormalizedText } from "./normalize.ts";
import { recognizeCommitteePlans } from "./recognize/committee-flow.ts";
import { cleanTitle, Doc, isCaps, isHeadingLike, sentenceCase } from "./recognize/doc.ts";
import { recognizeHearing } from "./recognize/hearing.ts";
import { recognizeInquiry } from "./recognize/inquiry.ts";
import { classify } from "./recognize/kind.ts";
import { caseNumber, documentNumber, letterDate, setFound } from "./recognize/letter.ts";
import { linkPlansToPolicies } from "./recognize/planParent.ts";
import { recognizePolicySegment } from "./recognize/policy-flow.ts";
import { Sink } from "./recognize/sink.ts";
import { recognizeStatusReport } from "./recognize/status-report.ts";
import { type OrganisationUnits, Units } from "./recognize/units.ts";
import type { DocumentKind, Evidence, Extraction } from "./types.ts";

function documentTitle(doc: Doc, sink: Sink, kind: DocumentKind): { title: string | null; ev: Evidence[] } {
  const first = sink.candidates.find((c) => c.entity === "policy" || c.entity === "hearing_response");
  if (kind === "hearing_response") {
    const h = doc.blocks.find((b) => /høring/i.test(b.text) && b.text.length <= 200);
    if (h) return { title: cleanTitle(h.text), ev: [sink.ev("title", h.textStart, h.end)] };
  }
  if (kind === "committee_action_plan") {
    const h = doc.blocks.find(
      (b) => /handleplaner\b/i.test(b.text) && b.text.length <= 120 && /\d{4}/.test(b.text),
    );
    if (h) return { title: sentenceCase(h.text), ev: [sink.ev("title", h.textStart, h.end)] };
  }
  // A document that holds several policies is named by all of them, not by the first:
  // a value of its third policy must not read as if it came from the first.
  const titles = sink.candidates
    .filter((c) => c.entity === "policy" && typeof c.fields.title === "string")
    .map((c) => c.fields.title as string);
  if ((kind === "policy" || kind === "action_plan") && new Set(titles).size > 1)
    return { title: [...new Set(titles)].join("; "), ev: [] };
  if (first && kind !== "inquiry_answer" && typeof first.fields.title === "string") {
    const ev = first.evidence.find((e) => e.field === "title");
    return { title: first.fields.title, ev: ev ? [ev] : [] };
  }
  const h = doc.blocks
    .slice(0, 20)
    .find((b) => isHeadingLike(b, 100) && !/^(?:til|kære|dato|sagsnr)/i.test(b.text) && b.text.length > 4);
  if (h)
    return {
      title: isCaps(h.text) ? sentenceCase(h.text) : cleanTitle(h.text),
      ev: [sink.ev("title", h.textStart, h.end)],
    };
  return { title: null, ev: [] };
}

/**
 * Recognize the document's kind and propose candidates with provenance. `org`: the
 * administrations and committees of the organisation importing it; the recognizers know none
 * of their own.
 */
export function extract(norm: NormalizedText, org: OrganisationUnits | Units): Extraction {
  const units = org instanceof Units ? org : new Units(org);
  const doc = new Doc(norm.text, units, norm.structure, norm.structured);
  const sink = new Sink(norm.text);
  const { kind, segments, plans } = classify(doc);

  switch (kind) {
    case "hearing_response":
      recognizeHearing(doc, sink);
      break;
    case "inquiry_answer":
      recognizeInquiry(doc, sink);
      break;
    case "committee_action_plan":
      recognizeCommitteePlans(doc, plans, sink);
      break;
    case "status_report":
      recognizeStatusReport(doc, sink);
      break;
    case "policy":
    case "action_plan":
      segments.forEach((seg, i) => {
        recognizePolicySegment(doc, seg, i + 1, sink);
      });
      linkPlansToPolicies(sink.candidates);
      break;
    default:
      break;
  }

  const { title, ev } = documentTitle(doc, sink, kind);
  const evidence: Evidence[] = [...ev];
  const fields: Record<string, unknown> = { title, kind };
  setFound(fields, evidence, sink, "case_number", caseNumber(doc));
  setFound(fields, evidence, sink, "document_number", documentNumber(doc));
  setFound(fields, evidence, sink, "dated", letterDate(doc));
  sink.add({
    entity: "document",
    key: "document",
    fields,
    confidence: kind === "unknown" ? 0.3 : 0.8,
    evidence,
  });
  return { documentKind: kind, candidates: sink.candidates, warnings: sink.warnings };
}
