import { readFileSync } from "node:fs";
import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetTable, buildDocx, corpusParagraphs } from "../../../test/fixtures/ingest/docxBuilder.ts";
import { CORPUS, readErrorCode } from "../../../test/fixtures/ingest/helpers.ts";
import { patchDeclaredSize } from "../../../test/fixtures/ingest/zipTools.ts";
import { resolveLimits } from "../limits.ts";
import { readDocx, readDocxInProcess } from "./docx.ts";
import { stopIdleReaders } from "./isolate.ts";

const limits = resolveLimits();
const MB = 1024 * 1024;

// Corpus 000 (an answer to a council member) as a Word document, with a budget table appended.
let inquiryDocx: Uint8Array;
beforeAll(async () => {
  inquiryDocx = await buildDocx({
    title: "Svar på spørgsmål fra MB Badar Shah om ligestillingsindsatser",
    paragraphs: [
      ...corpusParagraphs(readFileSync(CORPUS.inquiryAnswer, "utf8")),
      budgetTable([
        ["År", "Beløb (kr.)", "Årsværk"],
        ["2020", "1.250.000", "2,5"],
      ]),
    ],
  });
});
afterAll(stopIdleReaders);

describe("readDocx", () => {
  it("keeps headings, bullet and numbered items, table rows and the title (in a worker)", async () => {
    const raw = await readDocx(inquiryDocx, limits);
    expect(raw.mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(raw.metadataTitle).toBe("Svar på spørgsmål fra MB Badar Shah om ligestillingsindsatser");
    const lines = raw.text.split("\n");
    expect(lines).toContain("### Socialforvaltningens svar");
    expect(lines).toContain("#### Ligestillingsindsatsen målrettet borgerne");
    expect(lines).toContain("#### Ligestillingsindsats på arbejdspladsen");
    expect(
      lines.filter((l) => l.startsWith("- Hvilke konkrete") || l.startsWith("- Der ønskes")),
    ).toHaveLength(2);
    // Word's numbering continues across the paragraphs between the two questions.
    expect(lines.some((l) => l.startsWith("1. Hvilke konkrete ligestillingsindsatser"))).toBe(true);
    expect(lines.some((l) => l.startsWith("2. Der ønskes et overslag"))).toBe(true);
    expect(lines).toContain("År\tBeløb (kr.)\tÅrsværk");
    expect(lines).toContain("2020\t1.250.000\t2,5");
    // A hard line break inside a paragraph stays a line break.
    expect(raw.text).toContain("Sagsnummer\n2020-0857002");
  }, 30_000);

  it("reads Word's own structure: heading styles, outline levels, numbering, tables, bold headings", async () => {
    const row = (cells: string[], tableHeader = false) =>
      new TableRow({
        ...(tableHeader ? { tableHeader } : {}),
        children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })),
      });
    const docx = await buildDocx({
      // A municipality's own heading style: no "Heading" name, only an outline level.
      styles: {
        paragraphStyles: [
          { id: "Temaoverskrift", name: "Temaoverskrift", basedOn: "Normal", paragraph: { outlineLevel: 1 } },
        ],
      },
      paragraphs: [
        new Paragraph({ text: "Ligestillingspolitik 2026–2029", heading: HeadingLevel.TITLE }),
        new Paragraph({ text: "Tema 1: Tryghed i hverdagen", style: "Temaoverskrift" }),
        new Paragraph({ children: [new TextRun({ text: "Målsætninger", bold: true })] }),
        new Paragraph({ text: "Flere føler sig trygge", numbering: { reference: "numbers", level: 0 } }),
        new Paragraph({ text: "Ingen udsættes for chikane", numbering: { reference: "numbers", level: 0 } }),
        new Paragraph({ text: "Også online", bullet: { level: 1 } }),
        new Paragraph({ text: "Økonomi", heading: HeadingLevel.HEADING_3 }),
        new Table({
          rows: [row(["Indsats", "2026", "2027"], true), row(["Tryghedsvandringer", "150", "150"])],
        }),
      ],
    });
    const raw = await readDocxInProcess(docx, limits);
    const shape = (raw.blocks ?? []).map((b) => {
      if (b.kind === "table") return ["table", b.headerRows, b.rows.map((r) => r.map((c) => c.text))];
      if (b.kind === "heading") return ["heading", b.level, b.text];
      if (b.kind === "list_item") return ["list_item", b.depth, b.ordered, b.marker, b.text];
      return ["paragraph", b.emphasized ?? false, b.text];
    });
    expect(shape).toEqual([
      ["heading", 1, "Ligestillingspolitik 2026–2029"],
      ["heading", 2, "Tema 1: Tryghed i hverdagen"],
      ["paragraph", true, "Målsætninger"],
      ["list_item", 0, true, "1.", "Flere føler sig trygge"],
      ["list_item", 0, true, "2.", "Ingen udsættes for chikane"],
      ["list_item", 1, false, "•", "Også online"],
      ["heading", 3, "Økonomi"],
      [
        "table",
        1,
        [
          ["Indsats", "2026", "2027"],
          ["Tryghedsvandringer", "150", "150"],
        ],
      ],
    ]);
    for (const b of raw.blocks ?? [])
      if (b.kind !== "table") expect(raw.text.slice(b.start, b.end)).toBe(b.text);
  });

  it("reads a document without a title", async () => {
    const docx = await buildDocx({ paragraphs: corpusParagraphs("# Politik\n\nTekst med æøå") });
    const raw = await readDocxInProcess(docx, limits);
    expect(raw.text).toBe("# Politik\n\nTekst med æøå");
    expect(raw.metadataTitle).toBeUndefined();
  });
});

describe("zip-bomb protection", () => {
  it("refuses an entry that declares a huge uncompressed size, before inflating anything", async () => {
    const bomb = patchDeclaredSize(
      withEntry(inquiryDocx, "word/media/image1.png", 1024),
      "word/media/image1.png",
      0xfffffff0,
    );
    const code = await readErrorCode(readDocxInProcess(bomb, limits));
    expect(code).toBe("docx_too_large");
  });

  it("refuses a document whose parts together expand beyond the limit", async () => {
    const code = await readErrorCode(
      readDocxInProcess(inquiryDocx, { ...limits, docxMaxUncompressedBytes: 10_000 }),
    );
    expect(code).toBe("docx_too_large");
  });

  it("refuses too many entries", async () => {
    const code = await readErrorCode(readDocxInProcess(inquiryDocx, { ...limits, docxMaxEntries: 3 }));
    expect(code).toBe("docx_too_large");
  });

  it("stops an entry that inflates to more than it declared", async () => {
    // 64 MB of zeros (about 64 KB deflated) that claims to be 1 KB.
    const zeros = new Uint8Array(64 * MB);
    const liar = patchDeclaredSize(withEntry(inquiryDocx, "word/bomb.xml", zeros), "word/bomb.xml", 1024);
    const before = process.memoryUsage.rss();
    const code = await readErrorCode(readDocxInProcess(liar, limits));
    expect(code).toBe("docx_corrupt");
    expect(process.memoryUsage.rss() - before).toBeLessThan(48 * MB);
  });

  it("says what happened in words", async () => {
    const bomb = patchDeclaredSize(
      withEntry(inquiryDocx, "word/media/image1.png", 1024),
      "word/media/image1.png",
      0xfffffff0,
    );
    await expect(readDocxInProcess(bomb, limits)).rejects.toThrow(/zip bomb/);
  });
});

describe("damaged files", () => {
  it("reports a truncated DOCX as damaged", async () => {
    const code = await readErrorCode(readDocx(inquiryDocx.subarray(0, inquiryDocx.length - 200), limits));
    expect(code).toBe("docx_corrupt");
  }, 30_000);

  it("reports a ZIP without the main document part as damaged", async () => {
    const zip = zipSync({
      "word/document.xml.bak": new Uint8Array(1),
      "[Content_Types].xml": new Uint8Array(1),
    });
    expect(await readErrorCode(readDocxInProcess(zip, limits))).toBe("docx_corrupt");
  });

  it("reports broken XML in the main document part as damaged", async () => {
    const broken = replaceEntry(
      inquiryDocx,
      "word/document.xml",
      new TextEncoder().encode("<w:document><w:body"),
    );
    expect(await readErrorCode(readDocxInProcess(broken, limits))).toBe("docx_corrupt");
  });
});

/** The DOCX re-zipped with one more (or a replaced) entry. */
function withEntry(docx: Uint8Array, name: string, content: number | Uint8Array): Uint8Array {
  return replaceEntry(docx, name, typeof content === "number" ? new Uint8Array(content) : content);
}

function replaceEntry(docx: Uint8Array, name: string, content: Uint8Array): Uint8Array {
  const files = unzipAll(docx);
  files[name] = content;
  return zipSync(files, { level: 6 });
}

// fflate's unzipSync is fine here: the input is our own, trusted test file.
function unzipAll(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}
