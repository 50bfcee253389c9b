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
import type { PgTable } from "drizzle-orm/pg-core";
import { type Context, createContext, systemActor } from "../src/context.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import * as s from "../src/db/schema.ts";
import { buildDataPackage, exportDataPackage } from "../src/opendata/export.ts";
import { importDataPackage } from "../src/opendata/import.ts";
import { bulkInsert } from "../src/opendata/write.ts";
import { measure } from "./measure.ts";
import { withScratchDatabase } from "./scratchDatabase.ts";

const SCALE = Number(process.argv[2] ?? 1);
const INITIATIVES = Math.round(10_000 * SCALE);
const INDICATORS = Math.round(10_000 * SCALE);
const YEARS = 20; // observations = INDICATORS × YEARS = 200,000

// Bulk inserts for the synthetic rows: the importer's own JSON-parameter insert.
const insertAll = (ctx: Context, table: PgTable, rows: Record<string, unknown>[]) =>
  bulkInsert(ctx, table, rows);

/** The synthetic registry, written with bulk inserts. Returns the number of rows. */
async function generate(ctx: Context): Promise<number> {
  const org = ctx.organisationId;
  const codes = ["BIF", "BUF", "KFF", "SOF", "SUF", "TMF", "ØKF"];
  const admins = await ctx.db
    .insert(s.administrations)
    .values(codes.map((code) => ({ organisationId: org, code, name: `${code}-forvaltningen` })))
    .returning();
  const policyRows = await ctx.db
    .insert(s.policies)
    .values(
      Array.from({ length: 10 }, (_, i) => ({
        organisationId: org,
        slug: `politik-${i}`,
        title: `Politik ${i} for ligestilling og inklusion`,
        kind: "policy",
        periodStart: 2005,
        periodEnd: 2024,
      })),
    )
    .returning({ id: s.policies.id });
  const goalRows = await ctx.db
    .insert(s.goals)
    .values(
      Array.from({ length: 500 }, (_, i) => ({
        organisationId: org,
        policyId: policyRows[i % policyRows.length]!.id,
        number: String(i + 1),
        text: `Mål ${i + 1}: flere borgere i job og uddannelse`,
        sortOrder: i,
      })),
    )
    .returning({ id: s.goals.id });
  const indicatorRows: { id: string }[] = [];
  for (let i = 0; i < INDICATORS; i += 2000) {
    const batch = Array.from({ length: Math.min(2000, INDICATORS - i) }, (_, k) => ({
      organisationId: org,
      goalId: goalRows[(i + k) % goalRows.length]!.id,
      title: `Indikator ${i + k + 1}`,
      unit: "pct.",
      baselineValue: 50,
      baselinePeriod: "2005",
      targetValue: 70,
      targetPeriod: "2024",
    }));
    indicatorRows.push(
      ...(await ctx.db.insert(s.indicators).values(batch).returning({ id: s.indicators.id })),
    );
  }
  const observations = indicatorRows.flatMap((ind, i) =>
    Array.from({ length: YEARS }, (_, y) => ({
      organisationId: org,
      indicatorId: ind.id,
      period: String(2005 + y),
      year: 2005 + y,
      value: Math.round((40 + ((i * 7 + y * 3) % 50) + y * 0.25) * 100) / 100,
      n: (i + y) % 97 === 0 ? 3 : 100 + ((i + y) % 900),
      source: "Syntetisk",
    })),
  );
  await insertAll(ctx, s.observations, observations);
  const initiativeRows: { id: string }[] = [];
  for (let i = 0; i < INITIATIVES; i += 2000) {
    const batch = Array.from({ length: Math.min(2000, INITIATIVES - i) }, (_, k) => ({
      organisationId: org,
      policyId: policyRows[(i + k) % policyRows.length]!.id,
      administrationId: admins[(i + k) % admins.length]!.id,
      title: `Initiativ ${i + k + 1}`,
      description: "Et initiativ, der skal give lige muligheder; beskrevet i én sætning.",
      fundingStatus: "within_frame",
      status: "ongoing",
      equalityGrounds: ["gender", "age"],
      targetGroups: ["unge", "forældre"],
      startYear: 2020,
      endYear: 2024,
    }));
    initiativeRows.push(
      ...(await ctx.db.insert(s.initiatives).values(batch).returning({ id: s.initiatives.id })),
    );
  }
  await insertAll(
    ctx,
    s.initiativeGoals,
    initiativeRows.map((ini, i) => ({
      organisationId: org,
      initiativeId: ini.id,
      goalId: goalRows[i % goalRows.length]!.id,
    })),
  );
  const budget = initiativeRows.flatMap((ini, i) =>
    [2023, 2024].map((year) => ({
      organisationId: org,
      initiativeId: ini.id,
      year,
      amountDkk: 100_000 + (i % 50) * 10_000,
      fte: 0.5,
      fundingStatus: "within_frame",
    })),
  );
  await insertAll(ctx, s.budgetLines, budget);
  const targets = initiativeRows.map((ini) => ({
    organisationId: org,
    initiativeId: ini.id,
    year: 2024,
    metric: "Deltagere",
    targetValue: 100,
    actualValue: 87,
  }));
  await insertAll(ctx, s.annualTargets, targets);
  return (
    codes.length + 10 + 500 + INDICATORS + observations.length + INITIATIVES + budget.length + targets.length
  );
}

async function newOrganisation(db: Database["db"], slug: string): Promise<Context> {
  const [org] = await db
    .insert(s.organisations)
    .values({ slug, name: `Benchkommune ${slug}` })
    .returning();
  return createContext({ db, organisationId: org!.id, actor: systemActor("bench") });
}

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
  const generated = await measure(() => generate(source));
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
  `Open-data bench: ${INITIATIVES.toLocaleString("en")} initiatives, ${(INDICATORS * YEARS).toLocaleString("en")} observations; ` +
    `Node ${process.version}, ${os.cpus().length} CPUs`,
);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-bench-pglite-"));
const pglite = await openDatabase({ dataDir: path.join(dataDir, "db") });
try {
  await pglite.migrate();
  await run("PGlite (temporary data directory)", pglite);
} finally {
  await pglite.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) {
  await withScratchDatabase(url, (postgres, label) => run(label, postgres));
} else {
  console.log("\nDATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL not measured.");
}
