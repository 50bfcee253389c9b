// Shared shapes of the import pipeline: reader → normalizer → recognizers → candidates.
// Pure data: nothing here touches the database.

/** What a reader returns: the document's text as extracted, before normalization. */
export interface RawText {
  /** Detected from the bytes, e.g. "application/pdf", "text/plain". */
  mediaType: string;
  text: string;
  /** For paged sources (PDF): where each page starts and ends in `text`. */
  pages?: { page: number; start: number; end: number }[];
  /** Title from document metadata, when the format has one. */
  metadataTitle?: string;
}

/** A place in the source a value came from. `offset` is in RawText.text. */
export interface SourceLocation {
  offset: number;
  page?: number;
}

export type DocumentKind =
  | "policy"
  | "action_plan"
  | "committee_action_plan"
  | "status_report"
  | "inquiry_answer"
  | "hearing_response"
  | "unknown";

export type CandidateEntity =
  | "document"
  | "policy"
  | "theme"
  | "goal"
  | "indicator"
  | "observation"
  | "initiative"
  | "budget_line"
  | "annual_target"
  | "inquiry"
  | "hearing_response";

/** Where one field's value was read: offsets into the normalized text, and the quote. */
export interface Evidence {
  field: string;
  start: number;
  end: number;
  quote: string;
}

export interface Candidate {
  /** Stable within one extraction, e.g. "policy:1/theme:2/goal:3". */
  key: string;
  entity: CandidateEntity;
  /** Key of the enclosing candidate (theme → policy, goal → theme or policy, budget_line → initiative …). */
  parentKey?: string;
  /** Other links by key, e.g. { goals: ["policy:1/goal:4"] } for an initiative. */
  refs?: Record<string, string[]>;
  /** Field names follow the open-data package columns (DESIGN.md §4). */
  fields: Record<string, unknown>;
  /** 0..1: how sure the recognizer is. */
  confidence: number;
  evidence: Evidence[];
}

export interface ExtractionWarning {
  code: string;
  message: string;
  start?: number;
  end?: number;
}

export interface Extraction {
  documentKind: DocumentKind;
  candidates: Candidate[];
  warnings: ExtractionWarning[];
}
