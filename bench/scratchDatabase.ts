// A PostgreSQL database of the bench's own on the given server, migrated, so a bench never
// writes into real data; dropped afterwards whatever happens.
import pg from "pg";
import { type Database, openDatabase } from "../src/db/client.ts";

/** Runs `work` on a new, migrated database on the server at `url`, then drops it. */
export async function withScratchDatabase(
  url: string,
  prefix: string,
  work: (database: Database, label: string) => Promise<void>,
): Promise<void> {
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), poolSize: 4 });
  try {
    await database.migrate();
    await work(database, `PostgreSQL (${database.location.replace(/\/[^/]*$/, "/…")})`);
  } finally {
    await database.close();
    await dropDatabase(admin, name);
    await admin.end();
  }
}

/**
 * Drops a database once the closed pool's connections are gone. Not WITH (FORCE): that
 * kills connections still closing, and their error surfaces as an unhandled one.
 */
async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
