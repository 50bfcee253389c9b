// Reading and importing per format: pages per second of each reader on the same document, the
// whole import (read, recognize, store, accept all on PGlite in memory) per format, and the peak
// memory of reading a 300-page PDF printed by LibreOffice. The baseline, in the same run, is the
// same document as plain text: reading it, and importing it.
//   node --import tsx bench/import-formats.ts [--pages 300]
// Needs `pandoc` and `soffice` (converted files are cached in the temp folder; the first run
// prints the 300-page PDF, which takes a minute or two).
import { documentImporter } from "../src/commands/documentImporter.ts";
import { createContext, systemActor } from "../src/context.ts";
import { openDatabase } from "../src/db/client.ts";
import { demoOrganisationSeed } from "../src/demo/loadDemo.ts";
import { DEFAULT_LIMITS } from "../src/ingest/limits.ts";
import { readDocument, stopIdleReaders, warmUpReaders } from "../src/ingest/read.ts";
import { ensureOrganisation } from "../src/organisation.ts";
import { ANSWER_KEY } from "../test/fixtures/ingest/matrix/answerKey.ts";
import { allFormats, toPdf } from "../test/fixtures/ingest/matrix/formats.ts";
import type { MatrixDocument } from "../test/fixtures/ingest/matrix/model.ts";

const args = process.argv.slice(2);
const PAGES = args.includes("--pages") ? Number(args[args.indexOf("--pages") + 1]) : 300;
const MB = 1024 * 1024;
const ROUNDS = 3;

/** The median of `rounds` timings of `work`, in ms. */
async function time(work: () => Promise<unknown>, rounds = ROUNDS): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await work();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
}

/** Run `work` while sampling the process's resident memory (the reader worker's included). */
async function peakRss(work: () => Promise<unknown>): Promise<{ ms: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const t = performance.now();
  await work();
  const ms = performance.now() - t;
  clearInterval(sampler);
  return { ms, peakMb: Math.max(peak, process.memoryUsage.rss()) / MB };
}

const policies = ANSWER_KEY.find((e) => e.doc.name.startsWith("001"))!;
const text = policies.text!;
// A printed A4 page holds about 3,000 characters of running text (as bench/import.ts counts).
const pages = text.length / 3000;
const files = await allFormats(policies.doc, { text, external: true });

warmUpReaders(DEFAULT_LIMITS);
await readDocument(new TextEncoder().encode("<p>warm</p>"));

console.log(
  `document: the four policies (001), ${(text.length / 1024).toFixed(0)} KiB of text ≈ ${pages.toFixed(0)} pages`,
);
console.log(`median of ${ROUNDS} runs; warm reader worker\n`);
console.log("format        size KiB   read ms   pages/s   × text   import ms   × text");
/** One import into a fresh in-memory PGlite database; the time of the import alone. */
async function importOnce(bytes: Uint8Array, filename: string): Promise<number> {
  const database = await openDatabase();
  await database.migrate();
  const org = await ensureOrganisation(database.db, demoOrganisationSeed());
  const ctx = createContext({ db: database.db, organisationId: org.id, actor: systemActor("bench") });
  const t = performance.now();
  await documentImporter(ctx, { bytes, filename, acceptAll: true });
  const ms = performance.now() - t;
  await database.close();
  return ms;
}

// Warm-up: the first import of a process compiles the recognizers' expressions and the queries.
await importOnce(files.text!, "politikker.txt");
const rows: { format: string; size: number; read: number; importMs: number }[] = [];
for (const [format, bytes] of Object.entries(files)) {
  const read = await time(() => readDocument(bytes));
  const importMs = await importOnce(bytes, `politikker.${format}`);
  rows.push({ format, size: bytes.length / 1024, read, importMs });
}
const base = rows.find((r) => r.format === "text")!;
for (const r of rows)
  console.log(
    `${r.format.padEnd(12)} ${r.size.toFixed(0).padStart(9)} ${r.read.toFixed(1).padStart(9)} ${((pages / r.read) * 1000).toFixed(0).padStart(9)} ${(r.read / base.read).toFixed(1).padStart(8)} ${r.importMs.toFixed(0).padStart(11)} ${(r.importMs / base.importMs).toFixed(1).padStart(8)}`,
  );

// A long PDF as an office suite prints it: the two long corpus documents, repeated.
const plans = ANSWER_KEY.find((e) => e.doc.name.startsWith("004"))!;
const longDoc: MatrixDocument = {
  ...policies.doc,
  name: "long",
  blocks: [...policies.doc.blocks, ...plans.doc.blocks],
};
const unit = [...longDoc.blocks];
// 001 and 004 print to about 105 pages together.
while (longDoc.blocks.length < (unit.length * PAGES) / 105) longDoc.blocks.push(...unit);
const pdf = await toPdf(longDoc);
const plain = new TextEncoder().encode(longDoc.blocks.map((b) => ("text" in b ? b.text : "")).join("\n\n"));
const printed = Number(
  /\/Type\s*\/Pages\b[^>]*\/Count\s+(\d+)/.exec(Buffer.from(pdf).toString("latin1"))?.[1] ?? 0,
);
console.log(
  `\nlong PDF: ${printed} pages, ${(pdf.length / MB).toFixed(1)} MB; the same text as plain text ${(plain.length / MB).toFixed(1)} MB`,
);
console.log(`rss before: ${(process.memoryUsage.rss() / MB).toFixed(0)} MB`);
const plainRun = await peakRss(() => readDocument(plain));
const pdfRun = await peakRss(() => readDocument(pdf));
console.log("case                  time ms   pages/s   peak rss MB");
console.log(
  `plain text (baseline) ${plainRun.ms.toFixed(0).padStart(7)} ${"".padStart(9)} ${plainRun.peakMb.toFixed(0).padStart(13)}`,
);
console.log(
  `PDF, warm worker      ${pdfRun.ms.toFixed(0).padStart(7)} ${((printed / pdfRun.ms) * 1000).toFixed(0).padStart(9)} ${pdfRun.peakMb.toFixed(0).padStart(13)}`,
);
await stopIdleReaders();
process.exit(0);
