// The exports of bench/national.ts without its import each time: the national data set is
// imported once into a database that stays (`load`), then every organisation's package is
// exported from it as often as asked (`export`), so two versions of the export can be timed
// in turn against the same rows (run `export` from each version's checkout, alternating).
//   node --import tsx bench/nationalExport.ts load   <target> [scale]
//   node --import tsx bench/nationalExport.ts export <target> [repeats] [full|public|both]
//   node --import tsx bench/nationalExport.ts drop   <target>
// <target>: pglite:<data directory> or postgres:<database name> (on the server of
// DATABASE_URL or TEST_DATABASE_URL). CPU is this process's: on PGlite all the work, on
// PostgreSQL without the server's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { transferImporter } from "../src/commands/organisation/transferImporter.ts";
import { systemActor } from "../src/context.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { refreshTableStatistics } from "../src/db/statistics.ts";
import type { Audience } from "../src/opendata/descriptor.ts";
import { exportEveryOrganisation } from "../src/opendata/exportPackages.ts";
import { packageTables } from "../src/opendata/resources.ts";
import { measure } from "./measure.ts";
import { nationalSize, writeNationalPackages } from "./nationalData.ts";

const [mode, target, third, fourth] = process.argv.slice(2);
const usage =
  "usage: nationalExport.ts load|export|drop pglite:<dir>|postgres:<database> [scale | repeats [full|public|both]]";
if (!mode || !target || !/^(pglite|postgres):./.test(target)) throw new Error(usage);
const [kind, where] = [target.slice(0, target.indexOf(":")), target.slice(target.indexOf(":") + 1)];

function serverUrl(database?: string): string {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL or TEST_DATABASE_URL for a PostgreSQL target.");
  if (database === undefined) return url;
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`"${database}" is not a plain database name`);
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

const open = (): Promise<Database> =>
  kind === "pglite" ? openDatabase({ dataDir: where }) : openDatabase({ url: serverUrl(where), poolSize: 4 });

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (mode === "load") {
  if (kind === "postgres") await onServer(`CREATE DATABASE ${where}`);
  const size = nationalSize(Number(third ?? 1));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-national-"));
  const database = await open();
  try {
    await database.migrate();
    const { dirs, rows } = writeNationalPackages(root, size);
    const imported = await measure(async () => {
      for (const { dir, slug } of dirs)
        await transferImporter({ db: database.db, actor: systemActor("bench") }, { dir, organisation: slug });
      await refreshTableStatistics(database, packageTables());
    });
    console.log(
      `loaded ${rows.toLocaleString("en")} rows of ${dirs.length} organisations in ${seconds(imported.ms)}`,
    );
  } finally {
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
} else if (mode === "export") {
  const repeats = Number(third ?? 3);
  const audiences: Audience[] = fourth === "full" || fourth === "public" ? [fourth] : ["full", "public"];
  const database = await open();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-national-export-"));
  try {
    for (let i = 0; i < repeats; i++)
      for (const audience of audiences) {
        const m = await measure(() =>
          exportEveryOrganisation(
            { db: database.db, actor: systemActor("bench") },
            path.join(out, audience),
            {
              audience,
            },
          ),
        );
        console.log(
          `${kind} export ${audience.padEnd(6)} every organisation  ${seconds(m.ms).padStart(8)}  CPU ${seconds(m.cpuMs).padStart(8)}  peak RSS ${m.peakRssMb.toFixed(0).padStart(5)} MB  load ${os.loadavg()[0]!.toFixed(2)}`,
        );
        fs.rmSync(path.join(out, audience), { recursive: true, force: true });
      }
  } finally {
    await database.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
} else if (mode === "drop") {
  if (kind === "postgres") await onServer(`DROP DATABASE IF EXISTS ${where}`);
  else fs.rmSync(where, { recursive: true, force: true });
} else throw new Error(usage);
