import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS, readErrorCode, repoFile } from "../../../test/fixtures/ingest/helpers.ts";
import { resolveLimits } from "../limits.ts";
import { decodeText, looksLikeText } from "./decode.ts";
import { readText } from "./text.ts";

const limits = resolveLimits();

describe("readText", () => {
  it("returns a corpus file as written", () => {
    const raw = readText(repoFile(CORPUS.actionPlans), limits);
    expect(raw.mediaType).toBe("text/plain");
    expect(raw.text).toBe(readFileSync(CORPUS.actionPlans, "utf8"));
    expect(raw.pages).toBeUndefined();
  });

  it.each([
    ["UTF-8", new TextEncoder().encode("Ærø og Læsø, på Østerbro")],
    ["UTF-8 with a BOM", new TextEncoder().encode("\uFEFFÆrø og Læsø, på Østerbro")],
    ["Windows-1252", new Uint8Array(Buffer.from("Ærø og Læsø, på Østerbro", "latin1"))],
    ["UTF-16LE with a BOM", new Uint8Array(Buffer.from("\uFEFFÆrø og Læsø, på Østerbro", "utf16le"))],
    [
      "UTF-16BE with a BOM",
      new Uint8Array(Buffer.from("\uFEFFÆrø og Læsø, på Østerbro", "utf16le").swap16()),
    ],
  ])("decodes Danish letters from %s", (_, bytes) => {
    expect(readText(bytes, limits).text).toBe("Ærø og Læsø, på Østerbro");
  });

  it("reads Windows-1252's own characters (€, –, quotes) rather than Latin-1 control codes", () => {
    const bytes = new Uint8Array([0x80, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94]);
    expect(readText(bytes, limits).text).toBe("€ – “x”");
    expect(decodeText(bytes).encoding).toBe("windows-1252");
  });

  it("unifies line breaks", () => {
    expect(readText(new TextEncoder().encode("a\r\nb\rc\n"), limits).text).toBe("a\nb\nc\n");
  });

  it("refuses more text than the limit", async () => {
    const code = await readErrorCode(() =>
      readText(new TextEncoder().encode("x".repeat(101)), { maxTextChars: 100 }),
    );
    expect(code).toBe("text_too_large");
  });
});

describe("looksLikeText", () => {
  it("rejects bytes with NULs and many control characters", () => {
    expect(looksLikeText(new Uint8Array([0x41, 0x00, 0x42]))).toBe(false);
    expect(looksLikeText(new Uint8Array(Array.from({ length: 50 }, (_, i) => (i % 2 ? 0x41 : 0x01))))).toBe(
      false,
    );
    expect(looksLikeText(new TextEncoder().encode("Mål\tår\f\n"))).toBe(true);
  });
});
