// Runs once per test run: a migrated template database every test worker starts
// from (PGlite: a data-dir dump on disk; PostgreSQL: a fresh database).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../src/db/client.ts";

export default async function setup() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-test-"));
  process.env.PEJL_TEST_WORKDIR = workDir;
  const url = process.env.PEJL_TEST_DB === "postgres" ? process.env.TEST_DATABASE_URL : undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (url) {
    const name = `pejl_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    process.env.PEJL_TEST_DATABASE_URL = target.toString();
    const database = await openDatabase({ url: target.toString(), poolSize: 2 });
    await database.migrate();
    await database.close();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    const database = await openDatabase();
    await database.migrate();
    const dump = await database.pglite!.dumpDataDir("none");
    fs.writeFileSync(path.join(workDir, "template.tar"), Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  return async () => {
    await dropDatabase?.();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
}
