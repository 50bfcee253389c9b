import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { buildDocx, corpusParagraphs } from "../../test/fixtures/ingest/docxBuilder.ts";
import {
  CORPUS,
  FIXTURES,
  pseudoRandomBytes,
  readErrorCode,
  repoFile,
} from "../../test/fixtures/ingest/helpers.ts";
import { DEFAULT_LIMITS, resolveLimits } from "./limits.ts";
import { readDocument } from "./read.ts";
import { stopIdleReaders } from "./readers/isolate.ts";
import { formatSize, ReadError, readErrors } from "./readers/readError.ts";

const MB = 1024 * 1024;
afterAll(stopIdleReaders);

describe("readDocument", () => {
  it.each(Object.entries(CORPUS))(
    "reads corpus file %s with its text intact",
    async (_, path) => {
      const raw = await readDocument(repoFile(path));
      if (raw.mediaType === "text/plain") expect(raw.text).toBe(readFileSync(path, "utf8"));
      else {
        // Markdown is read into blocks; each block's text is where its span says.
        expect(raw.mediaType).toBe("text/markdown");
        expect(raw.blocks?.length).toBeGreaterThanOrEqual(5);
        for (const b of raw.blocks ?? [])
          if (b.kind !== "table") expect(raw.text.slice(b.start, b.end)).toBe(b.text);
      }
    },
    30_000,
  );

  it("dispatches on the bytes: PDF, DOCX and HTML", async () => {
    expect((await readDocument(repoFile(FIXTURES.twoPagesPdf))).mediaType).toBe("application/pdf");
    expect((await readDocument(repoFile(FIXTURES.hearingHtml))).mediaType).toBe("text/html");
    const docx = await buildDocx({ paragraphs: corpusParagraphs("## Mål 1\n\n- Flere i job") });
    const raw = await readDocument(docx);
    expect(raw.mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(raw.text).toBe("## Mål 1\n\n- Flere i job");
  }, 30_000);

  it("leaves the caller's bytes untouched (the worker gets a copy)", async () => {
    const bytes = repoFile(FIXTURES.twoPagesPdf);
    const copy = new Uint8Array(bytes);
    await readDocument(bytes);
    expect(bytes).toEqual(copy);
  }, 30_000);

  it("works on a Node Buffer that is a view into a shared pool", async () => {
    const pooled = Buffer.from("<h1>Politik</h1><p>Tekst</p>");
    expect(pooled.byteLength).toBeLessThan(pooled.buffer.byteLength);
    expect((await readDocument(pooled)).text).toBe("# Politik\n\nTekst");
  }, 30_000);

  it.each([
    ["an empty file", new Uint8Array(0), "empty_file"],
    ["random binary named .pdf", pseudoRandomBytes(10_000, 7), "unsupported_type"],
  ])("refuses %s", async (_, bytes, code) => {
    expect(await readErrorCode(readDocument(bytes))).toBe(code);
  });

  it("refuses a file above the size limit before reading it", async () => {
    const bytes = repoFile(FIXTURES.twoPagesPdf);
    const error = await readDocument(bytes, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect(error).toMatchObject({
      code: "file_too_large",
      message: "The file is 4.6 KB; the limit is 1 KB.",
    });
  });

  it("passes the time limit to the readers", async () => {
    expect(await readErrorCode(readDocument(repoFile(FIXTURES.twoPagesPdf), { timeoutMs: 1 }))).toBe(
      "timeout",
    );
  }, 30_000);
});

describe("limits", () => {
  it("defaults to a 50 MB upload limit and takes overrides", () => {
    expect(DEFAULT_LIMITS.maxBytes).toBe(50 * MB);
    expect(resolveLimits({ maxBytes: 10 }).maxBytes).toBe(10);
    expect(resolveLimits({ maxBytes: -1, timeoutMs: Number.NaN })).toEqual(DEFAULT_LIMITS);
  });
});

describe("error messages", () => {
  it("says sizes the way people do", () => {
    expect(readErrors.fileTooLarge(300 * MB, 50 * MB).message).toBe(
      "The file is 300 MB; the limit is 50 MB.",
    );
    expect(formatSize(2 * 1024 * MB)).toBe("2 GB");
    expect(formatSize(1536 * 1024)).toBe("1.5 MB");
    expect(formatSize(1)).toBe("1 byte");
  });

  it("gives every code a sentence", () => {
    const all = [
      readErrors.emptyFile(),
      readErrors.fileTooLarge(300 * MB, 50 * MB),
      readErrors.unsupportedType(),
      readErrors.unsupportedType("This is an image; reading text from images (OCR) is not supported."),
      readErrors.pdfEncrypted(),
      readErrors.pdfCorrupt(),
      readErrors.pdfNoText(),
      readErrors.pdfTooManyPages(5000, 2000),
      readErrors.docxTooLarge("it would expand to 4 GB; the limit is 200 MB"),
      readErrors.docxCorrupt(),
      readErrors.textTooLarge(20_000_000),
      readErrors.resourceLimit(),
      readErrors.timeout(60_000),
      readErrors.readFailed(),
    ];
    expect(new Set(all.map((e) => e.code)).size).toBe(13);
    for (const error of all) expect(error.message).toMatch(/^[A-Z][^\n]*\.$/);
  });
});
