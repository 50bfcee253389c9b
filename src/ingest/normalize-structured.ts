// The normalizer for documents whose reader gave blocks (Word, HTML, Markdown, PDF): the blocks
// decide the lines, so nothing is guessed from line breaks. Each block's text is cleaned as plain
// text is (markup leftovers, odd spaces, ligatures, bullet glyphs), a wrapped block's printed
// lines are joined (hyphens repaired), and every line keeps its structure: heading and level,
// list and depth, table and cells.
import { Emitter, type LineStructure } from "./normalize-emit.ts";
import { type Join, joinWithin, runContext, typicalWidth, Vocabulary } from "./normalize-join.ts";
import { type CleanLine, cleanLine } from "./normalize-lines.ts";
import type { Block, RawText } from "./types.ts";

/** The cleaned lines of a raw span (lines split at line breaks). */
function spanLines(raw: string, start: number, end: number): CleanLine[] {
  const lines: CleanLine[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || raw[i] === "\n") {
      lines.push(cleanLine(raw, from, i));
      from = i + 1;
    }
  }
  return lines.filter((l) => l.text !== "" || l.bullet !== null);
}

class StructuredWriter {
  readonly out: Emitter;
  private vocab: Vocabulary | null = null;
  private docWidth = 0;
  private previous: LineStructure | null = null;
  private lists = new Map<number, number>();
  private nextList = 0;
  private nextTable = 0;
  /** The id of the list that bullet paragraphs run in, while they follow each other. */
  private bulletList = -1;

  constructor(
    private readonly raw: RawText,
    private readonly blocks: readonly Block[],
  ) {
    this.out = new Emitter(raw.text.length + 64);
  }

  /** Vocabulary and width for joining wrapped lines, from the wrapped blocks' own lines. */
  private joinContext(): { vocab: Vocabulary; width: number } {
    if (!this.vocab) {
      const lines = this.blocks
        .filter((b) => b.wrapped && b.kind !== "table")
        .flatMap((b) => spanLines(this.raw.text, b.start, b.end));
      this.vocab = new Vocabulary(lines);
      this.docWidth = typicalWidth(lines);
    }
    return { vocab: this.vocab, width: this.docWidth };
  }

  /** How the lines of one block join: as a wrapped paragraph (hyphens repaired), or with spaces. */
  private joins(lines: readonly CleanLine[], wrapped: boolean): Join[] {
    if (!wrapped) return lines.slice(1).map(() => "space");
    const { vocab, width } = this.joinContext();
    const ctx = runContext(lines, vocab, width);
    return lines.slice(1).map((line, i) => {
      const join = joinWithin(lines[i]!, line, ctx);
      return join === "break" ? "space" : join;
    });
  }

  /** Starts a line: a blank line before a new block, a line break inside one. */
  private startLine(structure: LineStructure, at: number, tight: boolean): void {
    if (this.previous) this.out.push(tight ? "\n" : "\n\n", Math.max(0, at - 1));
    this.out.structure.push(structure);
    this.previous = structure;
  }

  private listId(raw: number): number {
    let id = this.lists.get(raw);
    if (id === undefined) {
      id = this.nextList++;
      this.lists.set(raw, id);
    }
    return id;
  }

  heading(b: Extract<Block, { kind: "heading" }>): void {
    const lines = spanLines(this.raw.text, b.start, b.end);
    if (lines.length === 0) return;
    this.bulletList = -1;
    const structure: LineStructure = { kind: "heading", level: Math.max(1, b.level) };
    this.startLine(structure, b.start, false);
    if (b.marker) this.out.push(`${b.marker} `, b.start);
    this.out.pushJoined(lines, this.joins(lines, b.wrapped ?? false), this.raw.text.length);
  }

  paragraph(b: Extract<Block, { kind: "paragraph" }>): void {
    const lines = spanLines(this.raw.text, b.start, b.end);
    // Hard line breaks stay: each line its own; a wrapped paragraph is one line.
    const groups = b.wrapped ? [lines] : lines.map((l) => [l]);
    groups.forEach((group, g) => {
      if (group.length === 0) return;
      const first = group[0]!;
      // A paragraph that opens with a bullet glyph is a list item whatever the format called it.
      const bullet = first.bullet !== null;
      let structure: LineStructure;
      if (bullet) {
        if (this.previous?.kind !== "list_item" || this.bulletList < 0) this.bulletList = this.nextList++;
        structure = { kind: "list_item", list: { id: this.bulletList, depth: 0, ordered: false } };
      } else {
        this.bulletList = -1;
        structure = b.emphasized ? { kind: "paragraph", emphasized: true } : { kind: "paragraph" };
      }
      const tight =
        g > 0 ||
        (bullet && this.previous?.kind === "list_item") ||
        (!bullet && b.lineBreakBefore === true && this.previous?.kind !== "heading");
      this.startLine(structure, first.rawStart, tight);
      if (bullet) this.out.push("• ", first.bulletAt);
      this.out.pushJoined(group, this.joins(group, b.wrapped ?? false), this.raw.text.length);
    });
  }

  listItem(b: Extract<Block, { kind: "list_item" }>): void {
    const lines = spanLines(this.raw.text, b.start, b.end);
    if (lines.length === 0) return;
    this.bulletList = -1;
    const id = this.listId(b.list);
    const previous = this.previous;
    const tight =
      previous?.kind === "list_item" &&
      (previous.list?.id === id || b.depth > 0 || (previous.list?.depth ?? 0) > 0);
    this.startLine(
      { kind: "list_item", list: { id, depth: Math.max(0, b.depth), ordered: b.ordered } },
      b.start,
      tight,
    );
    this.out.push(b.ordered ? `${b.marker ?? "1."} ` : "• ", b.start);
    this.out.pushJoined(lines, this.joins(lines, b.wrapped ?? false), this.raw.text.length);
  }

  table(b: Extract<Block, { kind: "table" }>): void {
    const id = this.nextTable++;
    this.bulletList = -1;
    let row = 0;
    for (const cells of b.rows) {
      if (cells.length === 0) continue;
      const spans: { start: number; end: number }[] = [];
      const structure: LineStructure = {
        kind: "table_row",
        table: { id, row, header: row < b.headerRows, cells: spans },
      };
      this.startLine(structure, cells[0]!.start, row > 0);
      cells.forEach((cell, c) => {
        if (c > 0) this.out.push("\t", Math.max(0, cell.start - 1));
        const start = this.out.length;
        const lines = spanLines(this.raw.text, cell.start, cell.end);
        if (lines.length > 0) {
          if (lines[0]!.bullet !== null) this.out.push("• ", lines[0]!.bulletAt);
          this.out.pushJoined(lines, this.joins(lines, false), this.raw.text.length);
        }
        spans.push({ start, end: this.out.length });
        // A cell spanning columns keeps the columns after it in place.
        for (let k = 1; k < (cell.colSpan ?? 1); k++) {
          this.out.push("\t", Math.max(0, cell.end));
          spans.push({ start: this.out.length, end: this.out.length });
        }
      });
      row++;
    }
  }
}

/** Normalize a document whose reader gave its blocks. */
export function normalizeStructured(raw: RawText, blocks: readonly Block[]) {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  const writer = new StructuredWriter(raw, sorted);
  for (const b of sorted) {
    if (b.kind === "heading") writer.heading(b);
    else if (b.kind === "paragraph") writer.paragraph(b);
    else if (b.kind === "list_item") writer.listItem(b);
    else writer.table(b);
  }
  return { ...writer.out.result(), structure: writer.out.structure };
}
