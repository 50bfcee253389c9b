// Open-data export and import at scale: a synthetic registry of 10,000 initiatives and
// 200,000 observations, exported as a data package and imported into a new organisation,
// on PGlite (a temporary data directory) and on PostgreSQL when DATABASE_URL or
// TEST_DATABASE_URL is set (in a temporary database on that server, dropped afterwards).
// Baseline in the same run: the same rows written as CSV from memory, and the same CSV
// files parsed from memory, without the database or any checks.
//   node --import tsx bench/opendata.ts [scale]     (scale 0.1 = a tenth of the rows)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Database } from "../src/db/client.ts";
import { buildDataPackage, exportDataPackage } from "../src/opendata/export.ts";
import { importDataPackage } from "../src/opendata/import.ts";
import { generate, newOrganisation, registrySize } from "./largeRegistry.ts";
import { measure } from "./measure.ts";
import { onEachDatabase } from "./scratchDatabase.ts";

const SCALE = Number(process.argv[2] ?? 1);
const { initiatives: INITIATIVES, observations: OBSERVATIONS } = registrySize(SCALE);

const line = (name: string, m: { ms: number; peakRssMb: number }, rows: number, base?: number) =>
  console.log(
    `${name.padEnd(46)} ${(m.ms / 1000).toFixed(2).padStart(7)} s ${Math.round(rows / (m.ms / 1000))
      .toLocaleString("en")
      .padStart(10)} rows/s  peak RSS ${m.peakRssMb.toFixed(0).padStart(5)} MB${
      base ? `  ${(m.ms / base).toFixed(1)}× baseline` : ""
    }`,
  );

async function run(label: string, database: Database) {
  console.log(`\n== ${label} ==`);
  const source = await newOrganisation(database.db, `kilde-${Date.now()}`);
  const generated = await measure(() => generate(source, SCALE));
  console.log(
    `generated ${generated.result.toLocaleString("en")} rows in ${(generated.ms / 1000).toFixed(1)} s (bulk inserts)`,
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-bench-package-"));
  const exported = await measure(() => exportDataPackage(source, dir, { audience: "full" }));
  const rows = Object.values(exported.result.rows).reduce((a, b) => a + b, 0);

  // Baseline: the same rows, already in memory as text, written as the same CSV files.
  const { files } = await buildDataPackage(source, { audience: "full" });
  const tables = [...files]
    .filter(([n]) => n.endsWith(".csv"))
    .map(([n, text]) => [n, parse(text) as string[][]] as const);
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-bench-baseline-"));
  const writeBase = await measure(async () => {
    for (const [name, records] of tables) fs.writeFileSync(path.join(baseDir, name), stringify(records));
  });
  const parseBase = await measure(async () => {
    for (const [name] of tables) parse(fs.readFileSync(path.join(baseDir, name), "utf8"));
  });

  line("baseline: write the CSVs from memory", writeBase, rows);
  line("export (full package, to disk)", exported, rows, writeBase.ms);
  line("baseline: read and parse the CSVs", parseBase, rows);
  const target = await newOrganisation(database.db, `maal-${Date.now()}`);
  const imported = await measure(() => importDataPackage(target, dir));
  line("import-data into a new organisation", imported, rows, parseBase.ms);
  const again = await measure(() => importDataPackage(target, dir));
  line("import-data again (no change)", again, rows, parseBase.ms);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(baseDir, { recursive: true, force: true });
}

console.log(
  `Open-data bench: ${INITIATIVES.toLocaleString("en")} initiatives, ${OBSERVATIONS.toLocaleString("en")} observations; ` +
    `Node ${process.version}, ${os.cpus().length} CPUs`,
);

await onEachDatabase((database, label) => run(label, database));
