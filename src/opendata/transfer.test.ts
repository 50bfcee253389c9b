// A whole installation moves through its data package: the demo, loaded on PGlite,
// exported, read by Frictionless's own library without an error, and imported into an
// empty database (PGlite, or PostgreSQL in the PostgreSQL run).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind, openFreshDatabase, openFreshPglite } from "../../test/db.ts";
import { buildOrganisation, buildRegistry } from "../../test/factories.ts";
import {
  copyPackage,
  editCsv,
  exportToTemp,
  readPackageDir,
} from "../../test/fixtures/datapackage/helpers.ts";
import { frictionlessProblems } from "../../test/frictionless.ts";
import { buildApp } from "../app.ts";
import { transferImporter } from "../commands/organisation/transferImporter.ts";
import { type Context, createContext, systemActor } from "../context.ts";
import type { Database } from "../db/client.ts";
import { loadDemo } from "../demo/loadDemo.ts";
import { createLogger } from "../logger.ts";
import { findOrganisation } from "../organisation.ts";

let source: Database;
let sourceCtx: Context;
let workDir: string;
let fullDir: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-transfer-"));
  source = await openFreshPglite();
  const { organisation } = await loadDemo(source, createLogger("silent"), { dataDir: workDir, print: false });
  sourceCtx = createContext({ db: source.db, organisationId: organisation.id, actor: systemActor("test") });
  fullDir = await exportToTemp(sourceCtx, { audience: "full" });
}, 300_000);

afterAll(async () => {
  await source?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("other tools read the package (Frictionless's JavaScript library)", () => {
  it("reads every resource of the demo package, full and public, types cast and keys resolved, without an error", async () => {
    expect(await frictionlessProblems(fullDir)).toEqual([]);
    expect(await frictionlessProblems(await exportToTemp(sourceCtx))).toEqual([]);
  });

  it("reads every resource of a registry that fills all of them, hearing responses with their received time too", async () => {
    const org = await buildOrganisation();
    await buildRegistry(org);
    expect(await frictionlessProblems(await exportToTemp(org.ctx(), { audience: "full" }))).toEqual([]);
  });

  it("is a real check: a theme pointing at no policy is found", async () => {
    const spoilt = copyPackage(fullDir);
    editCsv(spoilt, "themes.csv", ([header, first, ...rest]) => {
      first![header!.indexOf("policy_id")] = "00000000-0000-4000-8000-000000000000";
      return [header!, first!, ...rest];
    });
    expect(await frictionlessProblems(spoilt)).toEqual([expect.stringMatching(/^themes: .*policy_id/)]);
  });
});

/** Where two texts first differ, with some context of each, or null when they are equal. */
function difference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 120), i + 120)}… ≠ …${b.slice(Math.max(0, i - 120), i + 120)}…`;
}

/** Every portal page reachable from the front page by links (at most `limit`), with its body. */
async function crawl(fetchPage: (path: string) => Promise<Response>, limit = 400) {
  const pages = new Map<string, { status: number; body: string }>();
  const queue = ["/"];
  while (queue.length && pages.size < limit) {
    const path = queue.shift()!;
    if (pages.has(path)) continue;
    const response = await fetchPage(path);
    const body = await response.text();
    pages.set(path, { status: response.status, body });
    for (const [, href] of body.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = href!.replaceAll("&amp;", "&");
      // The descriptor and the zip carry the export's time; the admin is not the portal.
      if (/^\/(admin|static|assets)|datapackage\.json$|\.zip$/.test(link)) continue;
      if (!pages.has(link)) queue.push(link);
    }
  }
  return pages;
}

describe(`a whole installation moves: the demo from PGlite into an empty database (${databaseKind})`, () => {
  it("import-data creates the organisation, the export after it is the same, and every portal page renders the same", {
    timeout: 600_000,
  }, async () => {
    const target = await openFreshDatabase();
    try {
      const result = await transferImporter({ db: target.db, actor: systemActor("test") }, { dir: fullDir });
      expect(result.organisation).toEqual({ slug: "koebenhavn", name: "Københavns Kommune", created: true });
      const org = await findOrganisation(target.db, "koebenhavn");
      // The council's name travels in the package's organisation, as the pages use it.
      expect(org!.councilName).toBe("Borgerrepræsentationen");
      const targetCtx = createContext({ db: target.db, organisationId: org!.id, actor: systemActor("test") });

      const before = readPackageDir(fullDir);
      const after = readPackageDir(await exportToTemp(targetCtx, { audience: "full" }));
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [name, text] of before) expect(after.get(name), name).toBe(text);

      const logger = createLogger("silent");
      const sourceApp = buildApp({
        database: source,
        organisation: { id: sourceCtx.organisationId, name: "Københavns Kommune" },
        logger,
      });
      const targetApp = buildApp({
        database: target.database,
        organisation: { id: org!.id, name: org!.name },
        logger,
      });
      const sourcePages = await crawl((p) => Promise.resolve(sourceApp.request(p)));
      expect(sourcePages.size).toBeGreaterThan(150);
      for (const [path, page] of sourcePages) {
        expect(page.status, path).toBe(200);
        const response = await targetApp.request(path);
        expect(response.status, path).toBe(200);
        expect(difference(page.body, await response.text()), path).toBeNull();
      }
    } finally {
      await target.close();
    }
  });
});
