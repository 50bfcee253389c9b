// HTML → blocks: h1–h6 are headings, ul/ol/li list items (nested lists one level deeper, ordered
// items numbered from the list's start), table rows and cells a table (th rows at the top are its
// header), other block elements paragraphs; a <br> is a line break inside a paragraph. Scripts,
// styles and hidden elements go. The DOM is walked with parent/sibling pointers, not recursion,
// so deep nesting cannot overflow the stack.
import { createRequire } from "node:module";
import type { Block } from "../types.ts";
import { type DraftBlock, type DraftCell, writeBlocks } from "./blockText.ts";

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
// Elements that end the text before them and start a new block.
const BLOCK = new Set([
  "p",
  "blockquote",
  "pre",
  "figure",
  "dl",
  "hr",
  "address",
  "fieldset",
  "form",
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
  "body",
]);

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

export interface HtmlBlocks {
  text: string;
  blocks?: Block[];
  /** The document's <title>, when it has one. */
  title?: string;
}

interface ListState {
  ordered: boolean;
  next: number;
  id: number;
}

interface TableState {
  rows: DraftCell[][];
  headerRows: number;
  /** The current row has header cells only so far (thead, or th cells). */
  rowIsHeader: boolean;
  /** A body row came already: later th rows are no header of the table. */
  bodySeen: boolean;
  /** The text of the open cell, or null between cells. */
  cell: string[] | null;
  span: { colSpan: number; rowSpan: number };
  /** Tables opened inside the open cell: their text runs on in the cell. */
  nested: number;
}

/**
 * Parse HTML and return its blocks and their text; more text than `maxChars` is refused. A page
 * that is mostly preformatted text (a text file saved as HTML) has no structure to give: its text
 * comes without blocks, for the normalizer to read as plain text.
 */
export function htmlToBlocks(html: string, maxChars: number): HtmlBlocks {
  const { document } = parseHTML(html);
  const { drafts, title } = domToDrafts(document as unknown as DomNode);
  const written: HtmlBlocks = writeBlocks(drafts, maxChars);
  let all = 0;
  let pre = 0;
  for (const d of drafts) {
    const n =
      d.kind === "table"
        ? d.rows.reduce((acc, r) => acc + r.reduce((a, c) => a + c.text.length, 0), 0)
        : d.text.length;
    all += n;
    if (d.kind === "paragraph" && d.verbatim) pre += n;
  }
  if (all > 0 && pre >= all / 2) delete written.blocks;
  return title ? { ...written, title } : written;
}

function spanOf(el: DomNode, name: string): number {
  const n = Number.parseInt(el.getAttribute?.(name) ?? "1", 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 100) : 1;
}

const isHeadingTag = (tag: string): boolean => /^h[1-6]$/.test(tag);

/** Inline formatting that can make a paragraph a heading: bold, or a font clearly above the body's. */
function emphasis(el: DomNode, tag: string): { bold: boolean; large: boolean } {
  const style = el.getAttribute?.("style") ?? "";
  const bold = tag === "b" || tag === "strong" || /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style);
  const size = /font-size\s*:\s*([\d.]+)\s*(pt|px)/i.exec(style);
  const points = size ? Number(size[1]) * (size[2]!.toLowerCase() === "px" ? 0.75 : 1) : 0;
  const fontSize = tag === "font" ? Number.parseInt(el.getAttribute?.("size") ?? "", 10) : 0;
  return { bold, large: points >= 14 || fontSize >= 4 };
}

/** A short paragraph set all in bold or large type: a heading by formatting alone. */
function isEmphasized(text: string, c: { letters: number; bold: number; large: number }): boolean {
  const t = text.replace(/\s+/g, " ").trim();
  if (c.letters < 2 || t.length > 150 || /[.,;]$/.test(t)) return false;
  return c.bold >= 0.9 * c.letters || c.large >= 0.9 * c.letters;
}

/** The blocks of a parsed document (or any node), from its children down. */
export function domToDrafts(root: DomNode): { drafts: DraftBlock[]; title?: string } {
  const drafts: DraftBlock[] = [];
  const lists: ListState[] = [];
  let table: TableState | null = null;
  let nextList = 0;
  let preDepth = 0;
  let title: string | undefined;
  // The block whose text is being gathered, and its text.
  let heading = 0;
  let item: { depth: number; ordered: boolean; marker: string; list: number } | null = null;
  let buffer: string[] = [];
  let verbatim = false;
  // Letters of the paragraph being gathered, and how many of them are bold or large.
  let counts = { letters: 0, bold: 0, large: 0 };
  let boldDepth = 0;
  let largeDepth = 0;
  const formatted = new WeakMap<DomNode, { bold: boolean; large: boolean }>();

  const cell = (): string[] | null => table?.cell ?? null;

  const flush = (): void => {
    const text = buffer.join("");
    const c = counts;
    buffer = [];
    counts = { letters: 0, bold: 0, large: 0 };
    if (text.trim() === "") return;
    if (heading > 0) drafts.push({ kind: "heading", level: heading, text });
    else if (item) drafts.push({ kind: "list_item", text, ...item });
    else if (verbatim) drafts.push({ kind: "paragraph", text, verbatim });
    else if (isEmphasized(text, c)) drafts.push({ kind: "paragraph", text, emphasized: true });
    else drafts.push({ kind: "paragraph", text });
  };
  /** A block element inside a heading or list item is a space; elsewhere it ends the paragraph. */
  const boundary = (): void => {
    if (heading > 0 || item) buffer.push(" ");
    else flush();
  };

  const enterCell = (el: DomNode, tag: string): void => {
    const t = table!;
    if (t.rows.length === 0) t.rows.push([]);
    const row = t.rows[t.rows.length - 1]!;
    if (tag === "td" && el.parentNode?.parentNode?.localName !== "thead") t.rowIsHeader = false;
    else if (tag === "th" && row.length === 0) t.rowIsHeader = true;
    t.cell = [];
    t.span = { colSpan: spanOf(el, "colspan"), rowSpan: spanOf(el, "rowspan") };
  };

  const enter = (el: DomNode, tag: string): boolean => {
    if (SKIP.has(tag) || el.hasAttribute?.("hidden") || el.getAttribute?.("aria-hidden") === "true")
      return false;
    const f = emphasis(el, tag);
    if (f.bold || f.large) {
      formatted.set(el, f);
      if (f.bold) boldDepth++;
      if (f.large) largeDepth++;
    }
    if (tag === "title") {
      title ??= (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 1000) || undefined;
      return false;
    }
    const open = cell();
    if (open) {
      // Inside a cell everything is the cell's text: nested tables and lists run on in it.
      if (tag === "table") table!.nested++;
      else if (BLOCK.has(tag) || isHeadingTag(tag) || ["br", "li", "tr", "td", "th"].includes(tag))
        open.push(" ");
      return true;
    }
    const level = /^h([1-6])$/.exec(tag);
    if (level) {
      flush();
      heading = Number(level[1]);
    } else if (tag === "ul" || tag === "ol") {
      flush();
      const start = Number.parseInt(el.getAttribute?.("start") ?? "1", 10);
      lists.push({ ordered: tag === "ol", next: Number.isFinite(start) ? start : 1, id: nextList++ });
    } else if (tag === "li") {
      flush();
      const list = lists[lists.length - 1];
      const ordered = list?.ordered ?? false;
      item = {
        depth: Math.max(0, lists.length - 1),
        ordered,
        marker: list && ordered ? `${list.next}.` : "•",
        list: list?.id ?? nextList++,
      };
      if (list) list.next++;
    } else if (tag === "table" && !table) {
      flush();
      table = {
        rows: [],
        headerRows: 0,
        rowIsHeader: false,
        bodySeen: false,
        cell: null,
        span: { colSpan: 1, rowSpan: 1 },
        nested: 0,
      };
    } else if (tag === "tr" && table) {
      table.rows.push([]);
      table.rowIsHeader = el.parentNode?.localName === "thead";
    } else if ((tag === "td" || tag === "th") && table) {
      enterCell(el, tag);
    } else if (tag === "br") {
      buffer.push(heading > 0 || item ? " " : "\n");
    } else if (BLOCK.has(tag)) {
      boundary();
    }
    if (tag === "pre") {
      if (preDepth === 0 && heading === 0 && !item) {
        flush();
        verbatim = true;
      }
      preDepth++;
    }
    return true;
  };

  const exit = (el: DomNode, tag: string): void => {
    const f = formatted.get(el);
    if (f) {
      if (f.bold) boldDepth--;
      if (f.large) largeDepth--;
    }
    if (tag === "pre" && --preDepth === 0 && verbatim) {
      flush();
      verbatim = false;
    }
    const open = cell();
    if (open) {
      if (tag === "table" && table!.nested > 0) {
        table!.nested--;
        open.push(" ");
      } else if ((tag === "td" || tag === "th") && table!.nested === 0) {
        const t = table!;
        const done: DraftCell = { text: open.join("") };
        if (t.span.colSpan > 1) done.colSpan = t.span.colSpan;
        if (t.span.rowSpan > 1) done.rowSpan = t.span.rowSpan;
        t.rows[t.rows.length - 1]!.push(done);
        t.cell = null;
      } else if (BLOCK.has(tag) || isHeadingTag(tag) || tag === "li") open.push(" ");
      return;
    }
    if (isHeadingTag(tag)) {
      flush();
      heading = 0;
    } else if (tag === "li") {
      flush();
      item = null;
    } else if (tag === "ul" || tag === "ol") {
      flush();
      lists.pop();
    } else if (tag === "tr" && table) {
      if (table.rowIsHeader && !table.bodySeen) table.headerRows = table.rows.length;
      else table.bodySeen = true;
    } else if (tag === "table" && table) {
      drafts.push({ kind: "table", rows: table.rows, headerRows: table.headerRows });
      table = null;
    } else if (BLOCK.has(tag)) {
      boundary();
    }
  };

  const text = (raw: string): void => {
    const open = cell();
    if (!open) {
      const letters = raw.replace(/[^\p{L}\d]/gu, "").length;
      counts.letters += letters;
      if (boldDepth > 0) counts.bold += letters;
      if (largeDepth > 0) counts.large += letters;
    }
    if (open) open.push(raw.replace(/[ \t\n\r\f]+/g, " "));
    else if (preDepth > 0 && heading === 0 && !item) buffer.push(raw);
    else buffer.push(raw.replace(/[ \t\n\r\f]+/g, " "));
  };

  // Walk one subtree in document order, calling exit() when leaving each element.
  const walk = (top: DomNode): void => {
    let node: DomNode = top;
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
        text(node.nodeValue ?? "");
      }
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node !== top && !node.nextSibling) {
        const parent = node.parentNode;
        if (!parent) return;
        node = parent;
        if (node.nodeType === ELEMENT) exit(node, node.localName ?? "");
      }
      if (node === top || !node.nextSibling) return;
      node = node.nextSibling;
    }
  };
  // Top-level nodes one by one: linkedom gives a doctype no nextSibling.
  for (const top of Array.from(root.childNodes ?? [])) if (top.nodeType !== DOCTYPE) walk(top);
  flush();
  // An unclosed table (a fragment cut off) still gives its rows.
  const left = table as TableState | null;
  if (left) drafts.push({ kind: "table", rows: left.rows, headerRows: left.headerRows });
  return title ? { drafts, title } : { drafts };
}
