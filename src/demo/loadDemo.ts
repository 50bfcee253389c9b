// The demo: Copenhagen's administrations and committees and the five corpus
// documents in data/demo/, imported and accepted on the first start.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { createContext, systemActor } from "../context.ts";
import type { Database } from "../db/client.ts";
import { settings } from "../db/schema.ts";
import { refreshStatistics } from "../db/statistics.ts";
import { parseEnv } from "../env.ts";
import type { Logger } from "../logger.ts";
import { ensureOrganisation, type OrganisationSeed } from "../organisation.ts";
import { publicBaseUrl } from "../outbox/links.ts";

export const demoDir = fileURLToPath(new URL("../../data/demo/", import.meta.url));

export function demoOrganisationSeed(): OrganisationSeed {
  return JSON.parse(fs.readFileSync(path.join(demoDir, "organisation.json"), "utf8")) as OrganisationSeed;
}

export function demoDocuments(): string[] {
  return fs
    .readdirSync(demoDir)
    .filter((f) => /\.(txt|pdf|docx|html?|md)$/i.test(f) && f !== "README.md")
    .sort()
    .map((f) => path.join(demoDir, f));
}

/** Loads the demo unless it was loaded before (or `force`). Returns whether it loaded. */
export async function loadDemo(
  database: Database,
  logger: Logger,
  opts: { force?: boolean; dataDir?: string; print?: boolean } = {},
) {
  const org = await ensureOrganisation(database.db, demoOrganisationSeed());
  const ctx = createContext({ db: database.db, organisationId: org.id, actor: systemActor("demo") });
  const [done] = await database.db
    .select()
    .from(settings)
    .where(and(eq(settings.organisationId, org.id), eq(settings.key, "demo_loaded")));
  let loaded = false;
  if (!done || opts.force) {
    const { importDemoDocuments } = await import("./demoImport.ts");
    const summary = await importDemoDocuments(ctx, demoDocuments(), logger);
    await database.db
      .insert(settings)
      .values({
        organisationId: org.id,
        key: "demo_loaded",
        value: { at: new Date().toISOString(), summary },
      })
      .onConflictDoNothing();
    loaded = true;
  }
  // Users and the example round have their own marker, so an installation
  // that loaded the corpus before they existed gets them on its next start.
  const [seeded] = await database.db
    .select()
    .from(settings)
    .where(and(eq(settings.organisationId, org.id), eq(settings.key, "demo_seeded")));
  if (!seeded) {
    const { seedDemo } = await import("./demoSeed.ts");
    try {
      await seedDemo(ctx, {
        dataDir: opts.dataDir ?? dataDirOf(database),
        baseUrl: publicBaseUrl(),
        // A silenced logger (tests, benches) also means: no passwords on stdout.
        print: opts.print ?? logger.level !== "silent",
        logger,
      });
    } catch (error) {
      // Example users and answers are a convenience: their failure (say, an e-mail
      // taken by another organisation) must not stop the server. The marker was
      // rolled back with them, so the next start tries again.
      logger.error({ err: error }, "demo users and example round could not be created");
    }
  }
  // Thousands of rows written at once: the planner needs to know them (PGlite runs no autovacuum).
  if (loaded || !seeded) await refreshStatistics(database);
  return { organisation: org, loaded };
}

/**
 * Where demo-users.txt goes: the data directory the embedded database lives in
 * (<dataDir>/pejl-db), so a server started on another data directory writes
 * there; with PostgreSQL, PEJL_DATA_DIR.
 */
function dataDirOf(database: Database): string {
  if (database.kind === "pglite" && database.location !== "memory") return path.dirname(database.location);
  return parseEnv().dataDir;
}
