// One database per test worker, migrated from the run's template. Tests stay
// independent because every test makes its own organisation (test/factories.ts).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { type Database, type Db, openDatabase } from "../src/db/client.ts";

let shared: Promise<Database> | undefined;

export function testDatabase(): Promise<Database> {
  shared ??= open();
  return shared;
}

async function open(): Promise<Database> {
  const url = process.env.PEJL_TEST_DATABASE_URL;
  if (url) return openDatabase({ url, poolSize: 4 });
  const workDir = process.env.PEJL_TEST_WORKDIR;
  if (!workDir) throw new Error("test/globalSetup.ts did not run");
  const bytes = fs.readFileSync(path.join(workDir, "template.tar"));
  return openDatabase({ loadDataDir: new Blob([bytes]) });
}

/** Which database the tests run on, for test names. */
export const databaseKind = process.env.PEJL_TEST_DATABASE_URL ? "postgres" : "pglite";

/** A new in-memory PGlite database, migrated (from the run's template), whatever the run's database. */
export async function openFreshPglite(): Promise<Database> {
  const template = path.join(process.env.PEJL_TEST_WORKDIR!, "template.tar");
  // The PostgreSQL run makes no PGlite template: migrate a new one.
  if (!fs.existsSync(template)) {
    const database = await openDatabase();
    await database.migrate();
    return database;
  }
  return openDatabase({ loadDataDir: new Blob([fs.readFileSync(template)]) });
}

/**
 * A second, freshly migrated database (another installation): ids of a package are free
 * there, so a round trip keeps them. PGlite from the run's template; on PostgreSQL a new
 * database on the same server, dropped by `close`.
 */
export async function openFreshDatabase(): Promise<{ db: Db; database: Database; close(): Promise<void> }> {
  const url = process.env.PEJL_TEST_DATABASE_URL;
  if (!url) {
    const database = await openFreshPglite();
    return { db: database.db, database, close: () => database.close() };
  }
  const empty = await emptyPostgresDatabase(url);
  const database = await openDatabase({ url: empty.url, poolSize: 2 });
  await database.migrate();
  return {
    db: database.db,
    database,
    async close() {
      await database.close();
      await empty.drop();
    },
  };
}

/** A new, empty PostgreSQL database on the test server (not migrated), dropped by `drop`. */
export async function emptyPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pejl_fresh_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
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
