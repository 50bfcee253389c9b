import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { CORPUS, FIXTURES, readErrorCode, repoFile } from "../../../test/fixtures/ingest/helpers.ts";
import { buildPdf } from "../../../test/fixtures/ingest/pdfWriter.ts";
import { resolveLimits } from "../limits.ts";
import { stopIdleReaders } from "./isolate.ts";
import { readPdf } from "./pdf.ts";
import type { ReadError } from "./readError.ts";

const limits = resolveLimits();
afterAll(stopIdleReaders);

describe("readPdf on the committed fixtures", () => {
  it("reads a two-page text PDF with its page boundaries and title", async () => {
    const raw = await readPdf(repoFile(FIXTURES.twoPagesPdf), limits);
    expect(raw.mediaType).toBe("application/pdf");
    expect(raw.metadataTitle).toBe("Status på ligestilling: Socialområdet");
    expect(raw.pages?.map((p) => p.page)).toEqual([1, 2]);
    const [one, two] = raw.pages!;
    expect(one!.start).toBe(0);
    // Page 2 starts where its first printed line is in the text: after a blank line between
    // blocks, or after a line break where a paragraph goes on over the page break.
    expect(raw.text.slice(one!.end, two!.start)).toMatch(/^\n\n?$/);
    expect(two!.end).toBe(raw.text.length);

    const page1 = raw.text.slice(one!.start, one!.end);
    const page2 = raw.text.slice(two!.start, two!.end);
    expect(page1.startsWith("Socialområdet")).toBe(true);
    // The fixture's second page holds the corpus's last paragraph, wrapped at 90 characters.
    const corpus = readFileSync(CORPUS.statusReport, "utf8");
    const lastWords = corpus.trim().split(/\s+/).slice(-6).join(" ");
    expect(page2.replace(/\s+/g, " ")).toContain(lastWords);
    expect(page1.replace(/\s+/g, " ")).not.toContain(lastWords);
    expect(raw.text.replace(/\s+/g, " ")).toContain("i sager om æresrelaterede problemstillinger");
  }, 30_000);

  it.each([
    ["encrypted", FIXTURES.encryptedPdf, "pdf_encrypted"],
    ["image-only (scanned)", FIXTURES.imageOnlyPdf, "pdf_no_text"],
    ["truncated", FIXTURES.truncatedPdf, "pdf_corrupt"],
  ])(
    "refuses the %s fixture",
    async (_, path, code) => {
      expect(await readErrorCode(readPdf(repoFile(path), limits))).toBe(code);
    },
    30_000,
  );

  it("explains an encrypted PDF and a scanned one in words", async () => {
    await expect(readPdf(repoFile(FIXTURES.encryptedPdf), limits)).rejects.toThrow(
      "The PDF is encrypted; remove the password and try again.",
    );
    await expect(readPdf(repoFile(FIXTURES.imageOnlyPdf), limits)).rejects.toThrow(
      "No text found: the PDF may be scanned; OCR is not supported.",
    );
  }, 30_000);
});

describe("readPdf limits", () => {
  it("refuses more pages than the cap", async () => {
    const pdf = buildPdf([{ lines: ["en"] }, { lines: ["to"] }, { lines: ["tre"] }]);
    expect(await readErrorCode(readPdf(pdf, { ...limits, pdfMaxPages: 2 }))).toBe("pdf_too_many_pages");
  }, 30_000);

  it("refuses more text than the limit", async () => {
    const pdf = buildPdf([{ lines: ["Målsætning ".repeat(8)] }]);
    expect(await readErrorCode(readPdf(pdf, { ...limits, maxTextChars: 20 }))).toBe("text_too_large");
  }, 30_000);

  // A content stream that inflates from about 100 KB to 100 MB of spaces: pdf.js needs seconds.
  const bomb = streamBombPdf(100 * 1024 * 1024);
  // The inflation guard would refuse it first: lifted, to reach pdf.js's own limits.
  const unguarded = { pdfMaxStreamBytes: 1024 ** 3, pdfMaxInflatedBytes: 1024 ** 3 };

  it("stops a PDF that takes longer than the time limit, and the next read still works", async () => {
    const started = performance.now();
    expect(await readErrorCode(readPdf(bomb, { ...limits, ...unguarded, timeoutMs: 300 }))).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(5_000);
    const raw = await readPdf(buildPdf([{ lines: ["Efter timeout"] }]), limits);
    expect(raw.text).toBe("Efter timeout");
  }, 30_000);

  it("stops a PDF whose decoded streams outgrow the memory limit", async () => {
    const code = await readErrorCode(
      readPdf(bomb, { ...limits, ...unguarded, workerRssGrowthMb: 32, timeoutMs: 20_000 }),
    );
    expect(code).toBe("resource_limit");
  }, 30_000);

  it("refuses a stream that inflates past the limit before pdf.js decodes it", async () => {
    const error = await readPdf(bomb, limits).catch((e: unknown) => e as ReadError);
    expect((error as ReadError).code).toBe("resource_limit");
    expect((error as ReadError).message).toMatch(/decompression bomb/);
    // The same file's text is read when the limits allow its size.
    const small = streamBombPdf(2 * 1024 * 1024);
    expect((await readPdf(small, limits)).text).toBe("Tekst");
    expect(await readErrorCode(readPdf(small, { ...limits, pdfMaxStreamBytes: 1024 * 1024 }))).toBe(
      "resource_limit",
    );
  }, 30_000);
});

function streamBombPdf(inflatedBytes: number): Uint8Array {
  const content = Buffer.alloc(inflatedBytes, 0x20);
  content.write("BT /F1 11 Tf 56 786 Td (Tekst) Tj ET", 0, "latin1");
  const z = deflateSync(content, { level: 9 });
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
  ];
  const head = objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join("");
  const parts = [
    Buffer.from(
      `%PDF-1.4\n${head}4 0 obj\n<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`,
      "latin1",
    ),
    z,
    Buffer.from(
      "\nendstream\nendobj\n5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
      "latin1",
    ),
  ];
  return new Uint8Array(Buffer.concat(parts));
}
