// A package read in the worker thread is the package read in this one: the same rows under the
// same declarations, and a refusal with the same id, message and details.
import { afterAll, describe, expect, it } from "vitest";
import {
  copyPackage,
  csvRecords,
  editCsv,
  exportToTemp,
  freshDatabaseEachTest,
  readPackageDir,
  sourcePackage,
  spoiltPackage,
} from "../../test/fixtures/datapackage/helpers.ts";
import { createContext, systemActor } from "../context.ts";
import { organisations } from "../db/schema.ts";
import { importTables } from "./import.ts";
import { packageReader } from "./packageReader.ts";
import { readPackage } from "./readPackage.ts";

const fresh = freshDatabaseEachTest();
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

  it("makes the COPY text an empty organisation's import sends as it is: the same rows, any text, and a taken id still resolved", async () => {
    const source = await sourcePackage();
    const dir = copyPackage(source.dir);
    const title = 'Linje 1\nlinje 2\tmed tabulator, \\N og \\ og "citat" æøå 🙂';
    editCsv(dir, "initiatives.csv", ([header, first, ...rest]) => {
      first![header!.indexOf("title")] = title;
      return [header!, first!, ...rest];
    });
    const newOrganisation = async (slug: string) => {
      const [org] = await fresh.db.insert(organisations).values({ slug, name: slug }).returning();
      return createContext({ db: fresh.db, organisationId: org!.id, actor: systemActor("test") });
    };

    const pkg = await reader.read(dir);
    expect([...pkg.asNew!.keys()]).toEqual(expect.arrayContaining(["observations", "initiatives"]));
    const ctx = await newOrganisation("ny-kommune");
    const result = await importTables(ctx, pkg);
    expect(result.remappedIds).toBe(0);
    // Another installation: every file as it was, byte for byte.
    const exported = readPackageDir(await exportToTemp(ctx, { audience: "full" }));
    for (const [name, text] of readPackageDir(dir))
      if (name !== "datapackage.json") expect(exported.get(name), name).toBe(text);
    const [header, first] = csvRecords(exported.get("initiatives.csv")!);
    expect(first![header!.indexOf("title")]).toBe(title);

    // The same package into a second organisation: its ids are the first one's now.
    const again = await reader.read(dir);
    const second = await importTables(await newOrganisation("anden-kommune"), again);
    const observations = csvRecords(exported.get("observations.csv")!).length - 1;
    expect(second.remappedIds).toBeGreaterThan(observations);
    expect(second.resources.observations).toEqual({ rows: observations, inserted: observations, updated: 0 });
  });
});
