// Uncached portal pages on PGlite with and without the planner's statistics
// (src/db/statistics.ts): one municipality of the national data set
// (bench/nationalData.ts) imported through the open-data import, then a sample
// of each page type requested one at a time through the app, every request
// uncached (the organisation's generation bumped first); the median of five.
// First with the statistics PGlite has after the import (none: it runs no
// autovacuum), then after refreshStatistics (ANALYZE), in the same process.
// Run: node --import tsx bench/statistics.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { buildApp } from "../src/app.ts";
import { transferImporter } from "../src/commands/organisation/transferImporter.ts";
import { systemActor } from "../src/context.ts";
import { openDatabase } from "../src/db/client.ts";
import { indicators, initiatives, policies } from "../src/db/schema.ts";
import { refreshStatistics } from "../src/db/statistics.ts";
import { createLogger } from "../src/logger.ts";
import { listOrganisations } from "../src/organisation.ts";
import { bumpGeneration } from "../src/queries/generation.ts";
import { nationalSize, writeNationalPackages } from "./nationalData.ts";

const REPEAT = 5;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-statistics-"));
const database = await openDatabase({ dataDir: path.join(root, "db") });
try {
  await database.migrate();
  const { dirs, rows } = writeNationalPackages(path.join(root, "packages"), nationalSize(0.01));
  for (const { dir, slug } of dirs)
    await transferImporter({ db: database.db, actor: systemActor("bench") }, { dir, organisation: slug });
  const [org] = await listOrganisations(database.db);
  const app = buildApp({ database, logger: createLogger("silent") });
  const first = async <T>(query: Promise<T[]>) => (await query)[0]!;
  const where = <T extends { organisationId: Parameters<typeof eq>[0] }>(t: T) =>
    eq(t.organisationId, org!.id);
  const policy = await first(
    database.db.select({ slug: policies.slug }).from(policies).where(where(policies)).limit(1),
  );
  const initiative = await first(
    database.db.select({ id: initiatives.id }).from(initiatives).where(where(initiatives)).limit(1),
  );
  const indicator = await first(
    database.db.select({ id: indicators.id }).from(indicators).where(where(indicators)).limit(1),
  );
  const urls = [
    "/",
    "/politikker",
    `/politikker/${policy.slug}`,
    "/initiativer",
    "/initiativer?side=3&sortering=amount",
    `/initiativer/${initiative.id}`,
    `/indikatorer/${indicator.id}`,
    "/soeg?q=ligestilling",
    "/soeg?q=ligestillnig",
    "/data",
  ];
  const timeAll = async () => {
    const out: number[] = [];
    for (const url of urls) {
      const times: number[] = [];
      for (let i = 0; i < REPEAT; i++) {
        bumpGeneration(org!.id);
        const at = performance.now();
        const res = await app.request(url);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        times.push(performance.now() - at);
      }
      out.push(times.sort((a, b) => a - b)[Math.floor(REPEAT / 2)]!);
    }
    return out;
  };
  console.log(
    `PGlite, ${org!.name}: ${rows.toLocaleString("en")} rows imported; ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}`,
  );
  const without = await timeAll();
  const analysed = performance.now();
  await refreshStatistics(database);
  const analyseMs = performance.now() - analysed;
  const withStats = await timeAll();
  console.log(`ANALYZE took ${analyseMs.toFixed(0)} ms`);
  console.log(`${"uncached page (median of 5)".padEnd(44)} no statistics  after ANALYZE`);
  for (const [i, url] of urls.entries())
    console.log(
      `${url.padEnd(44)} ${without[i]!.toFixed(1).padStart(10)} ms ${withStats[i]!.toFixed(1).padStart(10)} ms  ${(without[i]! / withStats[i]!).toFixed(2)}×`,
    );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `${"all".padEnd(44)} ${sum(without).toFixed(1).padStart(10)} ms ${sum(withStats).toFixed(1).padStart(10)} ms  ${(sum(without) / sum(withStats)).toFixed(2)}×`,
  );
} finally {
  await database.close();
  fs.rmSync(root, { recursive: true, force: true });
}
