// Every organisation's package in one pass, the database writing the CSV: each package must
// be the one the export's own row-by-row formatting (buildDataPackage, the portal's zip)
// gives for that organisation, for the demo and for values that need quoting; and the demo
// package must come back unchanged through an import into an empty database.
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind, openFreshDatabase } from "../../test/db.ts";
import { buildOrganisation, buildRegistry, type TestOrganisation } from "../../test/factories.ts";
import { FIXED_CREATED, readPackageDir, tempDir } from "../../test/fixtures/datapackage/helpers.ts";
import { transferImporter } from "../commands/organisation/transferImporter.ts";
import { type Context, createContext, systemActor } from "../context.ts";
import { initiatives } from "../db/schema.ts";
import { loadDemo } from "../demo/loadDemo.ts";
import { createLogger } from "../logger.ts";
import { findOrganisation } from "../organisation.ts";
import { buildDataPackage, exportDataPackage } from "./export.ts";
import { exportEveryOrganisation } from "./exportPackages.ts";
import { rowsOf } from "./sqlRows.ts";

const actor = systemActor("test");
let fresh: Awaited<ReturnType<typeof openFreshDatabase>>;
let workDir: string;
let demo: Context & { slug: string };
let odd: TestOrganisation;

/** The in-memory package as files, the way readPackageDir reads a folder. */
async function inMemory(ctx: Context, audience: "public" | "full") {
  const { files } = await buildDataPackage(ctx, { audience, created: FIXED_CREATED });
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

beforeAll(async () => {
  workDir = tempDir("pejl-every-");
  fresh = await openFreshDatabase();
  const { organisation } = await loadDemo(fresh.database, createLogger("silent"), {
    dataDir: workDir,
    print: false,
  });
  demo = {
    ...createContext({ db: fresh.db, organisationId: organisation.id, actor }),
    slug: organisation.slug,
  };
  // A second organisation, whose texts, numbers and lists need every kind of CSV quoting.
  odd = await buildOrganisation(fresh.db);
  await buildRegistry(odd);
  const org = odd.organisationId;
  await fresh.db.execute(sql`
    UPDATE themes SET title = ${'Komma, "citat"\r\nog linjeskift'}, description = '' WHERE organisation_id = ${org}`);
  await fresh.db.execute(sql`
    UPDATE indicators SET baseline_value = 1.500, target_value = 100.000, source = ${" foran og bagved "}
    WHERE organisation_id = ${org}`);
  await fresh.db.execute(sql`
    UPDATE observations SET footnote = ${"kun\rCR"}, value = -2.50 WHERE organisation_id = ${org}`);
  await fresh.db
    .update(initiatives)
    .set({ targetGroups: ["", "børn; 6-17 år", 'de "nye"', "to\nlinjer", "unge"], partners: [] })
    .where(eq(initiatives.organisationId, org));
}, 600_000);

afterAll(async () => {
  await fresh?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe(`every organisation's package in one pass (${databaseKind})`, () => {
  it("writes for each organisation the package its row-by-row export gives, full and public", {
    timeout: 300_000,
  }, async () => {
    for (const audience of ["full", "public"] as const) {
      const out = tempDir("pejl-every-out-");
      const written = await exportEveryOrganisation({ db: fresh.db, actor }, out, {
        audience,
        created: FIXED_CREATED,
      });
      expect(written.map((p) => p.slug).sort()).toEqual(
        [demo.slug, (await slugOf(odd.organisationId))!].sort(),
      );
      const oddFiles = readPackageDir(path.join(out, (await slugOf(odd.organisationId))!));
      expect(oddFiles, audience).toEqual(await inMemory(odd.ctx(), audience));
      expect(oddFiles.get("themes.csv")).toContain('"Komma, ""citat""\r\nog linjeskift"');
      // The list cell quoted as a list ("" for the empty item), then the cell quoted as CSV.
      expect(oddFiles.get("initiatives.csv")).toContain(
        '""""";""børn; 6-17 år"";""de """"nye"""""";""to\nlinjer"";unge"',
      );
      const demoFiles = readPackageDir(path.join(out, demo.slug));
      expect(demoFiles, audience).toEqual(await inMemory(demo, audience));
      expect(demoFiles.get("observations.csv")!.split("\n").length).toBeGreaterThan(10);
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it("gives the demo's full package back unchanged after an import into an empty database", {
    timeout: 300_000,
  }, async () => {
    const first = tempDir("pejl-every-first-");
    await exportDataPackage(demo, first, { audience: "full", created: FIXED_CREATED });
    const target = await openFreshDatabase();
    try {
      const { organisation } = await transferImporter({ db: target.db, actor }, { dir: first });
      const again = tempDir("pejl-every-again-");
      const moved = await findOrganisation(target.db, organisation.slug);
      const ctx = createContext({ db: target.db, organisationId: moved!.id, actor });
      await exportDataPackage(ctx, again, { audience: "full", created: FIXED_CREATED });
      expect(readPackageDir(again)).toEqual(readPackageDir(first));
      for (const dir of [first, again]) fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      await target.close();
    }
  });

  it("refuses a number the package cannot write, as the row-by-row export does", async () => {
    const [row] = rowsOf(
      await fresh.db.execute(
        sql`SELECT id::text AS id FROM observations WHERE organisation_id = ${odd.organisationId} ORDER BY id LIMIT 1`,
      ),
    ) as { id: string }[];
    await fresh.db.execute(sql`UPDATE observations SET value = 'NaN' WHERE id = ${row!.id}`);
    try {
      const message = `observations ${row!.id}: "NaN" is not a finite decimal number.`;
      await expect(buildDataPackage(odd.ctx(), { audience: "full" })).rejects.toThrow(message);
      const out = tempDir("pejl-every-nan-");
      await expect(exportDataPackage(odd.ctx(), out, { audience: "full" })).rejects.toMatchObject({
        id: "bad_package",
        message,
      });
      // Nothing half-written under the package's names.
      expect(fs.readdirSync(out).filter((f) => !f.endsWith(".tmp"))).toEqual([]);
      fs.rmSync(out, { recursive: true, force: true });
    } finally {
      await fresh.db.execute(sql`UPDATE observations SET value = -2.5 WHERE id = ${row!.id}`);
    }
  });
});

async function slugOf(organisationId: string): Promise<string | undefined> {
  const [row] = rowsOf(
    await fresh.db.execute(sql`SELECT slug FROM organisations WHERE id = ${organisationId}`),
  );
  return row?.slug as string | undefined;
}
