// `pejl import-data` at the installation level: a package brings its organisation into
// an empty database, finds it by slug in one that holds it, and is refused (changing
// nothing) where it is unclear which organisation is meant.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import {
  copyPackage,
  eksempelkommuneDir,
  exportToTemp,
  freshDatabaseEachTest,
  operator,
  readPackageDir,
  sourcePackage as registryPackage,
  spoiltPackage,
} from "../../../test/fixtures/datapackage/helpers.ts";
import { createContext, systemActor } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { auditEvents, initiatives, organisations, settings } from "../../db/schema.ts";
import { DUE_SETTING, REMINDER_SETTING } from "../../domain/settings.ts";
import { organisationCreator } from "./organisationCreator.ts";
import { settingSaver } from "./settingSaver.ts";
import { transferImporter } from "./transferImporter.ts";

const fresh = freshDatabaseEachTest();

/** A full package of an organisation with a registry and one saved setting. */
const sourcePackage = () =>
  registryPackage(async (org) => {
    const admin = await buildActor(org, "admin");
    await settingSaver(admin.ctx, { key: DUE_SETTING, value: 15, version: 0 });
  });

const organisationsOf = (db: Db) => db.select().from(organisations);

describe("transferImporter", () => {
  it("into an empty database creates the package's organisation with its settings, and exports the same package", async () => {
    const source = await sourcePackage();
    const result = await transferImporter(operator(fresh.db), { dir: source.dir });
    expect(result.organisation).toEqual({ slug: source.slug, name: source.name, created: true });
    expect(result.remappedIds).toBe(0);
    const [org] = await organisationsOf(fresh.db);
    const saved = await fresh.db.select().from(settings).where(eq(settings.organisationId, org!.id));
    expect(saved.map((s) => [s.key, s.value])).toEqual([[DUE_SETTING, 15]]);
    const events = await fresh.db.select().from(auditEvents).where(eq(auditEvents.organisationId, org!.id));
    expect(events.map((e) => e.action).sort()).toEqual([
      "data_package.import",
      "organisation.create",
      "organisation.update",
    ]);

    const ctx = createContext({ db: fresh.db, organisationId: org!.id, actor: systemActor("test") });
    const again = readPackageDir(await exportToTemp(ctx, { audience: "full" }));
    for (const [name, text] of readPackageDir(source.dir)) expect(again.get(name), name).toBe(text);
  });

  it("into a database holding the organisation, imports into it and takes the package's name and settings", async () => {
    const source = await sourcePackage();
    await organisationCreator(operator(fresh.db), { slug: source.slug, name: "Gammelt navn" });
    await organisationCreator(operator(fresh.db), { slug: "nabokommune", name: "Nabokommune" });
    const result = await transferImporter(operator(fresh.db), { dir: source.dir });
    expect(result.organisation).toEqual({ slug: source.slug, name: source.name, created: false });
    const rows = await organisationsOf(fresh.db);
    expect(rows.map((o) => o.name).sort()).toEqual(["Nabokommune", source.name].sort());
    const [target] = rows.filter((o) => o.slug === source.slug);
    const imported = await fresh.db
      .select()
      .from(initiatives)
      .where(eq(initiatives.organisationId, target!.id));
    expect(imported).toHaveLength(2);
  });

  it("where another organisation is there, asks which is meant; naming one imports into it, naming the package's adds it", async () => {
    const source = await sourcePackage();
    await organisationCreator(operator(fresh.db), {
      slug: "nabokommune",
      name: "Nabokommune",
      administrations: [{ code: "BIF", name: "Beskæftigelsesforvaltningen" }],
    });
    await expect(transferImporter(operator(fresh.db), { dir: source.dir })).rejects.toMatchObject({
      id: "not_found",
      message: expect.stringContaining(
        `which the database does not hold; it holds nabokommune (Nabokommune). Import into one of them with --organisation SLUG, or add ${source.slug} as a new organisation with --organisation ${source.slug}.`,
      ),
    });
    expect(await organisationsOf(fresh.db)).toHaveLength(1);

    const into = await transferImporter(operator(fresh.db), { dir: source.dir, organisation: "nabokommune" });
    // Its own name stays: the package's name and settings belong to the package's organisation.
    expect(into.organisation).toEqual({ slug: "nabokommune", name: "Nabokommune", created: false });
    expect(into.resources.administrations).toMatchObject({ rows: 7, inserted: 6 });

    const added = await transferImporter(operator(fresh.db), { dir: source.dir, organisation: source.slug });
    expect(added.organisation).toMatchObject({ slug: source.slug, created: true });
    // The ids are already taken by nabokommune's copy, so this one gets its own (resolve.ts).
    expect(added.remappedIds).toBeGreaterThan(0);
    await expect(
      transferImporter(operator(fresh.db), { dir: source.dir, organisation: "ingen" }),
    ).rejects.toMatchObject({ message: expect.stringContaining('No organisation "ingen" in the database') });
  });

  it("refuses a spoilt package, a package naming no organisation in an empty database, and a user, creating nothing", async () => {
    const source = await sourcePackage();
    const spoilt = spoiltPackage(source.dir);
    await expect(transferImporter(operator(fresh.db), { dir: spoilt })).rejects.toMatchObject({
      id: "bad_package",
    });
    await expect(transferImporter(operator(fresh.db), { dir: eksempelkommuneDir })).rejects.toMatchObject({
      message: expect.stringContaining("The database holds no organisation yet. Create yours with"),
    });
    const admin = await buildActor(source.org, "admin");
    await expect(
      transferImporter({ db: fresh.db, actor: admin.actor }, { dir: source.dir }),
    ).rejects.toMatchObject({ id: "forbidden" });
    expect(await organisationsOf(fresh.db)).toEqual([]);
  });

  it("refuses settings this version does not know or cannot hold", async () => {
    const source = await sourcePackage();
    const spoilt = copyPackage(source.dir);
    const fs = await import("node:fs");
    const file = `${spoilt}/datapackage.json`;
    const descriptor = JSON.parse(fs.readFileSync(file, "utf8"));
    descriptor.organisation.settings = { [REMINDER_SETTING]: 500, smtp_password: "hemmelig" };
    fs.writeFileSync(file, JSON.stringify(descriptor));
    const error = await transferImporter(operator(fresh.db), { dir: spoilt }).catch((e: Error) => e);
    expect(error).toMatchObject({ id: "bad_package" });
    const messages = (error as unknown as { details: { message: string }[] }).details.map((d) => d.message);
    expect(messages).toEqual([
      expect.stringContaining(
        `organisation.settings.${REMINDER_SETTING} must be a whole number from 1 to 60`,
      ),
      expect.stringContaining('"smtp_password" is not a setting of Pejl'),
    ]);
    expect(await organisationsOf(fresh.db)).toEqual([]);
  });
});
