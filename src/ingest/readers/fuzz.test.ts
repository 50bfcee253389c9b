// Mangled uploads: truncated, bit-flipped and spliced versions of a real file of every format.
// Whatever the bytes, a read ends in a RawText or a ReadError with a known code, within the time
// limit, without taking the process's memory with it.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocx, corpusParagraphs } from "../../../test/fixtures/ingest/docxBuilder.ts";
import { CORPUS, FIXTURES, repoFile } from "../../../test/fixtures/ingest/helpers.ts";
import { readDocument } from "../read.ts";
import type { RawText } from "../types.ts";
import { stopIdleReaders } from "./isolate.ts";
import { ReadError, type ReadErrorCode } from "./readError.ts";

const MB = 1024 * 1024;
const LIMITS = { timeoutMs: 4_000, maxTextChars: 2_000_000, workerRssGrowthMb: 512 };
// read_failed and resource_limit would mean a crashed worker or a runaway parse: not allowed here.
const ALLOWED: ReadErrorCode[] = [
  "empty_file",
  "unsupported_type",
  "pdf_encrypted",
  "pdf_corrupt",
  "pdf_no_text",
  "pdf_too_many_pages",
  "docx_too_large",
  "docx_corrupt",
  "text_too_large",
  "timeout",
];

type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "flip"; at: number[]; xor: number }
  | { kind: "splice"; at: number; remove: number; insert: Uint8Array }
  | { kind: "repeat"; from: number; length: number; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("flip" as const),
    at: fc.array(fc.nat(), { minLength: 1, maxLength: 16 }),
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({
    kind: fc.constant("splice" as const),
    at: fc.nat(),
    remove: fc.nat({ max: 256 }),
    insert: fc.uint8Array({ maxLength: 256 }),
  }),
  fc.record({
    kind: fc.constant("repeat" as const),
    from: fc.nat(),
    length: fc.nat({ max: 4096 }),
    at: fc.nat(),
  }),
);

function mangle(seed: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = seed;
  for (const m of mutations) {
    const n = Math.max(bytes.length, 1);
    if (m.kind === "truncate") bytes = bytes.subarray(0, m.at % n);
    else if (m.kind === "flip") {
      bytes = new Uint8Array(bytes);
      for (const at of m.at) if (bytes.length > 0) bytes[at % bytes.length]! ^= m.xor;
    } else if (m.kind === "splice") {
      const at = m.at % n;
      bytes = concat(bytes.subarray(0, at), m.insert, bytes.subarray(at + m.remove));
    } else {
      const from = m.from % n;
      const at = m.at % n;
      bytes = concat(bytes.subarray(0, at), bytes.subarray(from, from + m.length), bytes.subarray(at));
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function checkRawText(raw: RawText): void {
  expect(typeof raw.text).toBe("string");
  expect(raw.text.length).toBeLessThanOrEqual(LIMITS.maxTextChars);
  let previousEnd = 0;
  for (const page of raw.pages ?? []) {
    expect(page.start).toBeGreaterThanOrEqual(previousEnd);
    expect(page.end).toBeGreaterThanOrEqual(page.start);
    expect(page.end).toBeLessThanOrEqual(raw.text.length);
    previousEnd = page.end;
  }
}

const seeds: Record<string, Uint8Array> = {};
let peakRssGrowth = 0;
const rssAtStart = process.memoryUsage.rss();

beforeAll(async () => {
  seeds.pdf = repoFile(FIXTURES.twoPagesPdf);
  seeds.html = repoFile(FIXTURES.hearingHtml);
  seeds.markdown = repoFile(CORPUS.inquiryAnswer);
  seeds.text = repoFile(CORPUS.statusReport);
  const text = readFileSync(CORPUS.inquiryAnswer, "utf8");
  seeds.docx = await buildDocx({ title: "Svar", paragraphs: corpusParagraphs(text) });
});

afterAll(async () => {
  await stopIdleReaders();
  // Every read is bounded; the whole run must not have ballooned the process either.
  expect(peakRssGrowth).toBeLessThan(1024 * MB);
});

describe.each([
  ["pdf", 40],
  ["docx", 30],
  ["html", 30],
  ["markdown", 100],
  ["text", 100],
])("mangled %s", (format, numRuns) => {
  it("ends in RawText or a known ReadError, in time", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const bytes = mangle(seeds[format]!, mutations);
        const started = performance.now();
        try {
          checkRawText(await readDocument(bytes, LIMITS));
        } catch (error) {
          if (!(error instanceof ReadError)) throw error;
          expect(ALLOWED).toContain(error.code);
        }
        // The time limit plus, at most, starting a fresh worker after a discarded one.
        expect(performance.now() - started).toBeLessThan(LIMITS.timeoutMs + 15_000);
        peakRssGrowth = Math.max(peakRssGrowth, process.memoryUsage.rss() - rssAtStart);
      }),
      { numRuns },
    );
  }, 180_000);
});
