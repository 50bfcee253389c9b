// Creating an organisation: from the shape of data/demo/organisation.json or a name
// alone; a taken slug, a code listed twice or a bad field changes nothing.
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import { testDatabase } from "../../../test/db.ts";
import { buildOrganisation } from "../../../test/factories.ts";
import { systemActor } from "../../context.ts";
import { administrations, auditEvents, committees, organisations } from "../../db/schema.ts";
import { organisationCreator } from "./organisationCreator.ts";

async function installation() {
  const { db } = await testDatabase();
  return { db, ctx: { db, actor: systemActor("test") } };
}

const uniqueSlug = () => `nordby-${randomUUID().slice(0, 8)}`;

async function organisationCount() {
  const { db } = await testDatabase();
  const [row] = await db.select({ n: count() }).from(organisations);
  return row!.n;
}

describe("organisationCreator", () => {
  it("creates the organisation with its administrations and committees and audits it in its own log", async () => {
    const { db, ctx } = await installation();
    const slug = uniqueSlug();
    const created = await organisationCreator(ctx, {
      slug,
      name: "Nordby Kommune",
      administrations: [
        { code: "bsf", name: "Børne- og Skoleforvaltningen" },
        { code: "TEK", name: "Teknisk Forvaltning" },
      ],
      committees: [{ code: "BSU", name: "Børne- og Skoleudvalget" }],
    });
    expect(created).toMatchObject({ slug, name: "Nordby Kommune", administrations: 2, committees: 1 });
    const [row] = await db.select().from(organisations).where(eq(organisations.id, created.id));
    expect(row!.councilName).toBe("kommunalbestyrelsen");
    const admins = await db
      .select({ code: administrations.code })
      .from(administrations)
      .where(eq(administrations.organisationId, created.id));
    expect(admins.map((a) => a.code).sort()).toEqual(["BSF", "TEK"]);
    const units = await db.select().from(committees).where(eq(committees.organisationId, created.id));
    expect(units.map((c) => c.name)).toEqual(["Børne- og Skoleudvalget"]);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.organisationId, created.id));
    expect(events.map((e) => [e.action, e.entityId])).toEqual([["organisation.create", created.id]]);
  });

  it("takes the council's name from the file, as data/demo/organisation.json gives Borgerrepræsentationen", async () => {
    const { db, ctx } = await installation();
    const created = await organisationCreator(ctx, {
      slug: uniqueSlug(),
      name: "Nordby Kommune",
      council: "byrådet",
    });
    const [row] = await db.select().from(organisations).where(eq(organisations.id, created.id));
    expect(row!.councilName).toBe("byrådet");
    const before = await organisationCount();
    await expect(
      organisationCreator(ctx, { slug: uniqueSlug(), name: "Sydby Kommune", council: "by\nrådet" }),
    ).rejects.toMatchObject({ id: "validation_failed" });
    expect(await organisationCount()).toBe(before);
  });

  it("makes the slug from the name when none is given (Danish letters spelt out)", async () => {
    const { ctx } = await installation();
    const name = `Søby-Ærø ${randomUUID().slice(0, 4)} Kommune`;
    const created = await organisationCreator(ctx, { name });
    expect(created.slug).toMatch(/^soeby-aeroe-[0-9a-f]{4}-kommune$/);
    expect(created).toMatchObject({ administrations: 0, committees: 0 });
  });

  it("refuses a taken slug, a code listed twice and unknown fields, writing nothing", async () => {
    const { ctx } = await installation();
    const slug = uniqueSlug();
    await organisationCreator(ctx, { slug, name: "Nordby Kommune" });
    const before = await organisationCount();
    await expect(organisationCreator(ctx, { slug, name: "Et andet Nordby" })).rejects.toMatchObject({
      id: "duplicate",
      message: expect.stringContaining(`slug "${slug}" already exists (Nordby Kommune)`),
    });
    await expect(
      organisationCreator(ctx, {
        slug: uniqueSlug(),
        name: "Sydby Kommune",
        administrations: [
          { code: "SOF", name: "Socialforvaltningen" },
          { code: "KUF", name: "Kulturforvaltningen" },
          { code: "sof", name: "Social- og Sundhedsforvaltningen" },
        ],
      }),
    ).rejects.toMatchObject({
      id: "validation_failed",
      message: expect.stringContaining("the administration code SOF is listed twice (items 1 and 3)"),
    });
    await expect(
      organisationCreator(ctx, { slug: uniqueSlug(), name: "Sydby Kommune", administration: [] }),
    ).rejects.toMatchObject({ id: "validation_failed" });
    await expect(organisationCreator(ctx, { slug: "Ikke en slug!", name: "Sydby" })).rejects.toMatchObject({
      id: "validation_failed",
      details: [expect.objectContaining({ path: "slug" })],
    });
    await expect(organisationCreator(ctx, { name: "???" })).rejects.toMatchObject({
      id: "validation_failed",
      message: expect.stringContaining("no usable slug"),
    });
    expect(await organisationCount()).toBe(before);
  });

  it("is not for a user of an organisation, not even its admin", async () => {
    const org = await buildOrganisation();
    const admin = await buildActor(org, "admin");
    const { db } = await installation();
    await expect(
      organisationCreator({ db, actor: admin.actor }, { slug: uniqueSlug(), name: "Nabokommune" }),
    ).rejects.toMatchObject({ id: "forbidden" });
  });
});
