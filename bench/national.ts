// The national data set (bench/nationalData.ts) through `pejl import-data` and `pejl export`:
// every organisation's package imported into one database, then every organisation
// exported again in one pass (`pejl export --all-organisations`, full and public), on PGlite (a temporary data directory) and on PostgreSQL when
// DATABASE_URL or TEST_DATABASE_URL is set (a temporary database on that server, dropped
// afterwards). Baseline in the same run: a bare COPY of the same CSV files into tables of
// text columns, no checks, no keys.
//   node --import tsx bench/national.ts [scale] [pglite|postgres|both] [import]
//   (`import`: the import phases only, no export)
// CPU is this process's: on PGlite all the work; on PostgreSQL "db CPU" is the server's
// backends for the bench's database (bench/backendCpu.ts), when the server runs on this machine.
//   (scale 1 = 98 organisations; 0.1 = 10; 0.005 = one organisation with 5 policies)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { transfersImporter } from "../src/commands/organisation/transfersImporter.ts";
import { type Context, createContext, systemActor } from "../src/context.ts";
import type { Database } from "../src/db/client.ts";
import { refreshTableStatistics } from "../src/db/statistics.ts";
import { exportDataPackage } from "../src/opendata/export.ts";
import { exportEveryOrganisation } from "../src/opendata/exportPackages.ts";
import { packageTables, resources } from "../src/opendata/resources.ts";
import { findOrganisation } from "../src/organisation.ts";
import { backendCpu } from "./backendCpu.ts";
import { measure } from "./measure.ts";
import { nationalSize, writeNationalPackages } from "./nationalData.ts";
import { onEachDatabase } from "./scratchDatabase.ts";

const SCALE = Number(process.argv[2] ?? 1);
const ONLY = process.argv[3];
// `import`: the import phases only, no export (for work on the import).
const PART = process.argv[4];
const size = nationalSize(SCALE);

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");

/** `measure`, with the PostgreSQL backends' CPU when the database is on a server here. */
async function timed<T>(database: Database, work: () => Promise<T>) {
  const name = database.pool ? new URL(database.location).pathname.slice(1) : undefined;
  const server = name ? backendCpu(name) : undefined;
  const m = await measure(work);
  return { ...m, dbCpuMs: server?.stop() ?? null };
}

function line(
  name: string,
  m: { ms: number; cpuMs: number; peakRssMb: number; dbCpuMs?: number | null },
  rows: number,
  base?: number,
  target?: string,
) {
  console.log(
    `${name.padEnd(44)} ${(m.ms / 1000).toFixed(2).padStart(8)} s ${Math.round(rows / (m.ms / 1000))
      .toLocaleString("en")
      .padStart(10)} rows/s  CPU ${(m.cpuMs / 1000).toFixed(2).padStart(6)} s${
      m.dbCpuMs != null ? `  db CPU ${(m.dbCpuMs / 1000).toFixed(2).padStart(6)} s` : ""
    }  peak RSS ${m.peakRssMb.toFixed(0).padStart(5)} MB${
      base ? `  ${(m.ms / base).toFixed(1)}× bare COPY` : ""
    }${target ? `  (target ${target})` : ""}  load ${load()}`,
  );
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const stagingTables = resources.map(
  (def) => `CREATE TABLE ${q(`bare_${def.name}`)} (${def.fields.map((f) => `${q(f.name)} text`).join(", ")})`,
);

/** The baseline: every CSV file COPYed into a table of text columns (no checks, no keys, no ids resolved). */
async function bareCopy(database: Database, dirs: { dir: string }[]): Promise<void> {
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query("BEGIN");
      for (const statement of stagingTables) await client.query(statement);
      for (const { dir } of dirs)
        for (const def of resources)
          await pipeline(
            fs.createReadStream(path.join(dir, `${def.name}.csv`)),
            client.query(copyFrom(`COPY ${q(`bare_${def.name}`)} FROM STDIN WITH (FORMAT csv, HEADER true)`)),
          );
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
    return;
  }
  const pglite = database.pglite!;
  await pglite.transaction(async (tx) => {
    for (const statement of stagingTables) await tx.query(statement);
    for (const { dir } of dirs)
      for (const def of resources)
        await tx.query(`COPY ${q(`bare_${def.name}`)} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
          blob: new Blob([fs.readFileSync(path.join(dir, `${def.name}.csv`))]),
        });
    await tx.rollback();
  });
}

async function run(
  label: string,
  database: Database,
  packages: { dirs: { slug: string; dir: string }[]; rows: number },
) {
  console.log(`\n== ${label} ==`);
  const { dirs, rows } = packages;
  const bare = await timed(database, () => bareCopy(database, dirs));
  line("baseline: bare COPY of the CSV files", bare, rows);
  const actor = systemActor("bench");
  // `pejl import-data DIR…` with every package: each in its own transaction, the next one read
  // meanwhile in a worker thread.
  const importAll = () => transfersImporter({ db: database.db, actor }, { dirs: dirs.map((d) => d.dir) });
  const imported = await timed(database, importAll);
  line(
    "import-data, every organisation",
    imported,
    rows,
    bare.ms,
    database.pool ? "≤ 10× bare COPY" : "≤ 30 s",
  );
  // What `pejl import-data` does after the import, outside its transaction.
  const analysed = await timed(database, () => refreshTableStatistics(database, packageTables()));
  line("ANALYZE of the imported tables (after)", analysed, rows, bare.ms);
  const again = await timed(database, importAll);
  line("import-data again (nothing changes)", again, rows, bare.ms);
  if (PART === "import") return;

  const out = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-national-export-"));
  const contexts: { slug: string; ctx: Context }[] = [];
  for (const { slug } of dirs) {
    const org = await findOrganisation(database.db, slug);
    contexts.push({ slug, ctx: createContext({ db: database.db, organisationId: org!.id, actor }) });
  }
  // `pejl export --all-organisations --full`: one pass, one query per resource.
  const exported = await measure(() =>
    exportEveryOrganisation({ db: database.db, actor }, path.join(out, "all"), { audience: "full" }),
  );
  line("export --full, every organisation", exported, rows, undefined, "≤ 3 s");
  const published = await measure(() =>
    exportEveryOrganisation({ db: database.db, actor }, path.join(out, "public"), { audience: "public" }),
  );
  line("export (public), every organisation", published, rows, undefined, "≤ 3 s");
  const one = await measure(() =>
    exportDataPackage(contexts[0]!.ctx, path.join(out, "one"), { audience: "full" }),
  );
  line("export --full, one organisation", one, rows / dirs.length, undefined, "≤ 3 s");
  for (const name of ["observations.csv", "initiatives.csv"]) {
    const imported = fs.readFileSync(path.join(dirs[0]!.dir, name), "utf8");
    for (const dir of ["one", path.join("all", dirs[0]!.slug)])
      if (fs.readFileSync(path.join(out, dir, name), "utf8") !== imported)
        throw new Error(`${dir}/${name} differs from the package that was imported`);
  }
  fs.rmSync(out, { recursive: true, force: true });
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-national-"));
console.log(
  `National bench: ${size.organisations} organisations × ${size.policies} policies × ${size.initiativesPerPolicy} initiatives, ` +
    `${size.years} years of observations; Node ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
);
const generated = await measure(async () => writeNationalPackages(root, size));
const packages = generated.result;
console.log(
  `generated ${packages.rows.toLocaleString("en")} rows in ${size.organisations} packages in ${(generated.ms / 1000).toFixed(1)} s, ` +
    `${Math.round(Number(execFileSync("du", ["-sk", root]).toString().split("\t")[0]) / 1024)} MB of CSV`,
);

try {
  await onEachDatabase(
    (database, label) => run(label, database, packages),
    ONLY === "pglite" || ONLY === "postgres" ? ONLY : undefined,
  );
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
