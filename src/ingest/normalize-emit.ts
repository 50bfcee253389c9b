// Writes the normalized text line by line, each character with the raw offset it came from, and
// what each line is (heading, paragraph, list item, table row): the structure the recognizers read.
import type { Join } from "./normalize-join.ts";
import type { CleanLine } from "./normalize-lines.ts";

/** What one line of the normalized text is. One entry per line that is not blank, in order. */
export interface LineStructure {
  kind: "heading" | "paragraph" | "list_item" | "table_row";
  /** Headings: 1 = the top level. */
  level?: number;
  /** A paragraph that is a heading only by its formatting (all bold, or larger than the body). */
  emphasized?: boolean;
  /** List items: the list (items of one list share the id), nesting depth, numbering. */
  list?: { id: number; depth: number; ordered: boolean };
  /** Table rows: the table, the row's index, whether it is a header row, the cells' spans. */
  table?: { id: number; row: number; header: boolean; cells: { start: number; end: number }[] };
}

export class Emitter {
  private readonly parts: string[] = [];
  private map: Int32Array;
  private n = 0;
  readonly structure: LineStructure[] = [];

  constructor(sizeHint: number) {
    this.map = new Int32Array(Math.max(16, sizeHint));
  }

  get length(): number {
    return this.n;
  }

  private ensure(k: number): void {
    if (this.n + k <= this.map.length) return;
    const bigger = new Int32Array(Math.max(this.map.length * 2, this.n + k));
    bigger.set(this.map);
    this.map = bigger;
  }

  /** Text that stands for one raw offset (a separator, a bullet, a join). */
  push(s: string, at: number): void {
    this.parts.push(s);
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.map[this.n++] = at;
  }

  /** A cleaned line's text, each character at its own raw offset. */
  pushLine(line: CleanLine): void {
    if (line.text.length === 0) return;
    this.parts.push(line.text);
    this.ensure(line.map.length);
    for (const o of line.map) this.map[this.n++] = o;
  }

  /** Drops the last character written (a hyphen the next line's join removes). */
  dropLast(): void {
    const last = this.parts[this.parts.length - 1]!;
    this.parts[this.parts.length - 1] = last.slice(0, -1);
    this.n--;
  }

  /**
   * Lines joined into one: a space for a wrap, nothing for a word cut by a hyphen the extractor
   * lost, the hyphen dropped for a word the typesetter cut. `rawLength` bounds the join offsets.
   */
  pushJoined(lines: readonly CleanLine[], joins: readonly Join[], rawLength: number): void {
    lines.forEach((line, i) => {
      if (i > 0) {
        const join = joins[i - 1]!;
        const breakAt = Math.min(rawLength, lines[i - 1]!.rawEnd);
        if (join === "dehyphen") this.dropLast();
        else if (join === "space" || join === "break") this.push(" ", breakAt);
      }
      this.pushLine(line);
    });
  }

  result(): { text: string; map: Int32Array } {
    return { text: this.parts.join(""), map: this.map.subarray(0, this.n) };
  }
}
