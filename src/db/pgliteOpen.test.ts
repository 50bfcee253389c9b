// Opening the embedded database where it is kept: through a symbolic link to its folder
// (a data folder moved to another disk), and a clear sentence, not "[object Object]", when
// it cannot be opened (PGlite's file system throws objects that are not Errors).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { errorText } from "../errors.ts";
import { openDatabase } from "./client.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-open-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("opening the embedded database", () => {
  it("opens its folder through a symbolic link, with what was written there", async () => {
    const root = tempDir();
    const real = path.join(root, "disk", "pejl-db");
    fs.mkdirSync(path.dirname(real));
    const first = await openDatabase({ dataDir: real });
    await first.db.execute(sql`CREATE TABLE kept (word text)`);
    await first.db.execute(sql`INSERT INTO kept VALUES ('ligestilling')`);
    await first.close();
    const link = path.join(root, "pejl-db");
    fs.symlinkSync(real, link);
    const again = await openDatabase({ dataDir: link });
    try {
      const result = (await again.db.execute(sql`SELECT word FROM kept`)) as unknown as {
        rows: { word: string }[];
      };
      expect(result.rows.map((r) => r.word)).toEqual(["ligestilling"]);
    } finally {
      await again.close();
    }
  });

  it("says in words why a folder cannot be opened, and leaves it unlocked", async () => {
    const root = tempDir();
    const notAFolder = path.join(root, "pejl-db");
    fs.writeFileSync(notAFolder, "not a database");
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await openDatabase({ dataDir: notAFolder }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(errorText(error)).toMatch(
        new RegExp(`^The embedded database in ${notAFolder} could not be opened: \\S`),
      );
      expect(errorText(error)).not.toContain("[object Object]");
    }
  });

  it("tells an object that is not an Error by its name and fields", () => {
    expect(errorText({ name: "ErrnoError", errno: 44, stack: "<generic error, no stack>" })).toBe(
      "ErrnoError (errno 44)",
    );
    expect(errorText({ message: "connection refused" })).toBe("connection refused");
    expect(errorText(new Error("disk full"))).toBe("disk full");
    expect(errorText("text")).toBe("text");
  });
});
