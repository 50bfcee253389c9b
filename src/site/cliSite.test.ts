// `pejl export --format site` refuses what it cannot do, before it touches
// anything: an unknown format, and a non-empty output folder that is not an
// earlier site export. The real `pejl` process; one English line on stderr,
// a non-zero exit, the folder as it was.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-site-cli-"));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function pejl(args: string[]) {
  const { DATABASE_URL: _none, ...rest } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    env: { ...rest, PEJL_DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("pejl export --format site", () => {
  it("names the formats it knows when given another", () => {
    const r = pejl(["export", "--format", "website", "--out", path.join(dir, "out")]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toEqual(['pejl: Unknown format "website": use datapackage or site.']);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("refuses a folder that is not empty, and --force there unless it holds an earlier site export", () => {
    const out = path.join(dir, "full");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "notes.txt"), "mine");
    for (const args of [[], ["--force"]]) {
      const r = pejl(["export", "--format", "site", "--out", out, ...args]);
      expect(r.code, r.stderr).not.toBe(0);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(args.length ? /holds no earlier site export/ : /is not empty/);
    }
    expect(fs.readdirSync(out)).toEqual(["notes.txt"]);
    expect(fs.readFileSync(path.join(out, "notes.txt"), "utf8")).toBe("mine");
    // Nothing was opened either: the refusal came before the database.
    expect(fs.existsSync(path.join(dir, "data", "pejl-db"))).toBe(false);
  });
});
