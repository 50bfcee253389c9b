// A Word document's structure from mammoth's document tree: headings from paragraph styles
// (built-in names, Danish names, a style's outline level), list items from Word's numbering,
// tables from w:tbl with their header rows, and paragraphs that are headings only by their
// formatting (all bold, or larger than the body text) marked as emphasized.
import { collapseSpace, type DraftBlock, type DraftCell } from "./blockText.ts";
import type { DocxStyles } from "./docxStyles.ts";

/** mammoth's document tree, as much of it as the blocks need. */
export interface MammothElement {
  type?: string;
  value?: string;
  children?: MammothElement[];
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { isOrdered: boolean; level: string } | null;
  isBold?: boolean;
  fontSize?: number | null;
  breakType?: string;
  isHeader?: boolean;
  colSpan?: number;
  rowSpan?: number;
  noteType?: string;
  noteId?: string;
  body?: MammothElement[];
  notes?: { resolve(reference: MammothElement): MammothElement | null };
}

/** A paragraph's text and how much of it is bold or large. */
interface Content {
  text: string;
  letters: number;
  boldLetters: number;
  /** Letters per font size. */
  sizes: Map<number, number>;
}

export interface DocxReading {
  drafts: DraftBlock[];
  /** Paragraph by paragraph as lines (see linesText), for documents whose paragraphs are lines. */
  lines: string;
}

function headingLevel(p: MammothElement, styles: DocxStyles): number | null {
  const name = (p.styleName ?? "").trim();
  const numbered = /^(?:heading|overskrift)\s*(\d)$/i.exec(name);
  if (numbered) return Number(numbered[1]);
  if (/^(?:title|titel)$/i.test(name)) return 1;
  if (/^(?:subtitle|undertitel)$/i.test(name)) return 2;
  return styles.of(p.styleId).outlineLevel ?? null;
}

class Reader {
  private readonly counters = new Map<object, { level: number; count: number }>();
  private readonly read = new WeakMap<MammothElement, Content>();
  private readonly notes: MammothElement[] = [];
  private nextList = 0;
  private listOpen = false;

  constructor(
    private readonly styles: DocxStyles,
    private readonly document: MammothElement,
  ) {}

  /** Read once per paragraph: notes are collected the first time. */
  content(p: MammothElement): Content {
    const known = this.read.get(p);
    if (known) return known;
    const out: Content = { text: "", letters: 0, boldLetters: 0, sizes: new Map() };
    const para = this.styles.of(p.styleId);
    const parts: string[] = [];
    const visit = (e: MammothElement, bold: boolean, size: number): void => {
      switch (e.type) {
        case "text": {
          const v = e.value ?? "";
          parts.push(v);
          const letters = v.replace(/[^\p{L}\d]/gu, "").length;
          out.letters += letters;
          if (bold) out.boldLetters += letters;
          out.sizes.set(size, (out.sizes.get(size) ?? 0) + letters);
          return;
        }
        case "tab":
          parts.push("\t");
          return;
        case "break":
          if (e.breakType === "line" || e.breakType === undefined) parts.push("\n");
          return;
        case "noteReference": {
          const note = this.document.notes?.resolve(e);
          if (note) this.notes.push(note);
          return;
        }
        case "run": {
          const own = this.styles.of(e.styleId);
          const runBold = e.isBold || own.bold || (para.bold ?? false);
          const runSize = e.fontSize ?? own.fontSize ?? para.fontSize ?? this.styles.defaultFontSize;
          for (const c of e.children ?? []) visit(c, runBold, runSize);
          return;
        }
        default:
          for (const c of e.children ?? []) visit(c, bold, size);
      }
    };
    for (const c of p.children ?? []) visit(c, false, this.styles.defaultFontSize);
    out.text = parts.join("");
    this.read.set(p, out);
    return out;
  }

  /** The number Word shows for a numbered paragraph: counters per list level, deeper ones restart. */
  private number(numbering: NonNullable<MammothElement["numbering"]>): number {
    const level = Number(numbering.level) || 0;
    for (const [key, counter] of this.counters) if (counter.level > level) this.counters.delete(key);
    const counter = this.counters.get(numbering) ?? { level, count: 0 };
    counter.count++;
    this.counters.set(numbering, counter);
    return counter.count;
  }

  private cellText(cell: MammothElement): string {
    const parts: string[] = [];
    const visit = (e: MammothElement): void => {
      if (e.type === "paragraph") parts.push(this.content(e).text);
      else for (const c of e.children ?? []) visit(c);
    };
    visit(cell);
    return parts.join(" ");
  }

  table(t: MammothElement): DraftBlock {
    const rows: DraftCell[][] = [];
    let headerRows = 0;
    let bodySeen = false;
    for (const row of t.children ?? []) {
      if (row.type !== "tableRow") continue;
      const cells: DraftCell[] = [];
      for (const c of row.children ?? []) {
        if (c.type !== "tableCell") continue;
        const cell: DraftCell = { text: this.cellText(c) };
        if ((c.colSpan ?? 1) > 1) cell.colSpan = c.colSpan!;
        if ((c.rowSpan ?? 1) > 1) cell.rowSpan = c.rowSpan!;
        cells.push(cell);
      }
      rows.push(cells);
      if (row.isHeader && !bodySeen) headerRows = rows.length;
      else bodySeen = true;
    }
    // Every row marked as a header says nothing (mammoth reads w:tblHeader w:val="0" as set).
    const marked = headerRows > 0 && headerRows < rows.length ? headerRows : 0;
    return { kind: "table", rows, headerRows: marked || this.boldFirstRow(t) };
  }

  /** A first row set in bold over rows that are not: the header of a table Word was not told about. */
  private boldFirstRow(t: MammothElement): number {
    const rows = (t.children ?? []).filter((r) => r.type === "tableRow");
    if (rows.length < 2) return 0;
    const boldShare = (row: MammothElement): number => {
      let letters = 0;
      let bold = 0;
      const visit = (e: MammothElement): void => {
        if (e.type === "paragraph") {
          const c = this.content(e);
          letters += c.letters;
          bold += c.boldLetters;
        } else for (const x of e.children ?? []) visit(x);
      };
      visit(row);
      return letters === 0 ? 0 : bold / letters;
    };
    return boldShare(rows[0]!) >= 0.9 && boldShare(rows[1]!) < 0.5 ? 1 : 0;
  }

  paragraph(p: MammothElement, bodySize: number): DraftBlock | null {
    const content = this.content(p);
    const level = headingLevel(p, this.styles);
    const numbering = p.numbering;
    if (numbering) {
      const n = this.number(numbering);
      if (level !== null) {
        this.listOpen = false;
        return numbering.isOrdered
          ? { kind: "heading", level, text: content.text, marker: `${n}.` }
          : { kind: "heading", level, text: content.text };
      }
      if (!this.listOpen) this.nextList++;
      this.listOpen = true;
      return {
        kind: "list_item",
        text: content.text,
        depth: Number(numbering.level) || 0,
        ordered: numbering.isOrdered,
        marker: numbering.isOrdered ? `${n}.` : "•",
        list: this.nextList,
      };
    }
    if (collapseSpace(content.text) === "") return null;
    this.listOpen = false;
    if (level !== null) return { kind: "heading", level, text: content.text };
    return emphasized(content, bodySize)
      ? { kind: "paragraph", text: content.text, emphasized: true }
      : { kind: "paragraph", text: content.text };
  }

  /** Footnotes and endnotes, in the order they were referenced, as paragraphs at the end. */
  noteParagraphs(): DraftBlock[] {
    const out: DraftBlock[] = [];
    for (const note of this.notes)
      for (const p of note.body ?? [])
        if (p.type === "paragraph") out.push({ kind: "paragraph", text: this.content(p).text });
    return out;
  }
}

/** Short text set all in bold, or clearly larger than the body text: a heading by formatting. */
function emphasized(c: Content, bodySize: number): boolean {
  const text = collapseSpace(c.text);
  if (c.letters < 2 || text.length > 150 || /[.,;]$/.test(text) || text.includes("\n")) return false;
  if (c.boldLetters >= 0.9 * c.letters) return true;
  let smallest = Number.POSITIVE_INFINITY;
  for (const size of c.sizes.keys()) smallest = Math.min(smallest, size);
  return smallest >= bodySize + 1.5;
}

/** The font size most of the body text is set in. */
function bodyFontSize(reader: Reader, paragraphs: readonly MammothElement[], fallback: number): number {
  const letters = new Map<number, number>();
  for (const p of paragraphs) {
    if (p.numbering) continue;
    for (const [size, n] of reader.content(p).sizes) letters.set(size, (letters.get(size) ?? 0) + n);
  }
  let best = fallback;
  let most = 0;
  for (const [size, n] of letters) {
    if (n > most) {
      most = n;
      best = size;
    }
  }
  return best;
}

/** A top-level element read: its block (none for an empty paragraph) and its text as written. */
interface Item {
  draft: DraftBlock | null;
  /** The paragraph's text with its opening and closing space (see linesText). */
  raw: string;
}

/** The document's blocks, and its paragraphs as lines. */
export function readDocxTree(document: MammothElement, styles: DocxStyles): DocxReading {
  const reader = new Reader(styles, document);
  const top = document.children ?? [];
  const body = bodyFontSize(
    reader,
    top.filter((e) => e.type === "paragraph"),
    styles.defaultFontSize,
  );
  const items: Item[] = [];
  for (const e of top) {
    if (e.type === "paragraph")
      items.push({
        draft: reader.paragraph(e, body),
        raw: reader.content(e).text.replace(/[ \t\r\f\v]+/g, " "),
      });
    else if (e.type === "table") items.push({ draft: reader.table(e), raw: "" });
  }
  const drafts = items.map((i) => i.draft).filter((d): d is DraftBlock => d !== null);
  drafts.push(...reader.noteParagraphs());
  return { drafts, lines: linesText(items) };
}

/**
 * The text of a document whose every paragraph is one printed line (a PDF converted to Word):
 * paragraphs follow each other with a line break and an empty paragraph is the blank line that
 * separated paragraphs and table cells on the page; headings, lists and tables stand apart with
 * a blank line. A space opening or closing a paragraph is kept: it marks a new paragraph's indent
 * and a soft wrap, as a PDF's text layer has them, and the normalizer reads both.
 */
function linesText(items: readonly Item[]): string {
  const out: string[] = [];
  let gap: 1 | 2 = 1;
  const line = (text: string, before: 1 | 2): void => {
    if (out.length > 0) out.push(gap === 2 || before === 2 ? "\n\n" : "\n");
    out.push(text);
    gap = 1;
  };
  let previous: DraftBlock | null = null;
  for (const { draft, raw } of items) {
    if (!draft) {
      gap = 2;
      continue;
    }
    // Headings, tables and lists stand apart from the lines around them.
    const apart = (d: DraftBlock | null): boolean =>
      d !== null && (d.kind === "heading" || d.kind === "table" || d.kind === "list_item");
    const before: 1 | 2 =
      draft.kind === "list_item" && previous?.kind === "list_item"
        ? 1
        : apart(draft) || apart(previous)
          ? 2
          : 1;
    switch (draft.kind) {
      case "heading":
        line(`${"#".repeat(draft.level)} ${collapseSpace(draft.text)}`, before);
        break;
      case "list_item":
        line(
          `${"  ".repeat(draft.depth)}${draft.ordered ? draft.marker : "-"} ${collapseSpace(draft.text)}`,
          before,
        );
        break;
      case "table":
        draft.rows.forEach((row, r) => {
          line(row.map((c) => collapseSpace(c.text)).join("\t"), r === 0 ? before : 1);
        });
        break;
      case "paragraph":
        raw.split("\n").forEach((part, i) => {
          line(part, i === 0 ? before : 1);
        });
        break;
    }
    previous = draft;
  }
  return out
    .join("")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
