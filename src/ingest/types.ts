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
  /**
   * The document's structure as the format states it (Word styles, numbering and tables; HTML
   * elements; PDF geometry), in reading order. Each block's `start`/`end` is its span in `text`,
   * which is the blocks written out in the common text shape (read.ts), so a block and the text
   * always agree. Absent where the reader has no structure to give (plain text: the normalizer
   * finds the blocks).
   *
   * A span holds the block's own text, without the mark the common shape writes before it
   * ("# ", "- ", "3. "). A line break inside a span is a line break the author made (Word's
   * w:br, HTML's <br>), kept as one; in a block marked `wrapped` it is where a printed line
   * ended, and the normalizer joins the lines as it joins plain text (hyphens, spaces).
   */
  blocks?: Block[];
}

/** One structural unit of a document, whatever its format. Offsets are into RawText.text. */
interface BlockBase {
  start: number;
  end: number;
  /** 1-based page, for paged sources. */
  page?: number;
  /** PDF only: the geometry that decided the block (points, origin at the page's top left). */
  geometry?: BlockGeometry;
  /** The line breaks inside the span are printed line ends, to be joined (see RawText.blocks). */
  wrapped?: boolean;
  /**
   * PDF only: the block goes on the paragraph before it after a line break its author made (the
   * line before ended early, with no paragraph spacing), as a Word soft break or HTML <br> would.
   */
  lineBreakBefore?: boolean;
}

export interface BlockGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Dominant font size of the block's text, and whether that text is bold. */
  fontSize: number;
  bold: boolean;
  /** 0-based column on the page, where the page is set in columns. */
  column?: number;
}

export interface HeadingBlock extends BlockBase {
  kind: "heading";
  /** 1 = the document's top heading level. */
  level: number;
  text: string;
  /** The number the format shows before the heading ("2.", "2.1"), when it numbers headings. */
  marker?: string;
}

export interface ParagraphBlock extends BlockBase {
  kind: "paragraph";
  text: string;
  /** The whole paragraph is bold or larger than the body (a heading only by formatting). */
  emphasized?: boolean;
}

export interface ListItemBlock extends BlockBase {
  kind: "list_item";
  text: string;
  /** 0 = top level. */
  depth: number;
  ordered: boolean;
  /** The marker as shown ("3.", "a)", "•"), when known. */
  marker?: string;
  /** Items of one list share this number; a new list gets a new one. */
  list: number;
}

/** A cell's text is one line (line breaks inside a cell become spaces). */
export interface TableCell {
  text: string;
  start: number;
  end: number;
  colSpan?: number;
  rowSpan?: number;
}

export interface TableBlock extends BlockBase {
  kind: "table";
  /** Rows of cells; in the common text shape one line per row, cells separated by a tab. */
  rows: TableCell[][];
  /** How many leading rows are header rows (0 when the format does not say and none is found). */
  headerRows: number;
}

export type Block = HeadingBlock | ParagraphBlock | ListItemBlock | TableBlock;

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
