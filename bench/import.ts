// Import of the whole demo corpus on PGlite (read, recognize, store, accept all),
// and recognizer throughput in pages/s. Baseline in the same run: reading the
// same files from disk and hashing them.
// Run: node --import tsx bench/import.ts
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { documentImporter } from "../src/commands/documentImporter.ts";
import { createContext, systemActor } from "../src/context.ts";
import { openDatabase } from "../src/db/client.ts";
import { demoDocuments, demoOrganisationSeed } from "../src/demo/loadDemo.ts";
import { extract } from "../src/ingest/extract.ts";
import { normalize } from "../src/ingest/normalize.ts";
import { readDocument } from "../src/ingest/read.ts";
import { ensureOrganisation } from "../src/organisation.ts";

const seed = demoOrganisationSeed();
const files = demoDocuments().map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(f) }));
const chars = files.reduce((n, f) => n + f.bytes.length, 0);
// A printed A4 page holds about 3,000 characters of running text.
const pages = chars / 3000;

let t = performance.now();
for (const f of files) createHash("sha256").update(f.bytes).digest("hex");
const baseline = performance.now() - t;

// Recognizer throughput, warm (the first call of a process compiles the regular expressions).
const raws = await Promise.all(files.map((f) => readDocument(f.bytes)));
for (const raw of raws) extract(normalize(raw), seed);
const rounds = 5;
t = performance.now();
for (let i = 0; i < rounds; i++) for (const raw of raws) extract(normalize(raw), seed);
const recognizeMs = (performance.now() - t) / rounds;

const database = await openDatabase();
await database.migrate();
const org = await ensureOrganisation(database.db, seed);
const ctx = createContext({ db: database.db, organisationId: org.id, actor: systemActor("bench") });
t = performance.now();
let accepted = 0;
for (const f of files)
  accepted += (await documentImporter(ctx, { bytes: f.bytes, filename: f.name, acceptAll: true })).accepted;
const importMs = performance.now() - t;
await database.close();

console.log(
  `demo corpus: ${files.length} files, ${(chars / 1024).toFixed(0)} KiB, ≈${pages.toFixed(0)} pages`,
);
console.log(`baseline (read + sha256): ${baseline.toFixed(1)} ms`);
console.log(
  `normalize + recognize: ${recognizeMs.toFixed(0)} ms per corpus = ${((pages / recognizeMs) * 1000).toFixed(0)} pages/s`,
);
console.log(
  `import and accept all on PGlite (in memory): ${importMs.toFixed(0)} ms, ${accepted} entities accepted (${(importMs / baseline).toFixed(0)}× baseline; target < 2000 ms)`,
);
process.exit(0);
