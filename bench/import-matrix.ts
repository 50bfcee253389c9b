// The format matrix: every document of the answer key (the five corpus documents and an invented
// policy of another municipality) saved as text, re-wrapped text, HTML, Word (the `docx` package
// and pandoc) and PDF (printed by LibreOffice), read and recognized as an upload is, and scored per
// entity kind and key value: found / expected. Needs `pandoc` and `soffice` for the last two
// formats (`--no-external` skips them); printed PDFs are cached in the temp folder.
//   node --import tsx bench/import-matrix.ts [--no-external] [--only NAME] [--missing]
import { analyzeDocument } from "../src/ingest/pipeline.ts";
import { stopIdleReaders } from "../src/ingest/read.ts";
import type { Candidate } from "../src/ingest/types.ts";
import { ANSWER_KEY, ENTITY_KINDS, type MatrixEntry } from "../test/fixtures/ingest/matrix/answerKey.ts";
import { allFormats, type MatrixFormat } from "../test/fixtures/ingest/matrix/formats.ts";

const args = process.argv.slice(2);
const external = !args.includes("--no-external");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const showMissing = args.includes("--missing");

interface Score {
  name: string;
  found: number;
  expected: number;
}

function score(entry: MatrixEntry, candidates: Candidate[]): Score[] {
  const kinds = ENTITY_KINDS.filter((k) => entry.counts[k] !== undefined).map((k) => ({
    name: k,
    found: candidates.filter((c) => c.entity === k).length,
    expected: entry.counts[k]!,
  }));
  const values = entry.values.map((v) => ({
    name: v.name,
    found: v.found(candidates),
    expected: v.expected,
  }));
  return [...kinds, ...values];
}

const cell = (s: Score) => `${s.found}/${s.expected}${s.found === s.expected ? "" : " ✗"}`;

let total = 0;
let right = 0;
for (const entry of ANSWER_KEY) {
  if (only && !entry.doc.name.includes(only)) continue;
  const files = await allFormats(entry.doc, { ...(entry.text ? { text: entry.text } : {}), external });
  const formats = Object.keys(files) as MatrixFormat[];
  const columns: Record<string, Score[]> = {};
  for (const format of formats) {
    const analysis = await analyzeDocument(files[format]!, {}, entry.units);
    columns[format] = score(entry, analysis.candidates);
    if (showMissing && format !== "text")
      console.log(`  [${entry.doc.name} / ${format}] ${analysis.extraction.documentKind}`);
  }
  const names = columns[formats[0]!]!.map((s) => s.name);
  const width = Math.max(...names.map((n) => n.length), 12);
  console.log(`\n${entry.doc.name}`);
  console.log(`| ${"".padEnd(width)} | ${formats.map((f) => f.padEnd(11)).join(" | ")} |`);
  console.log(`|${"-".repeat(width + 2)}|${formats.map(() => "-".repeat(13)).join("|")}|`);
  names.forEach((name, i) => {
    const row = formats.map((f) => cell(columns[f]![i]!).padEnd(11));
    for (const f of formats) {
      total++;
      if (columns[f]![i]!.found === columns[f]![i]!.expected) right++;
    }
    console.log(`| ${name.padEnd(width)} | ${row.join(" | ")} |`);
  });
}
console.log(`\ncells at their expected value: ${right} / ${total}`);
await stopIdleReaders();
