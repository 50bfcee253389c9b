import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, corpusParagraphs } from "../../test/fixtures/ingest/docxBuilder.ts";
import {
  CORPUS,
  FIXTURES,
  pseudoRandomBytes,
  readErrorCode,
  repoFile,
} from "../../test/fixtures/ingest/helpers.ts";
import { detectType, looksLikeHtml, looksLikeMarkdown } from "./detect.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
const zipOf = (names: string[]) => zipSync(Object.fromEntries(names.map((n) => [n, utf8("<x/>")])));

describe("detectType", () => {
  it.each([
    ["a PDF", () => repoFile(FIXTURES.twoPagesPdf), "pdf", "application/pdf"],
    ["a PDF with junk before the header", () => utf8(`junk\n${"%PDF-1.4\n"}`), "pdf", "application/pdf"],
    ["an HTML page", () => repoFile(FIXTURES.hearingHtml), "html", "text/html"],
    ["an HTML fragment", () => utf8("<h1>Mål</h1>\n<p>Tekst</p>"), "html", "text/html"],
    [
      "XHTML",
      () => utf8('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>'),
      "html",
    ],
    ["Markdown (corpus 000)", () => repoFile(CORPUS.inquiryAnswer), "markdown", "text/markdown"],
    ["plain text (corpus 001)", () => repoFile(CORPUS.policies), "text", "text/plain"],
    ["plain text (corpus 004)", () => repoFile(CORPUS.actionPlans), "text", "text/plain"],
    ["Windows-1252 text with æøå", () => latin1("Målsætning for ældre borgere på Nørrebro\r\n"), "text"],
    ["UTF-8 with a BOM", () => utf8("\uFEFFHandleplan 2019–2022\n"), "text"],
    ["UTF-16LE with a BOM", () => new Uint8Array(Buffer.from("\uFEFFHandleplan æøå\n", "utf16le")), "text"],
    [
      "Markdown that opens with an HTML comment",
      () => utf8("<!-- kladde -->\n# Politik\n\nTekst"),
      "markdown",
    ],
  ])("recognizes %s", (_, bytes, format, mediaType?: string) => {
    const found = detectType(bytes());
    expect(found.format).toBe(format);
    if (mediaType) expect(found.mediaType).toBe(mediaType);
  });

  it("recognizes a DOCX by its word/document.xml entry", async () => {
    const docx = await buildDocx({ paragraphs: corpusParagraphs("# Politik\n\nTekst") });
    expect(detectType(docx)).toEqual({
      format: "docx",
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
  });

  it.each([
    ["an empty file", new Uint8Array(0), "empty_file"],
    ["random binary (say, uploaded as rapport.pdf)", pseudoRandomBytes(4096), "unsupported_type"],
    ["an image", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "unsupported_type"],
    [
      "a legacy .doc",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      "unsupported_type",
    ],
    ["RTF", utf8("{\\rtf1\\ansi Politik}"), "unsupported_type"],
    ["an Excel workbook", zipOf(["[Content_Types].xml", "xl/workbook.xml"]), "unsupported_type"],
    ["a ZIP of other things", zipOf(["readme.txt"]), "unsupported_type"],
  ])("refuses %s", async (_, bytes, code) => {
    expect(await readErrorCode(() => detectType(bytes))).toBe(code);
  });

  it("names what it refuses so that the user knows what to do", () => {
    expect(() => detectType(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(
      /\.docx/,
    );
    expect(() => detectType(zipOf(["mimetypeapplication/vnd.oasis.opendocument.text"]))).toThrow(/\.docx/);
  });
});

describe("sniffing helpers", () => {
  it("does not take prose with a stray tag for HTML", () => {
    expect(looksLikeHtml("<p is how you write a paragraph")).toBe(false);
    expect(looksLikeHtml("Tekst <b>fed</b>")).toBe(false);
    expect(looksLikeHtml("<!doctype html><title>x</title>")).toBe(true);
  });

  it("needs more than a bullet to call text Markdown", () => {
    expect(looksLikeMarkdown("- punkt\n- punkt\n1. nummer")).toBe(false);
    expect(looksLikeMarkdown("## Overskrift\n\nTekst")).toBe(true);
    expect(looksLikeMarkdown("---\ntitle: Politik\n---\nTekst")).toBe(true);
  });
});
