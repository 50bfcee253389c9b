// The portal's open-data download (/data/pejl-datapakke.zip) of a large organisation:
// 10,000 initiatives and 200,000 observations (largeRegistry.ts). Measured: the package
// read and compressed as the portal does it when it has none kept (packageZip.ts, from the
// streamed export), and the zip written again from the kept package (each later download until
// the next write). Baseline in the same run: the package built in memory as text
// (buildDataPackage) and zipped in one call (fflate's zipSync, level 6). For each: wall and CPU
// time, the longest stretch the event loop was held (every other request waits that long),
// and the zip's size. (The baseline holds the package's text; the streamed way only the
// compressed files.) PGlite
// answers each query within one synchronous call, so there the event loop is held throughout.
// On PGlite (a temporary data directory), and on PostgreSQL when DATABASE_URL or
// TEST_DATABASE_URL is set (a temporary database on that server, dropped afterwards).
//   node --import tsx bench/packageZip.ts [scale]     (scale 0.1 = a tenth of the rows)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import type { Context } from "../src/context.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { buildDataPackage } from "../src/opendata/export.ts";
import { compressedPackage, packageZip } from "../src/opendata/packageZip.ts";
import { generate, newOrganisation, registrySize } from "./largeRegistry.ts";
import { measure } from "./measure.ts";
import { withScratchDatabase } from "./scratchDatabase.ts";

const SCALE = Number(process.argv[2] ?? 1);
const ROUNDS = 3;

/** `work` measured, with the longest gap between two turns of the event loop while it ran. */
async function measured(work: () => Promise<Uint8Array>) {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const turn = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  const m = await measure(work);
  running = false;
  return { ...m, longest: Math.max(longest, performance.now() - last) };
}

/** The old way: every file as text in memory, then zipped in one call. */
async function inMemoryZip(ctx: Context): Promise<Uint8Array> {
  const created = new Date();
  const { files } = await buildDataPackage(ctx, { created });
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of files) entries[name] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: created });
}

const concat = (pieces: Iterable<Uint8Array>) => Buffer.concat([...pieces]);

async function run(label: string, database: Database) {
  console.log(`\n== ${label} ==`);
  const ctx = await newOrganisation(database.db, `pakke-${Date.now()}`);
  const rows = await generate(ctx, SCALE);
  console.log(`generated ${rows.toLocaleString("en")} rows`);
  const ways: [string, () => Promise<Uint8Array>][] = [
    ["baseline: text in memory, zipSync", () => inMemoryZip(ctx)],
    ["streamed export, compressed as read", async () => concat(packageZip(await compressedPackage(ctx)))],
  ];
  const best = new Map<string, Awaited<ReturnType<typeof measured>>>();
  for (let round = 1; round <= ROUNDS; round++)
    for (const [name, work] of ways) {
      const m = await measured(work);
      const kept = best.get(name);
      if (!kept || m.ms < kept.ms) best.set(name, m);
    }
  const kept = await compressedPackage(ctx);
  best.set("from the kept package (later downloads)", await measured(async () => concat(packageZip(kept))));
  const base = best.get(ways[0]![0])!;
  console.log(
    `best of ${ROUNDS}                               wall ms   CPU ms  longest turn ms  zip MB  wall vs baseline`,
  );
  for (const [name, m] of best)
    console.log(
      `${name.padEnd(40)} ${m.ms.toFixed(0).padStart(8)} ${m.cpuMs.toFixed(0).padStart(8)} ${m.longest.toFixed(0).padStart(16)} ` +
        `${(m.result.byteLength / 1e6).toFixed(1).padStart(7)} ${(m.ms / base.ms).toFixed(2).padStart(10)}×`,
    );
}

const size = registrySize(SCALE);
console.log(
  `Package download bench: ${size.initiatives.toLocaleString("en")} initiatives, ${size.observations.toLocaleString("en")} observations; ` +
    `Node ${process.version}, ${os.cpus().length} CPUs`,
);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-bench-pglite-"));
const pglite = await openDatabase({ dataDir: path.join(dataDir, "db") });
try {
  await pglite.migrate();
  await run("PGlite (temporary data directory)", pglite);
} finally {
  await pglite.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) await withScratchDatabase(url, (postgres, label) => run(label, postgres));
else console.log("\nDATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL not measured.");
