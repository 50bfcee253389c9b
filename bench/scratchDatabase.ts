// Databases of the bench's own, migrated, so a bench never writes into real data: a PGlite
// in a temporary data directory, and a database on a PostgreSQL server (the tests' own
// helper); each removed afterwards whatever happens.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Database, openDatabase } from "../src/db/client.ts";
import { emptyPostgresDatabase } from "../test/db.ts";

type Work = (database: Database, label: string) => Promise<void>;

/** Runs `work` on a new, migrated database on the server at `url`, then drops it. */
export async function withScratchDatabase(url: string, work: Work): Promise<void> {
  const scratch = await emptyPostgresDatabase(url);
  const database = await openDatabase({ url: scratch.url, poolSize: 4 });
  try {
    await database.migrate();
    await work(database, `PostgreSQL (${database.location.replace(/\/[^/]*$/, "/…")})`);
  } finally {
    await database.close();
    await scratch.drop();
  }
}

/** Runs `work` on a migrated PGlite in a temporary data directory, then removes it. */
async function withScratchPglite(work: Work): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-bench-pglite-"));
  const pglite = await openDatabase({ dataDir: path.join(dataDir, "db") });
  try {
    await pglite.migrate();
    await work(pglite, "PGlite (temporary data directory)");
  } finally {
    await pglite.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Runs `work` on a scratch PGlite, then on a scratch database on the PostgreSQL server that
 * DATABASE_URL or TEST_DATABASE_URL names, if either is set; `only` runs one of them.
 */
export async function onEachDatabase(work: Work, only?: "pglite" | "postgres"): Promise<void> {
  if (only !== "postgres") await withScratchPglite(work);
  if (only === "pglite") return;
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) await withScratchDatabase(url, work);
  else console.log("\nDATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL not measured.");
}
