// The admin's own pages through HTTP: admins only (a coordinator gets 404 and
// no menu item); add and rename administrations and committees, a stale
// version and a duplicate code explained in Danish, no delete of one in use;
// settings checked as whole numbers from 1 to 60.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import {
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../../test/factories.ts";
import { administrations, committees, settings } from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

async function as(org: TestOrganisation, role: "admin" | "coordinator") {
  const login = await buildLoginUser(org, role);
  const client = new AdminClient(await buildTestApp(org));
  expect((await client.login(login.email, login.password)).status).toBe(303);
  await client.get("/admin");
  return client;
}

const adminsOf = (org: TestOrganisation) =>
  org.db.select().from(administrations).where(eq(administrations.organisationId, org.organisationId));

describe("organisation pages", () => {
  it("are for admins only: a coordinator gets 404, no menu item, and changes nothing", async () => {
    const org = await buildOrganisation();
    const client = await as(org, "coordinator");
    expect(client.lastHtml).not.toContain('href="/admin/organisation"');
    expect((await client.get("/admin/organisation")).status).toBe(404);
    expect((await client.get("/admin/indstillinger")).status).toBe(404);
    expect((await client.get(`/admin/organisation/forvaltninger/${org.administrationIds.BIF}`)).status).toBe(
      404,
    );
    await client.get("/admin");
    expect((await client.post("/admin/organisation/forvaltninger", { code: "NYF", name: "Ny" })).status).toBe(
      404,
    );
    await client.get("/admin");
    expect(
      (
        await client.post("/admin/indstillinger", {
          key: "inquiry_due_working_days",
          value: "3",
          version: "0",
        })
      ).status,
    ).toBe(404);
    expect(await adminsOf(org)).toHaveLength(7);
    expect(
      await org.db.select().from(settings).where(eq(settings.organisationId, org.organisationId)),
    ).toEqual([]);
  });

  it("lets an admin add an administration and a committee, rename one and delete one nothing uses", async () => {
    const org = await buildOrganisation();
    const client = await as(org, "admin");
    expect(client.lastHtml).toContain('href="/admin/organisation"');
    await client.get("/admin/organisation");
    expect(client.lastHtml).toContain("Beskæftigelses- og Integrationsforvaltningen");
    let res = await client.post("/admin/organisation/forvaltninger", {
      code: "ehf",
      name: "Havneforvaltningen",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/organisation?besked=tilfoejet");
    await client.get(res.headers.get("location")!);
    expect(client.lastHtml).toContain("Tilføjet.");
    expect(client.lastHtml).toContain("Havneforvaltningen");
    res = await client.post("/admin/organisation/udvalg", { code: "HAU", name: "Havneudvalget" });
    expect(res.status).toBe(303);
    const [committee] = await org.db.select().from(committees).where(eq(committees.code, "HAU"));
    expect(committee?.organisationId).toBe(org.organisationId);

    const [ehf] = await org.db
      .select()
      .from(administrations)
      .where(and(eq(administrations.organisationId, org.organisationId), eq(administrations.code, "EHF")));
    await client.get(`/admin/organisation/forvaltninger/${ehf!.id}`);
    expect(client.lastHtml).toContain("Intet henviser til forvaltningen");
    res = await client.post(`/admin/organisation/forvaltninger/${ehf!.id}`, {
      version: String(ehf!.version),
      code: "HAF",
      name: "Havne- og Ejendomsforvaltningen",
    });
    expect(res.status).toBe(303);
    await client.get(res.headers.get("location")!);
    expect(client.lastHtml).toContain("Ændringen er gemt.");
    expect(client.lastHtml).toContain("HAF – Havne- og Ejendomsforvaltningen");

    // Nothing uses the new committee, so it can go.
    await client.get(`/admin/organisation/udvalg/${committee!.id}`);
    expect(client.lastHtml).toContain(`${committee!.id}/slet`);
    res = await client.post(`/admin/organisation/udvalg/${committee!.id}/slet`, { version: "1" });
    expect(res.headers.get("location")).toBe("/admin/organisation?besked=slettet");
    expect(await org.db.select().from(committees).where(eq(committees.id, committee!.id))).toEqual([]);
  });

  it("shows a stale version as a conflict and a duplicate code as a Danish error, saving neither", async () => {
    const org = await buildOrganisation();
    const client = await as(org, "admin");
    const id = org.administrationIds.KFF!;
    await client.get(`/admin/organisation/forvaltninger/${id}`);
    const form = { version: "1", code: "KFF", name: "Kultur- og Fritidsforvaltningen (ny)" };
    expect((await client.post(`/admin/organisation/forvaltninger/${id}`, form)).status).toBe(303);
    // The same form again, from a page read before that save.
    const stale = await client.post(`/admin/organisation/forvaltninger/${id}`, {
      ...form,
      name: "Et andet navn",
    });
    expect(stale.status).toBe(409);
    expect(client.lastHtml).toContain("<title>Fejl:");
    expect(client.lastHtml).toContain("En anden har gemt en ændring");
    expect(client.lastHtml).toContain('value="Et andet navn"');

    const dup = await client.post(`/admin/organisation/forvaltninger/${id}`, {
      version: "2",
      code: "bif",
      name: "Kultur- og Fritidsforvaltningen",
    });
    expect(dup.status).toBe(409);
    expect(client.lastHtml).toContain("Koden BIF bruges allerede af");
    expect(client.lastHtml).toContain('href="#adm-code"');
    await client.get("/admin/organisation");
    const bad = await client.post("/admin/organisation/udvalg", { code: "Ø", name: "" });
    expect(bad.status).toBe(400);
    expect(client.lastHtml).toContain("Skriv en kode på 2–10 bogstaver eller tal");
    expect(client.lastHtml).toContain('href="#udv-name"');

    const [kff] = await org.db.select().from(administrations).where(eq(administrations.id, id));
    expect(kff).toMatchObject({ code: "KFF", name: "Kultur- og Fritidsforvaltningen (ny)", version: 2 });
  });

  it("offers no delete for an administration in use and says why", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    await buildInitiative(org, policy.id, { administrationId: org.administrationIds.SOF });
    const client = await as(org, "admin");
    const id = org.administrationIds.SOF!;
    await client.get(`/admin/organisation/forvaltninger/${id}`);
    expect(client.lastHtml).toContain("kan ikke slettes, fordi 1 initiativ henviser til forvaltningen");
    expect(client.lastHtml).not.toContain(`${id}/slet`);
    const res = await client.post(`/admin/organisation/forvaltninger/${id}/slet`, { version: "1" });
    expect(res.status).toBe(409);
    expect(await adminsOf(org)).toHaveLength(7);
  });

  it("saves a setting only as a whole number from 1 to 60, and shows the suppression threshold", async () => {
    const org = await buildOrganisation();
    const client = await as(org, "admin");
    await client.get("/admin/indstillinger");
    expect(client.lastHtml).toContain("PEJL_SUPPRESSION_THRESHOLD");
    expect(client.lastHtml).toContain('id="setting-inquiry_due_working_days"');
    for (const value of ["0", "61", "2,5", "ti", ""]) {
      const res = await client.post("/admin/indstillinger", {
        key: "inquiry_due_working_days",
        value,
        version: "0",
      });
      expect(res.status).toBe(400);
      expect(client.lastHtml).toContain("skriv et helt tal fra 1 til 60");
    }
    expect(
      await org.db.select().from(settings).where(eq(settings.organisationId, org.organisationId)),
    ).toEqual([]);
    const ok = await client.post("/admin/indstillinger", {
      key: "inquiry_due_working_days",
      value: "15",
      version: "0",
    });
    expect(ok.status).toBe(303);
    await client.get(ok.headers.get("location")!);
    expect(client.lastHtml).toContain("Ændringen er gemt.");
    const stale = await client.post("/admin/indstillinger", {
      key: "inquiry_due_working_days",
      value: "20",
      version: "0",
    });
    expect(stale.status).toBe(409);
    expect(client.lastHtml).toContain("En anden har gemt indstillingen");
    const [row] = await org.db
      .select()
      .from(settings)
      .where(
        and(eq(settings.organisationId, org.organisationId), eq(settings.key, "inquiry_due_working_days")),
      );
    expect(row).toMatchObject({ value: 15, version: 1 });
  });

  it("names the council as the admin writes it, on the inquiry pages of the admin and the portal", async () => {
    const org = await buildOrganisation();
    const client = await as(org, "admin");
    await client.get("/admin/spoergsmaal");
    expect(client.lastHtml).toContain("<h1>Spørgsmål fra kommunalbestyrelsen</h1>");
    await client.get("/admin/indstillinger");
    const version = /name="version" value="(\d+)"/.exec(client.lastHtml)![1]!;
    for (const councilName of ["x", ""]) {
      const res = await client.post("/admin/indstillinger/kommunalbestyrelse", { councilName, version });
      expect(res.status).toBe(400);
      expect(client.lastHtml).toContain("Skriv kommunalbestyrelsens navn med 2 til 80 tegn");
    }
    const ok = await client.post("/admin/indstillinger/kommunalbestyrelse", {
      councilName: "Borgerrepræsentationen",
      version,
    });
    expect(ok.status).toBe(303);
    const stale = await client.post("/admin/indstillinger/kommunalbestyrelse", {
      councilName: "byrådet",
      version,
    });
    expect(stale.status).toBe(409);
    expect(client.lastHtml).toContain("Navnet er ikke gemt");
    await client.get("/admin/spoergsmaal");
    expect(client.lastHtml).toContain("<h1>Spørgsmål fra Borgerrepræsentationen</h1>");
    await client.get("/spoergsmaal");
    expect(client.lastHtml).toContain("<h1>Spørgsmål fra Borgerrepræsentationen</h1>");
    expect(client.lastHtml).toContain("Medlemmer af Borgerrepræsentationen kan stille spørgsmål");
  });
});
