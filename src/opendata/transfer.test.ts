// A whole installation moves through its data package: the demo, loaded on PGlite,
// exported, read by Frictionless's own library without an error, and imported into an
// empty database (PGlite, or PostgreSQL in the PostgreSQL run).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFreshPglite } from "../../test/db.ts";
import { buildOrganisation, buildRegistry } from "../../test/factories.ts";
import { copyPackage, editCsv, exportToTemp } from "../../test/fixtures/datapackage/helpers.ts";
import { frictionlessProblems } from "../../test/frictionless.ts";
import { type Context, createContext, systemActor } from "../context.ts";
import type { Database } from "../db/client.ts";
import { loadDemo } from "../demo/loadDemo.ts";
import { createLogger } from "../logger.ts";

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
