// The demo: Copenhagen's administrations and committees and the five corpus
// documents in data/demo/, imported and accepted on the first start.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { createContext, systemActor } from "./context.ts";
import type { Database } from "./db/client.ts";
import { settings } from "./db/schema.ts";
import type { Logger } from "./logger.ts";
import { ensureOrganisation, type OrganisationSeed } from "./organisation.ts";

export const demoDir = fileURLToPath(new URL("../data/demo/", import.meta.url));

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
export async function loadDemo(database: Database, logger: Logger, opts: { force?: boolean } = {}) {
  const org = await ensureOrganisation(database.db, demoOrganisationSeed());
  const ctx = createContext({ db: database.db, organisationId: org.id, actor: systemActor("demo") });
  const [done] = await database.db
    .select()
    .from(settings)
    .where(and(eq(settings.organisationId, org.id), eq(settings.key, "demo_loaded")));
  if (done && !opts.force) return { organisation: org, loaded: false };
  const { importDemoDocuments } = await import("./demoImport.ts");
  const summary = await importDemoDocuments(ctx, demoDocuments(), logger);
  await database.db
    .insert(settings)
    .values({ organisationId: org.id, key: "demo_loaded", value: { at: new Date().toISOString(), summary } })
    .onConflictDoNothing();
  return { organisation: org, loaded: true };
}
