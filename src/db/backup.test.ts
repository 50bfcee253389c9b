// A restored database serves the same export as the one backed up, on both databases.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { documentImporter } from "../commands/documentImporter.ts";
import { createContext, systemActor } from "../context.ts";
import { buildDataPackage } from "../opendata/export.ts";
import { ensureOrganisation } from "../organisation.ts";
import { backupDatabase, restorePglite, restorePostgres } from "./backup.ts";
import { type Database, openDatabase } from "./client.ts";

const seed = {
  slug: "backup-test",
  name: "Backupkommune",
  administrations: [{ code: "SOF", name: "Socialforvaltningen" }],
  committees: [{ code: "SOU", name: "Socialudvalget" }],
};
const created = "2026-01-01T00:00:00.000Z";

async function fillAndExport(database: Database) {
  const org = await ensureOrganisation(database.db, seed);
  const ctx = createContext({ db: database.db, organisationId: org.id, actor: systemActor("test") });
  await documentImporter(ctx, {
    bytes: fs.readFileSync("data/demo/003_139553ee05667919.txt"),
    filename: "hearing.txt",
    acceptAll: true,
  });
  return exportOf(database);
}

async function exportOf(database: Database) {
  const org = await ensureOrganisation(database.db, seed);
  const ctx = createContext({ db: database.db, organisationId: org.id, actor: systemActor("test") });
  const { files } = await buildDataPackage(ctx, { audience: "full", created });
  return Object.fromEntries(files);
}

// Each backend has its own backup tool, so each test run checks the one it runs on.
const onPostgres = !!process.env.PEJL_TEST_DATABASE_URL;

describe("backup and restore", () => {
  if (!onPostgres)
    it("restores an embedded database that serves the same export", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-backup-"));
      try {
        const original = await openDatabase({ dataDir: path.join(dir, "a") });
        await original.migrate();
        const before = await fillAndExport(original);
        await backupDatabase(original, path.join(dir, "backup.tar.gz"));
        await original.close();

        await restorePglite(path.join(dir, "b"), path.join(dir, "backup.tar.gz"));
        const restored = await openDatabase({ dataDir: path.join(dir, "b") });
        try {
          expect(await exportOf(restored)).toEqual(before);
        } finally {
          await restored.close();
        }
        await expect(restorePglite(path.join(dir, "c"), "/dev/null")).rejects.toMatchObject({
          id: "validation_failed",
        });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 240_000);

  if (onPostgres)
    it("restores a PostgreSQL database from pg_dump that serves the same export", async () => {
      const adminUrl = process.env.TEST_DATABASE_URL!;
      const name = `pejl_backup_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-backup-"));
      try {
        await admin.query(`CREATE DATABASE ${name}`);
        const original = await openDatabase({ url: url.toString(), poolSize: 2 });
        await original.migrate();
        const before = await fillAndExport(original);
        await backupDatabase(original, path.join(dir, "backup.dump"));
        await original.close();
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${name}`);
        restorePostgres(url.toString(), path.join(dir, "backup.dump"));
        const restored = await openDatabase({ url: url.toString(), poolSize: 2 });
        try {
          expect(await exportOf(restored)).toEqual(before);
        } finally {
          await restored.close();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
});
