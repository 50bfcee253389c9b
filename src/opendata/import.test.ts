import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  buildEmptyOrganisation,
  buildOrganisation,
  buildRegistry,
  type TestOrganisation,
} from "../../test/factories.ts";
import {
  copyPackage,
  csvRecords,
  editCsv,
  eksempelkommuneDir,
  exportToTemp,
  snapshot,
} from "../../test/fixtures/datapackage/helpers.ts";
import { administrations, auditEvents, initiatives, observations } from "../db/schema.ts";
import { importDataPackage } from "./import.ts";

async function spoilt(org: TestOrganisation) {
  const dir = copyPackage(await exportToTemp(org.ctx(), { audience: "full" }));
  return dir;
}

/** Imports, expects a refusal whose message contains `fragment`, and the database as it was. */
async function expectRefused(org: TestOrganisation, dir: string, fragment: string | RegExp) {
  const before = await snapshot(org.ctx());
  const audits = await org.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organisationId, org.organisationId));
  const error = await importDataPackage(org.ctx(), dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the import should have been refused").toMatchObject({ id: "bad_package", status: 400 });
  expect((error as Error).message).toMatch(fragment);
  expect(await snapshot(org.ctx())).toEqual(before);
  const after = await org.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organisationId, org.organisationId));
  expect(after).toHaveLength(audits.length);
  return error as Error & { details: { path: string; message: string }[] };
}

/** 1-based data row of the record whose first cell is `id`. */
const rowOf = (records: string[][], id: string) => records.findIndex((r) => r[0] === id);

describe("open-data import refuses bad packages and leaves the database as it was", () => {
  it("a missing column", async () => {
    const org = await buildOrganisation();
    await buildRegistry(org);
    const dir = await spoilt(org);
    editCsv(dir, "initiatives.csv", (records) => {
      const at = records[0]!.indexOf("funding_status");
      return records.map((r) => r.filter((_, j) => j !== at));
    });
    await expectRefused(
      org,
      dir,
      /^The data package was not imported, nothing was changed\. initiatives\.csv header row, column funding_status: the column is missing/,
    );
  });

  it("a value of the wrong type, and a value outside the enumeration", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const dir = await spoilt(org);
    const target = registry.initiatives[1]!.id;
    let row = 0;
    editCsv(dir, "initiatives.csv", (records) => {
      row = rowOf(records, target);
      records[row]![records[0]!.indexOf("funding_status")] = "free";
      return records;
    });
    await expectRefused(
      org,
      dir,
      `initiatives.csv row ${row} (spreadsheet row ${row + 1}), column funding_status: "free" is not one of within_frame, in_budget_process, requires_separate_funding, funded, unknown`,
    );
    const dir2 = await spoilt(org);
    editCsv(dir2, "budget_lines.csv", (records) => {
      records[1]![records[0]!.indexOf("amount_dkk")] = "2,5 mio. kr.";
      return records;
    });
    await expectRefused(
      org,
      dir2,
      'budget_lines.csv row 1 (spreadsheet row 2), column amount_dkk: "2,5 mio. kr." is not a whole number',
    );
  });

  it("a dangling foreign key, by id and by code", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const dir = await spoilt(org);
    const ghost = "00000000-0000-4000-8000-000000000000";
    let row = 0;
    editCsv(dir, "initiatives.csv", (records) => {
      row = rowOf(records, registry.initiatives[0]!.id);
      records[row]![records[0]!.indexOf("policy_id")] = ghost;
      records[row]![records[0]!.indexOf("administration")] = "XYZ";
      return records;
    });
    const error = await expectRefused(
      org,
      dir,
      `initiatives.csv row ${row} (spreadsheet row ${row + 1}), column policy_id: "${ghost}" is not the id of any row in policies.csv (and 1 more problem)`,
    );
    expect(error.details[1]!.message).toBe(
      `initiatives.csv row ${row} (spreadsheet row ${row + 1}), column administration: "XYZ" is not the code of any row in administrations.csv or of the organisation's administrations`,
    );
  });

  it("duplicate ids", async () => {
    const org = await buildOrganisation();
    await buildRegistry(org);
    const dir = await spoilt(org);
    editCsv(dir, "themes.csv", (records) => {
      const copy = [...records[1]!];
      copy[records[0]!.indexOf("number")] = "9";
      return [...records, copy];
    });
    await expectRefused(
      org,
      dir,
      /themes\.csv row 3 \(spreadsheet row 4\), column id: "[0-9a-f-]{36}" is the same as in row 1: ids must be unique/,
    );
  });

  it("a file that is not UTF-8 (Latin-1 bytes)", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const dir = await spoilt(org);
    const file = path.join(dir, "initiatives.csv");
    const records = csvRecords(fs.readFileSync(file, "utf8"));
    fs.writeFileSync(file, Buffer.from(fs.readFileSync(file, "utf8"), "latin1"));
    // The first non-ASCII letter is the "å" in initiative 1's title ("Rådgivning for LGBTI+-personer").
    const row = rowOf(records, registry.initiatives[0]!.id);
    await expectRefused(
      org,
      dir,
      `initiatives.csv row ${row} (spreadsheet row ${row + 1}), column title: the file is not UTF-8: byte 0xE5`,
    );
  });

  it("a conflict found only while writing rolls back the rows already written", async () => {
    const org = await buildOrganisation();
    await buildRegistry(org);
    const dir = await spoilt(org);
    // Administrations are written first and change; then a committee takes a code the
    // organisation already uses for a committee the package does not hold.
    editCsv(dir, "administrations.csv", (records) =>
      records.map((r, i) => (i === 0 ? r : [r[0]!, r[1]!, `${r[2]} (ny)`])),
    );
    editCsv(dir, "committees.csv", (records) => {
      const kept = records.filter((r) => r[1] !== "ØU");
      kept.find((r) => r[1] === "KFU")![1] = "ØU";
      return kept;
    });
    await expectRefused(
      org,
      dir,
      /committees\.csv: Key \(organisation_id, code\)=\([0-9a-f-]+, ØU\) already exists/,
    );
    const names = await org.db
      .select()
      .from(administrations)
      .where(eq(administrations.organisationId, org.organisationId));
    expect(names.some((a) => a.name.endsWith("(ny)"))).toBe(false);
  });

  it("a period in another spelling, a slug another policy uses, and a public package", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const dir = await spoilt(org);
    editCsv(dir, "observations.csv", (records) => {
      records[1]![records[0]!.indexOf("period")] = "3. kvt. 2018";
      return records;
    });
    await expectRefused(
      org,
      dir,
      'observations.csv row 1 (spreadsheet row 2), column period: "3. kvt. 2018" is not a period',
    );

    const other = await buildOrganisation();
    await buildRegistry(other);
    const dir2 = await spoilt(other);
    editCsv(dir2, "policies.csv", (records) => {
      records[1]![records[0]!.indexOf("slug")] = registry.policy.slug;
      return records;
    });
    // Imported into `org`, whose own policy already has that slug.
    await expectRefused(
      org,
      dir2,
      new RegExp(
        `policies\\.csv row 1 \\(spreadsheet row 2\\), column slug: slug is already used by another policies row of this organisation \\(id ${registry.policy.id}\\)`,
      ),
    );

    const publicDir = await exportToTemp(org.ctx());
    await expectRefused(org, publicDir, /datapackage\.json: this is a public package \(audience "public"\)/);
  });

  it("a descriptor that is not a valid Data Package, or names files outside the package", async () => {
    const org = await buildOrganisation();
    await buildRegistry(org);
    const dir = await spoilt(org);
    const descriptorFile = path.join(dir, "datapackage.json");
    const descriptor = JSON.parse(fs.readFileSync(descriptorFile, "utf8"));
    descriptor.resources[2].name = "Policies";
    fs.writeFileSync(descriptorFile, JSON.stringify(descriptor));
    await expectRefused(
      org,
      dir,
      'datapackage.json: /resources/2/name must match pattern "^([-a-z0-9._/])+$"',
    );
    descriptor.resources[2].name = "policies";
    descriptor.resources[2].path = "https://example.org/policies.csv";
    fs.writeFileSync(descriptorFile, JSON.stringify(descriptor));
    await expectRefused(
      org,
      dir,
      'datapackage.json: resource policies: path "https://example.org/policies.csv" must be a file name',
    );
    fs.writeFileSync(descriptorFile, "{ not json");
    await expectRefused(org, dir, /datapackage\.json: is not valid JSON/);
  });
});

describe("the hand-written Eksempelkommune package", () => {
  it("imports cleanly into an empty organisation, and a second time changes nothing", async () => {
    const org = await buildEmptyOrganisation();
    const result = await importDataPackage(org.ctx(), eksempelkommuneDir);
    expect(result.resources).toMatchObject({
      administrations: { rows: 3, inserted: 3 },
      policies: { rows: 2, inserted: 2 },
      initiatives: { rows: 6, inserted: 6 },
    });
    const rows = await org.db
      .select()
      .from(initiatives)
      .where(eq(initiatives.organisationId, org.organisationId));
    expect(new Set(rows.map((r) => r.administrationId)).size).toBe(3);
    const obs = await org.db
      .select()
      .from(observations)
      .where(eq(observations.organisationId, org.organisationId));
    expect(obs.find((o) => o.period === "2021/22")!.year).toBe(2022);
    const again = await importDataPackage(org.ctx(), eksempelkommuneDir);
    for (const counts of Object.values(again.resources))
      expect(counts).toMatchObject({ inserted: 0, updated: 0 });
  });
});

describe("a received time with a fraction of a second (as packages of earlier versions wrote it)", () => {
  it("is read to the second, exported in the default datetime format, and a second import changes nothing", async () => {
    const source = await buildOrganisation();
    await buildRegistry(source);
    const dir = await spoilt(source);
    editCsv(dir, "hearing_responses.csv", (records) => {
      const at = records[0]!.indexOf("received_at");
      return records.map((r, i) =>
        i === 0 ? r : r.map((cell, j) => (j === at ? cell.replace("Z", ".6Z") : cell)),
      );
    });
    const target = await buildEmptyOrganisation();
    const first = await importDataPackage(target.ctx(), dir);
    expect(first.resources.hearing_responses).toMatchObject({ rows: 3, inserted: 3 });
    const exported = csvRecords(
      fs.readFileSync(
        path.join(await exportToTemp(target.ctx(), { audience: "full" }), "hearing_responses.csv"),
        "utf8",
      ),
    );
    const at = exported[0]!.indexOf("received_at");
    // 08:30:00.6 is rounded, as PostgreSQL rounds a timestamp(0).
    expect(
      exported
        .slice(1)
        .map((r) => r[at])
        .sort(),
    ).toEqual(["2023-10-11T08:30:01Z", "2023-10-12T12:00:01Z", "2023-10-13T09:15:31Z"]);
    const again = await importDataPackage(target.ctx(), dir);
    expect(again.resources.hearing_responses).toMatchObject({ inserted: 0, updated: 0 });
  });
});
