import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, readErrorCode, repoFile } from "../../../test/fixtures/ingest/helpers.ts";
import { resolveLimits } from "../limits.ts";
import { readHtml, readHtmlInProcess } from "./html.ts";
import { htmlToBlocks } from "./htmlBlocks.ts";
import { stopIdleReaders } from "./isolate.ts";

const limits = resolveLimits();
const text = (html: string) => htmlToBlocks(html, 1_000_000).text;
const blocks = (html: string) => htmlToBlocks(html, 1_000_000).blocks ?? [];

afterAll(stopIdleReaders);

describe("readHtml on a saved web page (corpus 003 as HTML)", () => {
  it("keeps headings, list items and table rows, and drops script, style and hidden parts", async () => {
    const raw = await readHtml(repoFile(FIXTURES.hearingHtml), limits);
    expect(raw.mediaType).toBe("text/html");
    expect(raw.metadataTitle).toBe(
      "Høringssvar fra Socialudvalget om Integrationspolitik 2015-2018 | Københavns Kommune",
    );
    const lines = raw.text.split("\n");
    expect(lines).toContain(
      "# Hørings svar fra Socialudvalget om Københavns Kommunes Integrationspolitik 2015-2018",
    );
    expect(lines).toContain("## Dokumentation");
    expect(lines).toContain("- Reduktion i antallet af hjemløse københavnere med ikke-vestlig baggrund,");
    expect(lines.filter((l) => l.startsWith("- "))).toHaveLength(3);
    expect(lines).toContain("Telefon\t33 66 33 66");
    expect(lines).toContain("Sagsnr. 2014-0222761");
    expect(raw.text).toContain("Socialudvalgsmødet d. 3. december 2014.");
    for (const gone of ["dataLayer", "font-family", "cookies", "Slå JavaScript til", "tracking"]) {
      expect(raw.text).not.toContain(gone);
    }
  }, 30_000);
});

describe("htmlToBlocks", () => {
  it("separates blocks with a blank line and keeps paragraphs on one line", () => {
    expect(text("<p>Et  afsnit\nover to linjer.</p><p>Et andet.</p>")).toBe(
      "Et afsnit over to linjer.\n\nEt andet.",
    );
  });

  it("numbers ordered lists from their start and indents nested lists", () => {
    const html = "<ol start='3'><li><p>Tre</p></li><li>Fire<ul><li>Under</li></ul></li></ol>";
    expect(text(html)).toBe("3. Tre\n4. Fire\n  - Under");
    expect(blocks(html).map((b) => b.kind === "list_item" && [b.text, b.depth, b.ordered, b.marker])).toEqual(
      [
        ["Tre", 0, true, "3."],
        ["Fire", 0, true, "4."],
        ["Under", 1, false, "•"],
      ],
    );
  });

  it("gives headings their level and each block its span in the text", () => {
    const html = "<h1>Politik</h1><p>Indledning</p><h3>Tema 1: Tryghed</h3><ul><li>Mål et</li></ul>";
    const found = blocks(html);
    expect(
      found.map((b) => [b.kind, b.kind === "heading" ? b.level : null, b.kind !== "table" && b.text]),
    ).toEqual([
      ["heading", 1, "Politik"],
      ["paragraph", null, "Indledning"],
      ["heading", 3, "Tema 1: Tryghed"],
      ["list_item", null, "Mål et"],
    ]);
    const all = text(html);
    for (const b of found) if (b.kind !== "table") expect(all.slice(b.start, b.end)).toBe(b.text);
  });

  it("writes table rows as tab-separated cells, empty cells included", () => {
    const html =
      "<table><tr><th>År</th><th>Beløb</th></tr><tr><td></td><td><p>1.000</p><p>kr.</p></td></tr></table>";
    expect(text(html)).toBe("År\tBeløb\n\t1.000 kr.");
  });

  it("reads a table's header rows, spanned cells and a table nested in a cell", () => {
    const html =
      "<table><caption>Økonomi</caption><thead><tr><th colspan='2'>Indsats</th><th>2026</th></tr></thead>" +
      "<tbody><tr><td>A</td><td>B<table><tr><td>indre</td></tr></table></td><td>500</td></tr></tbody></table>";
    const [caption, table] = blocks(html);
    expect(caption).toMatchObject({ kind: "paragraph", text: "Økonomi" });
    expect(table).toMatchObject({ kind: "table", headerRows: 1 });
    expect(table?.kind === "table" && table.rows.map((r) => r.map((c) => [c.text, c.colSpan ?? 1]))).toEqual([
      [
        ["Indsats", 2],
        ["2026", 1],
      ],
      [
        ["A", 1],
        ["B indre", 1],
        ["500", 1],
      ],
    ]);
    // The spanned column keeps its place in the tab-separated row.
    expect(text(html)).toBe("Økonomi\n\nIndsats\t\t2026\nA\tB indre\t500");
  });

  it("keeps preformatted text and line breaks", () => {
    expect(text("<pre>a  b\n  c</pre><p>x<br>y</p>")).toBe("a  b\n  c\n\nx\ny");
    expect(blocks("<p>Et langt afsnit med tekst</p><p>x<br>y</p>").at(-1)).toMatchObject({ text: "x\ny" });
  });

  it("gives a page of preformatted text no blocks: the normalizer reads it as plain text", () => {
    const page = "<html><body><pre>POLITIK\n\nEt afsnit, der er brudt\nover to linjer.</pre></body></html>";
    expect(htmlToBlocks(page, 1_000_000).blocks).toBeUndefined();
    expect(text(page)).toBe("POLITIK\n\nEt afsnit, der er brudt\nover to linjer.");
  });

  it("decodes character references", () => {
    expect(text("<p>K&oslash;benhavn &amp; Fr&#229;ne &#x2013; 1&nbsp;000</p>")).toBe(
      "København & Fråne – 1\u00a0000",
    );
  });

  it("survives very deep nesting (no recursion)", () => {
    const depth = 20_000; // recursion would overflow the stack well before this
    const html = `${"<div>".repeat(depth)}dybt${"</div>".repeat(depth)}`;
    expect(text(html)).toBe("dybt");
  });

  it("refuses output beyond the limit", async () => {
    const code = await readErrorCode(() => htmlToBlocks(`<p>${"ord ".repeat(100)}</p>`, 50));
    expect(code).toBe("text_too_large");
  });
});

describe("HTML character sets", () => {
  it("honours a declared Windows-1252 charset", () => {
    const html = Buffer.from(
      '<html><head><meta charset="windows-1252"><title>Målsætning</title></head></html>',
      "latin1",
    );
    expect(readHtmlInProcess(new Uint8Array(html), limits).metadataTitle).toBe("Målsætning");
  });

  it("falls back to Windows-1252 when UTF-8 is declared but the bytes are not UTF-8", () => {
    const html = Buffer.from(
      '<html><head><meta charset="utf-8"></head><body><p>Ældre på Østerbro</p></body></html>',
      "latin1",
    );
    expect(readHtmlInProcess(new Uint8Array(html), limits).text).toBe("Ældre på Østerbro");
  });
});

describe("hostile HTML", () => {
  it("refuses a file of millions of entities or tags at once, with a clear error, before parsing", async () => {
    const entities = Buffer.from(`<html><body><p>${"&amp;".repeat(2_000_000)}</p></body></html>`);
    const started = performance.now();
    const error = await readHtml(new Uint8Array(entities), limits).catch(
      (e: { code: string; message: string }) => e,
    );
    expect(error).toMatchObject({
      code: "resource_limit",
      message: expect.stringContaining("character references"),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    const tags = Buffer.from(`<html><body>${"<b>".repeat(600_000)}</body></html>`);
    expect(await readErrorCode(readHtml(new Uint8Array(tags), limits))).toBe("resource_limit");
  }, 30_000);

  it("reads a page whose Danish letters are all written as entities", () => {
    const html = Buffer.from(
      `<html><body><p>${"&AElig;ldre p&aring; &Oslash;sterbro. ".repeat(2_000)}</p></body></html>`,
    );
    expect(readHtmlInProcess(new Uint8Array(html), limits).text).toContain("Ældre på Østerbro.");
  });
});
