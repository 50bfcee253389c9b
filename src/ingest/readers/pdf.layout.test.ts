// The PDF reader on a policy printed to PDF by an office suite: the blocks it finds are the
// document's own headings, lists and tables (the facts are in the fixture's source, fjordbyPolicy.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAYOUT_FIXTURES, repoFile } from "../../../test/fixtures/ingest/helpers.ts";
import {
  BUDGET_TABLE,
  FJORDBY_HEAD,
  FOLLOW_UP_PARAGRAPHS,
  FOREWORD,
  GOALS,
  INITIATIVE_TABLE,
  SHY,
  STEPS,
  SUB_GOAL,
} from "../../../test/fixtures/ingest/layout/fjordbyPolicy.ts";
import { resolveLimits } from "../limits.ts";
import { normalize } from "../normalize.ts";
import type { Block, HeadingBlock, ListItemBlock, ParagraphBlock, RawText, TableBlock } from "../types.ts";
import { stopIdleReaders } from "./isolate.ts";
import { readPdf } from "./pdf.ts";

let raw: RawText;
let blocks: Block[];
beforeAll(async () => {
  raw = await readPdf(repoFile(LAYOUT_FIXTURES.fjordbyPolicy), resolveLimits());
  blocks = raw.blocks ?? [];
}, 60_000);
afterAll(stopIdleReaders);

const ofKind = <K extends Block["kind"]>(kind: K) =>
  blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const cells = (table: TableBlock) => table.rows.map((row) => row.map((cell) => cell.text));
/** A wrapped block's printed lines as one line (for text with no word cut at a line end). */
const flat = (text: string) => text.replaceAll("\n", " ");

describe("a policy printed to PDF by an office suite", () => {
  it("finds the headings, with levels from their sizes (title, Heading 1, 2 and a bold Heading 3)", () => {
    expect(ofKind("heading").map((h: HeadingBlock) => [h.text, h.level])).toEqual([
      ["Ligestillingspolitik 2025–2028", 1],
      ["Forord", 2],
      ["Tema 1: Tryghed i hverdagen", 2],
      ["Målsætninger", 3],
      ["Sådan gør vi", 3],
      ["Samarbejde med foreningerne", 4],
      ["Tema 2: Lige adgang til job", 2],
      ["Initiativer", 3],
      ["Økonomi", 2],
      ["Opfølgning", 2],
      ["Årlig status", 4],
      ["Evaluering", 4],
    ]);
  });

  it("finds the bullet list with its nested item, and the numbered list as another list", () => {
    const items = ofKind("list_item");
    expect(items.map((i: ListItemBlock) => [flat(i.text), i.depth, i.ordered])).toEqual([
      [GOALS[0], 0, false],
      [GOALS[1], 0, false],
      [GOALS[2], 0, false],
      [SUB_GOAL, 1, false],
      [STEPS[0], 0, true],
      [STEPS[1], 0, true],
      [STEPS[2], 0, true],
    ]);
    const [goals, steps] = [items.slice(0, 4), items.slice(4)];
    expect(new Set(goals.map((i) => i.list)).size).toBe(1);
    expect(new Set(steps.map((i) => i.list)).size).toBe(1);
    expect(steps[0]!.list).not.toBe(goals[0]!.list);
    expect(steps.map((i) => i.marker)).toEqual(["1.", "2.", "3."]);
  });

  it("reads the initiative table cell by cell, wrapped cells joined, with its bold header row", () => {
    const [initiatives] = ofKind("table");
    expect(cells(initiatives!)).toEqual(INITIATIVE_TABLE);
    expect(initiatives!.headerRows).toBe(1);
  });

  it("reads the budget table in 1.000 kr. with the years as columns", () => {
    const [, budget] = ofKind("table");
    expect(cells(budget!)).toEqual(BUDGET_TABLE);
    expect(budget!.headerRows).toBe(1);
  });

  it("leaves out the running head and the page numbers, and keeps the page map exact", () => {
    expect(raw.text).not.toContain(FJORDBY_HEAD);
    expect(raw.text).not.toMatch(/Side \d af \d/);
    expect(raw.pages?.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    for (const block of blocks) {
      const page = raw.pages!.find((p) => p.page === block.page)!;
      expect(block.start).toBeGreaterThanOrEqual(page.start);
      expect(block.end).toBeLessThanOrEqual(page.end);
    }
    const firstOfPage2 = blocks.find((b) => b.page === 2) as HeadingBlock;
    expect(firstOfPage2.text).toBe("Tema 2: Lige adgang til job");
    expect(raw.pages![1]!.start).toBe(firstOfPage2.start);
  });

  it("keeps a paragraph's printed lines for the normalizer, which joins them and a word cut at a hyphen", () => {
    // The suite cut "institutio-ner" at a line end (seen with pdftotext); the normalized text has it whole.
    const foreword = ofKind("paragraph")[0] as ParagraphBlock;
    expect(foreword.wrapped).toBe(true);
    expect(foreword.text).toContain("institutio-\nner");
    const normalized = normalize(raw).text;
    expect(normalized).toContain(FOREWORD.replaceAll(SHY, ""));
    expect(normalized).not.toMatch(/institutio-/);
  });

  it("reads a page set in two columns column by column, with a paragraph cut by the column break whole", () => {
    const texts = blocks.map((b) => ("text" in b ? flat(b.text) : ""));
    const at = (text: string) => texts.indexOf(text);
    const order = [
      at("Opfølgning"),
      at("Årlig status"),
      ...FOLLOW_UP_PARAGRAPHS.slice(0, 3).map(at),
      at("Evaluering"),
      ...FOLLOW_UP_PARAGRAPHS.slice(3).map(at),
      at("Politikken er vedtaget af kommunalbestyrelsen den 12. juni 2025."),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const columnOf = (text: string) => blocks[at(text)]!.geometry?.column;
    expect(columnOf(FOLLOW_UP_PARAGRAPHS[0]!)).toBe(0);
    expect(columnOf(FOLLOW_UP_PARAGRAPHS[4]!)).toBe(1);
    expect(columnOf("Opfølgning")).toBeUndefined();
  });

  it("writes every block into the text where its span says, its marks before the span", () => {
    for (const block of blocks) {
      const written = raw.text.slice(block.start, block.end);
      if (block.kind === "table") {
        expect(written).toBe(block.rows.map((r) => r.map((c) => c.text).join("\t")).join("\n"));
        for (const cell of block.rows.flat()) expect(raw.text.slice(cell.start, cell.end)).toBe(cell.text);
      } else expect(written).toBe(block.text);
    }
    expect(raw.text).toContain("\n\n## Forord\n\n");
    expect(raw.text).toContain(`\n- ${GOALS[2]}\n  - ${SUB_GOAL}\n\n### Sådan gør vi\n\n1. ${STEPS[0]}\n2. `);
  });

  it("keeps each block's geometry: font size and weight, position on the page", () => {
    const title = blocks[0]!;
    expect(title.geometry).toMatchObject({ fontSize: 26, bold: true });
    expect(title.geometry!.y).toBeLessThan(100);
    const foreword = ofKind("paragraph")[0]!;
    expect(foreword.geometry).toMatchObject({ fontSize: 11, bold: false });
    expect(foreword.geometry!.height).toBeGreaterThan(4 * 11);
  });
});
