// One database per test worker, migrated from the run's template. Tests stay
// independent because every test makes its own organisation (test/factories.ts).
import fs from "node:fs";
import path from "node:path";
import { type Database, openDatabase } from "../src/db/client.ts";

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
