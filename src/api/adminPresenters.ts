// Rows of the review queue and import summaries as API JSON, field by field.

import type { ReviewResult } from "../commands/candidateReviewer.ts";
import type { ImportSummary } from "../commands/documentImporter.ts";

export interface CandidateRow {
  id: string;
  version: number;
  documentId: string;
  filename: string;
  key: string;
  entity: string;
  fields: Record<string, unknown>;
  confidence: number;
  evidence: { field: string; start: number; end: number; quote: string; page?: number }[];
}

export function presentCandidate(row: CandidateRow) {
  return {
    id: row.id,
    version: row.version,
    documentId: row.documentId,
    filename: row.filename,
    key: row.key,
    entity: row.entity,
    confidence: row.confidence,
    fields: row.fields,
    evidence: row.evidence.map((e) => ({
      field: e.field,
      quote: e.quote,
      start: e.start,
      end: e.end,
      page: e.page ?? null,
    })),
  };
}

export function presentImportSummary(s: ImportSummary) {
  return {
    status: s.status,
    documentId: s.documentId,
    filename: s.filename,
    kind: s.kind,
    counts: s.counts,
    warnings: s.warnings.map((w) => ({ code: w.code, message: w.message })),
    diffs: s.diffs.map((d) => ({
      policyId: d.policyId,
      title: d.title,
      added: d.added,
      removed: d.removed,
      changed: d.changed,
    })),
    accepted: s.accepted,
    pending: s.pending,
    needsPlace: s.needsPlace.map((c) => ({ id: c.id, entity: c.entity, label: c.label })),
  };
}

export function presentReviewResult(r: ReviewResult) {
  return {
    accepted: r.accepted,
    rejected: r.rejected,
    skipped: r.skipped.map((s) => ({ id: s.id, reason: s.reason })),
  };
}
