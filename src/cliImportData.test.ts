// `pejl import-data DIR DIR …` from the terminal: two packages of two organisations into
// an empty installation, each into the organisation its datapackage.json names; and
// --organisation, which names one package's organisation, refused with several. The real
// `pejl` process, on PGlite or (in the PostgreSQL run) on a new PostgreSQL database.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliInstallation, cliInstallation } from "../test/cli.ts";
import { copyPackage, eksempelkommuneDir } from "../test/fixtures/datapackage/helpers.ts";

let cli: CliInstallation;

beforeAll(async () => {
  cli = await cliInstallation("pejl-cli-import-");
});

afterAll(async () => {
  await cli?.close();
});

const pejl = (args: string[]) => cli.run(args);

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
