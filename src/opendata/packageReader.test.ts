// A package read in the worker thread is the package read in this one: the same rows under the
// same declarations, and a refusal with the same id, message and details.
import { afterAll, describe, expect, it } from "vitest";
import {
  freshDatabaseEachTest,
  sourcePackage,
  spoiltPackage,
} from "../../test/fixtures/datapackage/helpers.ts";
import { packageReader } from "./packageReader.ts";
import { readPackage } from "./readPackage.ts";

freshDatabaseEachTest();
const reader = packageReader();
afterAll(() => reader.close());

describe("packageReader", () => {
  it("gives the tables readPackage gives, each under its own declaration", async () => {
    const { dir } = await sourcePackage();
    const [here, there] = await Promise.all([readPackage(dir), reader.read(dir)]);
    expect([...there.tables.keys()]).toEqual([...here.tables.keys()]);
    for (const [name, table] of here.tables) {
      const read = there.tables.get(name)!;
      expect(read.def).toBe(table.def);
      expect(read.rows.length).toBeGreaterThan(0);
      expect(read).toEqual(table);
    }
    expect(there.organisation).toEqual(here.organisation);
  });

  it("refuses a package as readPackage does, and reads the next one after", async () => {
    const { dir } = await sourcePackage();
    const spoilt = spoiltPackage(dir);
    const [here, there] = await Promise.all([
      readPackage(spoilt).catch((e: unknown) => e),
      reader.read(spoilt).catch((e: unknown) => e),
    ]);
    expect(there).toMatchObject({ name: "AppError", id: "bad_package" });
    expect(here).toMatchObject({ id: "bad_package" });
    const fields = (e: unknown) => {
      const { id, message, details, danish, status } = e as Record<string, unknown>;
      return { id, message, details, danish, status };
    };
    expect(fields(there)).toEqual(fields(here));
    expect((fields(there).details as unknown[]).length).toBeGreaterThan(0);
    expect((await reader.read(dir)).tables.get("initiatives")!.rows.length).toBeGreaterThan(0);
  });

  it("refuses a folder that holds no package", async () => {
    await expect(reader.read("/nonexistent-package-folder")).rejects.toMatchObject({
      id: "bad_package",
      message: expect.stringContaining("datapackage.json"),
    });
  });
});
