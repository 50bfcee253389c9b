import os from "node:os";
import { strToU8, zipSync } from "fflate";
import type { Context } from "../src/context.ts";
import type { Database } from "../src/db/client.ts";
import { buildDataPackage } from "../src/opendata/export.ts";
import { compressedPackage, dataPackageZip, packageZip } from "../src/opendata/packageZip.ts";
import { generate, newOrganisation, registrySize } from "./largeRegistry.ts";
import { measure } from "./measure.ts";
import { onEachDatabase } from "./scratchDatabase.ts";

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
    ["streamed export, compressed as read", () => dataPackageZip(ctx)],
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

await onEachDatabase((database, label) => run(label, database));
