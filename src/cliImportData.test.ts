// `pejl import-data DIR DIR …` from the terminal: two packages of two organisations into
// an empty installation, each into the organisation its datapackage.json names; and
// --organisation, which names one package's organisation, refused with several. The real
// `pejl` process, on PGlite or (in the PostgreSQL run) on a new PostgreSQL database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyPostgresDatabase } from "../test/db.ts";
import { copyPackage, eksempelkommuneDir } from "../test/fixtures/datapackage/helpers.ts";

let dataDir: string;
let env: NodeJS.ProcessEnv;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-cli-import-"));
  const { PEJL_ORGANISATION: _ignored, DATABASE_URL: _none, ...rest } = process.env;
  env = { ...rest, PEJL_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  const url = process.env.PEJL_TEST_DATABASE_URL;
  if (url) {
    const empty = await emptyPostgresDatabase(url);
    env.DATABASE_URL = empty.url;
    drop = empty.drop;
  }
});

afterAll(async () => {
  await drop?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function pejl(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
}

/** The example package as the named organisation's. */
function packageOf(slug: string, name: string): string {
  const dir = copyPackage(eksempelkommuneDir);
  const file = path.join(dir, "datapackage.json");
  const descriptor = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.writeFileSync(file, JSON.stringify({ ...descriptor, organisation: { slug, name } }));
  return dir;
}

describe("pejl import-data with several packages", () => {
  it("creates each package's organisation and imports it; --organisation is refused with several", {
    timeout: 120_000,
  }, async () => {
    const a = packageOf("aakommune", "Åkommune");
    const b = packageOf("bykommune", "Bykommune");
    const named = await pejl(["import-data", a, b, "--organisation", "aakommune"]);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(
      "pejl: --organisation names the organisation of one package; with several packages each goes into the organisation its datapackage.json names.",
    );
    const imported = await pejl(["import-data", a, b]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Created the organisation Åkommune (slug aakommune) from the package.");
    expect(imported.stdout).toContain(`Imported ${a} into Åkommune (slug aakommune).`);
    expect(imported.stdout).toContain(`Imported ${b} into Bykommune (slug bykommune).`);
    const list = await pejl(["organisation", "list"]);
    expect(list.stdout).toMatch(/aakommune[\s\S]*bykommune/);
  });
});
