// Several workers need PostgreSQL: on the embedded database `pejl serve` refuses
// before it opens or creates anything (PGlite is one process holding a lock on its
// data directory). The real command, in an installation of its own.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliInstallation, cliInstallation } from "../test/cli.ts";

describe("pejl serve with several workers on the embedded database", () => {
  let installation: CliInstallation;

  beforeAll(async () => {
    installation = await cliInstallation("pejl-serve-");
  });
  afterAll(() => installation.close());

  it.each([
    ["--workers 2", ["serve", "--workers", "2"], {}],
    ["PEJL_WORKERS=3", ["serve"], { PEJL_WORKERS: "3" }],
  ])("refuses %s with a sentence and a non-zero exit, creating nothing", async (_name, args, extra) => {
    const run = await installation.run(args, { ...extra, DATABASE_URL: undefined, PORT: "0" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^pejl: Several workers \(\d\) need PostgreSQL/);
    expect(run.stdout).not.toContain("Pejl is ready");
    expect(fs.existsSync(path.join(installation.dataDir, "pejl-db"))).toBe(false);
  });

  it("refuses a worker count that is not one", async () => {
    const run = await installation.run(["serve", "--workers", "0"], { DATABASE_URL: undefined });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('whole number from 1 to 1024, or "auto"');
  });
});
