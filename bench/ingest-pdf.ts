// Reading a 300-page text PDF: time, peak memory and pages per second, against a baseline of
// the same text read as a plain-text upload in the same run.
//   node --import tsx bench/ingest-pdf.ts [pages]
// The PDF is written by the test suite's minimal PDF writer (no PDF library is needed), from the
// demo corpus's policy text, 50 lines of at most 90 characters a page.
import { readFileSync } from "node:fs";
import { DEFAULT_LIMITS, resolveLimits } from "../src/ingest/limits.ts";
import { readDocument } from "../src/ingest/read.ts";
import { stopIdleReaders, warmUpReaders } from "../src/ingest/readers/isolate.ts";
import { readPdfInProcess } from "../src/ingest/readers/pdf.ts";
import { buildPdf, paginate } from "../test/fixtures/ingest/pdfWriter.ts";
import { MB, measure } from "./measure.ts";

const PAGES = Number(process.argv[2] ?? 300);

function syntheticPages(pages: number) {
  const corpus = ["data/demo/001_ee4dbdb44e1a7a93.txt", "data/demo/004_7c8e50ded8f448b7.txt"]
    .map((path) => readFileSync(path, "utf8"))
    .join("\n");
  let text = corpus;
  while (paginate(text).length < pages) text += `\n${corpus}`;
  return paginate(text).slice(0, pages);
}

const pages = syntheticPages(PAGES);
const pdf = buildPdf(pages, { title: "Syntetisk politik" });
const plain = new TextEncoder().encode(pages.map((p) => (p.lines ?? []).join("\n")).join("\n\n"));
console.log(
  `input: ${PAGES} pages, PDF ${(pdf.length / MB).toFixed(1)} MB, same text as plain text ${(plain.length / MB).toFixed(1)} MB`,
);
console.log(`rss before: ${(process.memoryUsage.rss() / MB).toFixed(0)} MB\n`);

const rows: [string, { ms: number; peakRssMb: number }, number][] = [];
const record = (name: string, m: { ms: number; peakRssMb: number; result: { text: string } }) => {
  rows.push([name, m, m.result.text.length]);
};

// Baseline first: decoding the same text, no parsing.
record("plain text (baseline)", await measure(() => readDocument(plain)));

// A cold read pays for starting the worker and loading pdf.js; the server warms one up at start.
record("PDF, cold worker", await measure(() => readDocument(pdf)));
warmUpReaders(DEFAULT_LIMITS);
await readDocument(new TextEncoder().encode("<p>warm</p>"));
record("PDF, warm worker", await measure(() => readDocument(pdf)));
record("PDF, warm worker (2nd)", await measure(() => readDocument(pdf)));
// Without the worker: what the isolation costs (pdf.js loaded and warmed in this thread first).
await readPdfInProcess(buildPdf(pages.slice(0, 10)), resolveLimits());
record("PDF, in this thread", await measure(() => readPdfInProcess(pdf, resolveLimits())));

const base = rows[0]![1].ms;
console.log("case                       time ms   pages/s   peak rss MB   × baseline   chars");
for (const [name, m, chars] of rows) {
  const perSecond = name.startsWith("plain") ? "" : ((PAGES / m.ms) * 1000).toFixed(0);
  console.log(
    `${name.padEnd(26)} ${m.ms.toFixed(1).padStart(8)} ${perSecond.padStart(9)} ${m.peakRssMb.toFixed(0).padStart(13)} ${(m.ms / base).toFixed(0).padStart(12)} ${String(chars).padStart(7)}`,
  );
}
await stopIdleReaders();
