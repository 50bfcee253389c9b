// The format matrix as tests: each document of the answer key (the five corpus documents and an
// invented policy of another municipality), saved as text, re-wrapped text, a web page and a Word
// file with real styles and tables, read and recognized as an upload is, gives the counts and key
// values the key states, which are the text's. PDF and pandoc's Word come from committed files
// (LibreOffice and pandoc are not needed to run the tests). bench/import-matrix.ts prints it all.
import { describe, expect, it } from "vitest";
import { LAYOUT_FIXTURES, repoFile } from "../../test/fixtures/ingest/helpers.ts";
import { ANSWER_KEY, ENTITY_KINDS, type MatrixEntry } from "../../test/fixtures/ingest/matrix/answerKey.ts";
import { allFormats } from "../../test/fixtures/ingest/matrix/formats.ts";
import { analyzeDocument } from "./pipeline.ts";
import type { Candidate } from "./types.ts";

/** Found / expected per entity kind and key value, as the bench prints them. */
function scores(entry: MatrixEntry, candidates: Candidate[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ENTITY_KINDS)
    if (entry.counts[k] !== undefined)
      out[k] = `${candidates.filter((c) => c.entity === k).length}/${entry.counts[k]}`;
  for (const v of entry.values) out[v.name] = `${v.found(candidates)}/${v.expected}`;
  return out;
}

function perfect(entry: MatrixEntry): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ENTITY_KINDS)
    if (entry.counts[k] !== undefined) out[k] = `${entry.counts[k]}/${entry.counts[k]}`;
  for (const v of entry.values) out[v.name] = `${v.expected}/${v.expected}`;
  return out;
}

const entry = (name: string) => ANSWER_KEY.find((e) => e.doc.name.startsWith(name))!;

describe.each(ANSWER_KEY.map((e) => [e.doc.name, e] as const))("%s", (_, e) => {
  it("gives the answer key's counts and key values as text, re-wrapped text, HTML and Word", async () => {
    const files = await allFormats(e.doc, e.text ? { text: e.text } : {});
    for (const [format, bytes] of Object.entries(files)) {
      const { candidates } = await analyzeDocument(bytes, {}, e.units);
      expect({ format, ...scores(e, candidates) }).toEqual({ format, ...perfect(e) });
    }
  });
});

describe("printed to PDF and written by pandoc", () => {
  it.each([
    ["000", LAYOUT_FIXTURES.inquiryAnswer],
    ["003", LAYOUT_FIXTURES.hearingResponse],
    ["havnstrup", "test/fixtures/ingest/matrix/havnstrup-policy.pdf"],
    ["havnstrup", "test/fixtures/ingest/matrix/havnstrup-policy.pandoc.docx"],
  ])("%s from %s gives the answer key", async (name, path) => {
    const e = entry(name);
    const { candidates } = await analyzeDocument(repoFile(path), {}, e.units);
    expect(scores(e, candidates)).toEqual(perfect(e));
  });
});
