import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import {
  buildEmptyOrganisation,
  buildOrganisation,
  buildRegistry,
  type TestOrganisation,
} from "../../test/factories.ts";
import {
  copyPackage,
  csvRecords,
  exportToTemp,
  openFreshDatabase,
  readPackageDir,
  snapshot,
} from "../../test/fixtures/datapackage/helpers.ts";
import { createContext, systemActor } from "../context.ts";
import {
  auditEvents,
  hearingResponses,
  hearings,
  initiatives,
  observations,
  organisations,
} from "../db/schema.ts";
import { importDataPackage } from "./import.ts";
import { uuidV5 } from "./resolve.ts";
import { resources } from "./resources.ts";

const UUID_LIST = /^[0-9a-f-]{36}(;[0-9a-f-]{36})+$/;

/**
 * Rows of a CSV with the header first and the data rows in a stable order. Rows are
 * sorted by id, and lists of ids by id, so translated ids come in another order.
 */
function normalized(text: string): string[][] {
  const [header, ...rows] = csvRecords(text);
  const sorted = rows.map((row) =>
    row.map((cell) => (UUID_LIST.test(cell) ? cell.split(";").sort().join(";") : cell)),
  );
  return [header!, ...sorted.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))];
}

/** The organisation's audit events of data-package imports. */
function importEvents(org: TestOrganisation) {
  return org.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.organisationId, org.organisationId), eq(auditEvents.action, "data_package.import")),
    );
}

describe("open-data round trip (full export)", () => {
  it("fills every resource of the package from the registry factory", async () => {
    const org = await buildOrganisation();
    await buildRegistry(org);
    const files = readPackageDir(await exportToTemp(org.ctx(), { audience: "full" }));
    for (const def of resources) {
      expect(csvRecords(files.get(`${def.name}.csv`)!).length, def.name).toBeGreaterThan(1);
    }
  });

  it("export → import into a new empty organisation → export gives the same rows, ids mapped as documented", async () => {
    const source = await buildOrganisation();
    await buildRegistry(source);
    const first = readPackageDir(await exportToTemp(source.ctx(), { audience: "full" }));

    const target = await buildEmptyOrganisation();
    const result = await importDataPackage(
      target.ctx(),
      await exportToTemp(source.ctx(), { audience: "full" }),
    );
    const second = readPackageDir(await exportToTemp(target.ctx(), { audience: "full" }));

    // Every id belongs to the source organisation in this same database, so each was
    // replaced by UUIDv5(target organisation, source id): translate them back.
    const ids = new Set<string>();
    for (const def of resources) {
      const [header, ...rows] = csvRecords(first.get(`${def.name}.csv`)!);
      const idColumn = header!.indexOf("id");
      for (const row of rows) ids.add(row[idColumn]!);
    }
    expect(result.remappedIds).toBe(ids.size);
    const back = new Map([...ids].map((id) => [uuidV5(target.organisationId, id), id]));
    const translate = (text: string) =>
      text.replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        (id) => back.get(id) ?? id,
      );

    for (const def of resources) {
      const file = `${def.name}.csv`;
      expect(normalized(translate(second.get(file)!)), file).toEqual(normalized(first.get(file)!));
    }
    // Only the organisation-specific bits of datapackage.json differ.
    const a = JSON.parse(first.get("datapackage.json")!);
    const b = JSON.parse(second.get("datapackage.json")!);
    for (const key of ["name", "title", "organisation"]) expect(b[key]).not.toEqual(a[key]);
    for (const key of ["name", "title", "organisation"]) {
      delete a[key];
      delete b[key];
    }
    expect(b).toEqual(a);

    // Inserted everything; one audit event with the counts.
    expect(result.resources.observations).toEqual({ rows: 7, inserted: 7, updated: 0 });
    const events = await importEvents(target);
    expect(events).toHaveLength(1);
    expect(
      (events[0]!.after as { resources: Record<string, { rows: number }> }).resources.initiatives!.rows,
    ).toBe(2);
  });

  it("into an empty organisation, a package with one id another organisation owns, in the last file written: that id is replaced, every other kept, nothing written twice", async () => {
    const source = await buildOrganisation();
    await buildRegistry(source);
    const dir = copyPackage(await exportToTemp(source.ctx(), { audience: "full" }));
    // Every id new, as in another installation's package, except one provenance row's.
    const [provenanceHeader, firstProvenance] = csvRecords(
      fs.readFileSync(path.join(dir, "provenance.csv"), "utf8"),
    );
    const owned = firstProvenance![provenanceHeader!.indexOf("id")]!;
    const fresh = new Map<string, string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".csv"))) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      fs.writeFileSync(
        path.join(dir, file),
        text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
          if (id === owned) return id;
          if (!fresh.has(id)) fresh.set(id, randomUUID());
          return fresh.get(id)!;
        }),
      );
    }

    const target = await buildEmptyOrganisation();
    const result = await importDataPackage(target.ctx(), dir);
    expect(result.remappedIds).toBe(1);
    const replaced = uuidV5(target.organisationId, owned);
    const imported = readPackageDir(await exportToTemp(target.ctx(), { audience: "full" }));
    for (const def of resources) {
      const file = `${def.name}.csv`;
      const back = imported.get(file)!.replaceAll(replaced, owned);
      expect(normalized(back), file).toEqual(normalized(fs.readFileSync(path.join(dir, file), "utf8")));
    }
    // The source keeps its row; one import event.
    expect(
      readPackageDir(await exportToTemp(source.ctx(), { audience: "full" })).get("provenance.csv"),
    ).toContain(owned);
    const events = await importEvents(target);
    expect(events).toHaveLength(1);
  });

  it("into another installation (a fresh database) the ids are kept and the CSV files are byte-identical", async () => {
    const source = await buildOrganisation();
    await buildRegistry(source);
    const dir = await exportToTemp(source.ctx(), { audience: "full" });
    const fresh = await openFreshDatabase();
    try {
      const [org] = await fresh.db
        .insert(organisations)
        .values({ slug: "ny-kommune", name: "Ny kommune" })
        .returning();
      const ctx = createContext({ db: fresh.db, organisationId: org!.id, actor: systemActor("test") });
      const result = await importDataPackage(ctx, dir);
      expect(result.remappedIds).toBe(0);
      const again = readPackageDir(await exportToTemp(ctx, { audience: "full" }));
      for (const [name, text] of readPackageDir(dir)) {
        if (name !== "datapackage.json") expect(again.get(name), name).toBe(text);
      }
    } finally {
      await fresh.close();
    }
  });

  it("matches administrations and committees by code in an organisation that already has them", async () => {
    const source = await buildOrganisation();
    await buildRegistry(source);
    const target = await buildOrganisation();
    await importDataPackage(target.ctx(), await exportToTemp(source.ctx(), { audience: "full" }));
    const [row] = await target.db
      .select()
      .from(initiatives)
      .where(
        and(
          eq(initiatives.organisationId, target.organisationId),
          eq(initiatives.title, "Jobmentorer til kvinder"),
        ),
      );
    expect(row!.administrationId).toBe(target.administrationIds.BIF);
  });

  it("export → import into the same organisation changes nothing, not even a version", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const before = await snapshot(org.ctx());
    const result = await importDataPackage(org.ctx(), await exportToTemp(org.ctx(), { audience: "full" }));
    for (const counts of Object.values(result.resources))
      expect(counts).toMatchObject({ inserted: 0, updated: 0 });
    for (const counts of Object.values(result.links)) expect(counts).toEqual({ added: 0, removed: 0 });
    expect(result.remappedIds).toBe(0);
    expect(await snapshot(org.ctx())).toEqual(before);
    const [obs] = await org.db.select().from(observations).where(eq(observations.id, registry.suppressed.id));
    expect(obs!.version).toBe(1);
  });

  it("an edited package updates the changed rows only and bumps their version", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const dir = await exportToTemp(org.ctx(), { audience: "full" });
    const fs = await import("node:fs");
    const file = `${dir}/initiatives.csv`;
    fs.writeFileSync(
      file,
      fs.readFileSync(file, "utf8").replace("Jobmentorer til kvinder", "Jobmentorer til kvinder og mænd"),
    );
    const result = await importDataPackage(org.ctx(), dir);
    expect(result.resources.initiatives).toEqual({ rows: 2, inserted: 0, updated: 1 });
    const [row] = await org.db
      .select()
      .from(initiatives)
      .where(eq(initiatives.id, registry.initiatives[1]!.id));
    expect(row!.title).toBe("Jobmentorer til kvinder og mænd");
    expect(row!.version).toBe(2);
  });

  it("a list value may hold any text: ;, quotes, line breaks, an empty item; the portal's files still answer and import reads back what export wrote", async () => {
    const source = await buildOrganisation();
    const registry = await buildRegistry(source);
    const tricky = ["Børn og unge; 6-17 år", 'Forældre med "særlige" behov', "to\nlinjer", "", " mellemrum "];
    const initiativeId = registry.initiatives[0]!.id;
    await source.db
      .update(initiatives)
      .set({ targetGroups: tricky, partners: ["A; B", "C"] })
      .where(eq(initiatives.id, initiativeId));
    await source.db
      .update(hearings)
      .set({ invited: ['Rådet "X"; Y'] })
      .where(eq(hearings.id, registry.hearing.id));
    const responseId = registry.hearingResponses[0]!.id;
    await source.db
      .update(hearingResponses)
      .set({ goalsChosen: ["1.1;1.2", "2"] })
      .where(eq(hearingResponses.id, responseId));

    const app = await buildTestApp(source);
    for (const path of [
      "/data/initiatives.csv",
      "/data/hearings.csv",
      "/data/datapackage.json",
      "/data/pejl-datapakke.zip",
    ])
      expect((await app.request(path)).status, path).toBe(200);

    const dir = await exportToTemp(source.ctx(), { audience: "full" });
    const fresh = await openFreshDatabase();
    try {
      const [org] = await fresh.db.insert(organisations).values({ slug: "liste", name: "Liste" }).returning();
      const ctx = createContext({ db: fresh.db, organisationId: org!.id, actor: systemActor("test") });
      await importDataPackage(ctx, dir);
      const [initiative] = await fresh.db.select().from(initiatives).where(eq(initiatives.id, initiativeId));
      expect(initiative!.targetGroups).toEqual(tricky);
      expect(initiative!.partners).toEqual(["A; B", "C"]);
      const [hearing] = await fresh.db.select().from(hearings).where(eq(hearings.id, registry.hearing.id));
      expect(hearing!.invited).toEqual(['Rådet "X"; Y']);
      const [response] = await fresh.db
        .select()
        .from(hearingResponses)
        .where(eq(hearingResponses.id, responseId));
      expect(response!.goalsChosen).toEqual(["1.1;1.2", "2"]);
    } finally {
      await fresh.close();
    }
  });
});
