// HTML → text that keeps the structure recognizers look for, in the Markdown-like shape every
// reader returns: "## Heading", "- item" / "3. item" (two spaces per nesting level), table rows
// as tab-separated cells, blank lines between blocks. Scripts, styles and hidden elements go.
// The DOM is walked with parent/sibling pointers, not recursion, so deep nesting cannot
// overflow the stack.
import { createRequire } from "node:module";
import { readErrors } from "./readError.ts";

export interface HtmlText {
  text: string;
  /** The document's <title>, when it has one. */
  title?: string;
}

// linkedom's CommonJS build: its ESM build is dozens of files, and loading them through the
// TypeScript loader hook in a reader worker takes four times as long (about 1 s against 0.25 s).
const { parseHTML } = createRequire(import.meta.url)("linkedom") as typeof import("linkedom");

const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "embed",
  "canvas",
  "audio",
  "video",
  "select",
  "textarea",
]);
const PARAGRAPH = new Set([
  "p",
  "blockquote",
  "pre",
  "figure",
  "table",
  "dl",
  "hr",
  "address",
  "fieldset",
  "form",
]);
const LINE = new Set([
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "figcaption",
  "caption",
  "details",
  "summary",
  "dt",
  "dd",
  "tr",
  "li",
  "body",
]);
// Inside these a paragraph needs only a line break, not a blank line.
const TIGHT_PARENTS = new Set(["li", "td", "th", "dd"]);

/** Minimal structural view of a DOM node, enough for the walk. */
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  localName?: string;
  textContent: string | null;
  firstChild: DomNode | null;
  childNodes?: ArrayLike<DomNode>;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const DOCTYPE = 10;

class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private atLineStart = true;
  private pendingBreaks = 0;
  private pendingSpace = false;
  private prefix = "";
  /** Right after a cell separator: the cell's leading whitespace is not text. */
  private atCellStart = false;
  cellDepth = 0;

  /**
   * `keepIndent`: spaces opening and closing a line are written (a line-by-line conversion keeps
   * the indent that marks a new paragraph and the space after a soft wrap, as the page's text
   * layer has them, and the normalizer reads both).
   */
  constructor(
    private readonly maxChars: number,
    private readonly keepIndent = false,
  ) {}

  private write(s: string): void {
    this.length += s.length;
    if (this.length > this.maxChars) throw readErrors.textTooLarge(this.maxChars);
    this.parts.push(s);
  }

  private flushBreaks(): void {
    if (this.pendingBreaks > 0 && this.length > 0) {
      this.write("\n".repeat(this.pendingBreaks));
      this.atLineStart = true;
    }
    this.pendingBreaks = 0;
  }

  /** Ask for `n` line breaks before the next text (inside a table cell: a space). */
  block(n: 1 | 2): void {
    if (this.cellDepth > 0) this.pendingSpace = true;
    else {
      if (this.keepIndent && this.pendingSpace && !this.atLineStart && this.pendingBreaks === 0)
        this.write(" ");
      this.pendingBreaks = Math.max(this.pendingBreaks, n);
      // A space at the end of the previous line is no indent of the next.
      if (this.keepIndent) this.pendingSpace = false;
    }
  }

  /** Written at the start of the next line that gets text ("- ", "## "). */
  setPrefix(prefix: string): void {
    if (this.cellDepth === 0) this.prefix = prefix;
  }

  text(raw: string, preformatted: boolean): void {
    if (preformatted) {
      if (raw.length === 0) return;
      this.startText();
      this.write(raw);
      this.atLineStart = raw.endsWith("\n");
      return;
    }
    const collapsed = raw.replace(/[ \t\n\r\f]+/g, " ");
    if (collapsed === " " || collapsed === "") {
      if (collapsed === " ") this.pendingSpace = true;
      return;
    }
    if (collapsed.startsWith(" ")) this.pendingSpace = true;
    // Only the collapsed ASCII space: String.trim() would also eat a no-break space that is
    // a text node of its own (linkedom splits text at "&nbsp;").
    const body = collapsed.replace(/^ | $/g, "");
    this.startText();
    this.write(body);
    this.pendingSpace = collapsed.endsWith(" ");
  }

  private startText(): void {
    this.flushBreaks();
    if (this.atLineStart) {
      if (this.prefix) this.write(this.prefix);
      else if (this.keepIndent && this.pendingSpace) this.write(" ");
    } else if (this.pendingSpace && !this.atCellStart) {
      this.write(" ");
    }
    this.prefix = "";
    this.atLineStart = false;
    this.atCellStart = false;
    this.pendingSpace = false;
  }

  /** Between two cells of a row; written even for empty cells so columns stay aligned. */
  cellSeparator(): void {
    this.flushBreaks();
    this.write("\t");
    this.atLineStart = false;
    this.atCellStart = true;
    this.pendingSpace = false;
  }

  finish(): string {
    const text = this.parts.join("");
    return (this.keepIndent ? text : text.replace(/ +\n/g, "\n")).replace(/\n{3,}/g, "\n\n").trim();
  }
}

interface ListState {
  ordered: boolean;
  next: number;
}

export interface HtmlTextOptions {
  /** Longer output is refused with `text_too_large`. */
  maxChars: number;
  /**
   * Numbers for the items of ordered lists, in document order. mammoth opens a new <ol> whenever
   * other paragraphs interrupt a Word list, so counting <li> would restart at 1; the DOCX reader
   * counts Word's numbering itself and passes the numbers here.
   */
  orderedNumbers?: number[];
  /**
   * Each <p> is one line of a page, as a PDF-to-Word conversion writes them: paragraphs follow
   * each other with a line break, and an empty <p> is the blank line that separated paragraphs
   * and table cells on the page. The normalizer then rejoins the lines as it does for a PDF.
   */
  paragraphsAreLines?: boolean;
}

/** Parse HTML and return its text. */
export function htmlToText(html: string, options: HtmlTextOptions): HtmlText {
  const { document } = parseHTML(html);
  return domToText(document as unknown as DomNode, options);
}

/** The text of a parsed document (or any node), from its children down. */
export function domToText(
  root: DomNode,
  { maxChars, orderedNumbers, paragraphsAreLines = false }: HtmlTextOptions,
): HtmlText {
  const out = new TextBuilder(maxChars, paragraphsAreLines);
  let nextOrdered = 0;
  const lists: ListState[] = [];
  const rowCells: number[] = [];
  let preDepth = 0;
  let title: string | undefined;

  const enter = (el: DomNode, tag: string): boolean => {
    if (SKIP.has(tag) || el.hasAttribute?.("hidden") || el.getAttribute?.("aria-hidden") === "true")
      return false;
    if (tag === "title") {
      title ??= (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 1000) || undefined;
      return false;
    }
    const tight = TIGHT_PARENTS.has(el.parentNode?.localName ?? "");
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      out.block(tight ? 1 : 2);
      out.setPrefix(`${"#".repeat(Number(heading[1]))} `);
    } else if (tag === "ul" || tag === "ol") {
      out.block(lists.length > 0 || tight ? 1 : 2);
      const start = Number.parseInt(el.getAttribute?.("start") ?? "1", 10);
      lists.push({ ordered: tag === "ol", next: Number.isFinite(start) ? start : 1 });
    } else if (tag === "li") {
      out.block(1);
      const list = lists.at(-1);
      const indent = "  ".repeat(Math.max(0, lists.length - 1));
      if (list?.ordered) {
        // mammoth's footnotes and endnotes are an <ol> of its own, not Word numbering.
        const note = /^(foot|end)note-/.test(el.getAttribute?.("id") ?? "");
        const given = note ? undefined : orderedNumbers?.[nextOrdered++];
        out.setPrefix(`${indent}${given ?? list.next}. `);
        list.next++;
      } else {
        out.setPrefix(`${indent}- `);
      }
    } else if (tag === "tr") {
      out.block(1);
      rowCells.push(0);
    } else if (tag === "td" || tag === "th") {
      const cells = rowCells.length > 0 ? rowCells[rowCells.length - 1]! : 0;
      if (cells > 0 && out.cellDepth === 0) out.cellSeparator();
      if (rowCells.length > 0) rowCells[rowCells.length - 1] = cells + 1;
      out.cellDepth++;
    } else if (tag === "br") {
      if (preDepth > 0) out.text("\n", true);
      else out.block(1);
    } else if (paragraphsAreLines && tag === "p" && !tight) {
      out.block((el.textContent ?? "").trim() === "" ? 2 : 1);
    } else if (PARAGRAPH.has(tag)) {
      out.block(tight ? 1 : 2);
    } else if (LINE.has(tag)) {
      out.block(1);
    }
    if (tag === "pre") preDepth++;
    return true;
  };

  const exit = (el: DomNode, tag: string): void => {
    if (/^h[1-6]$/.test(tag)) out.block(TIGHT_PARENTS.has(el.parentNode?.localName ?? "") ? 1 : 2);
    else if (tag === "ul" || tag === "ol") {
      lists.pop();
      out.block(lists.length > 0 ? 1 : 2);
    } else if (tag === "tr") rowCells.pop();
    else if (tag === "td" || tag === "th") out.cellDepth--;
    else if (paragraphsAreLines && tag === "p") out.block(1);
    else if (PARAGRAPH.has(tag)) out.block(TIGHT_PARENTS.has(el.parentNode?.localName ?? "") ? 1 : 2);
    else if (LINE.has(tag)) out.block(1);
    if (tag === "pre") preDepth--;
  };

  // Walk one subtree in document order, calling exit() when leaving each element.
  const walk = (root: DomNode): void => {
    let node: DomNode = root;
    for (;;) {
      let descend = false;
      if (node.nodeType === ELEMENT) {
        const tag = node.localName ?? "";
        descend = enter(node, tag);
        if (descend && !node.firstChild) {
          exit(node, tag);
          descend = false;
        }
      } else if (node.nodeType === TEXT || node.nodeType === CDATA) {
        out.text(node.nodeValue ?? "", preDepth > 0);
      }
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node !== root && !node.nextSibling) {
        const parent = node.parentNode;
        if (!parent) return;
        node = parent;
        if (node.nodeType === ELEMENT) exit(node, node.localName ?? "");
      }
      if (node === root || !node.nextSibling) return;
      node = node.nextSibling;
    }
  };
  // Top-level nodes one by one: linkedom gives a doctype no nextSibling.
  for (const top of Array.from(root.childNodes ?? [])) if (top.nodeType !== DOCTYPE) walk(top);
  const text = out.finish();
  return title ? { text, title } : { text };
}
