// User management through HTTP: admins only (a coordinator gets 404); add a
// user with a one-time password shown once, change role and administration,
// disable and enable, new password; every change audited.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import { buildLoginUser, buildOrganisation, type TestOrganisation } from "../../../../test/factories.ts";
import { auditEvents, roleAssignments, users } from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

async function as(org: TestOrganisation, role: "admin" | "coordinator" | "reporter" | "viewer") {
  const login = await buildLoginUser(org, role, {
    administrationCode: role === "reporter" ? "BIF" : undefined,
    name: `Test ${role}`,
  });
  const app = await buildTestApp(org);
  const client = new AdminClient(app);
  expect((await client.login(login.email, login.password)).status).toBe(303);
  await client.get("/admin");
  return { client, app, ...login };
}

const passwordIn = (html: string) => /data-testid="one-time-password">([^<]+)</.exec(html)?.[1];

async function actionsFor(org: TestOrganisation, userId: string) {
  const rows = await org.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, org.organisationId), eq(auditEvents.entityId, userId)));
  // Logins are audited too; here only the management changes count.
  return rows
    .map((r) => r.action)
    .filter((a) => !/^user\.(login|logout)/.test(a))
    .sort();
}

describe("user management", () => {
  it("is for admins only: coordinator, reporter and viewer get 404 and no menu item", async () => {
    const org = await buildOrganisation();
    const { user } = await buildLoginUser(org, "viewer");
    for (const role of ["coordinator", "reporter", "viewer"] as const) {
      const { client } = await as(org, role);
      expect(client.lastHtml).not.toContain('href="/admin/brugere"');
      expect((await client.get("/admin/brugere")).status).toBe(404);
      expect((await client.get(`/admin/brugere/${user.id}`)).status).toBe(404);
      await client.get("/admin");
      expect((await client.post(`/admin/brugere/${user.id}/deaktiver`, {})).status).toBe(404);
    }
    const [row] = await org.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.disabled).toBe(false);
  });

  it("lists users with role and administration; adds a reporter whose one-time password works once shown", async () => {
    const org = await buildOrganisation();
    await buildLoginUser(org, "reporter", { administrationCode: "SOF", name: "Rita Reporter" });
    const { client, app } = await as(org, "admin");
    await client.get("/admin/brugere");
    expect(client.lastHtml).toContain('href="/admin/brugere"');
    expect(client.lastHtml).toContain("Rita Reporter");
    expect(client.lastHtml).toContain("Indberetter, SOF");

    const res = await client.post("/admin/brugere", {
      name: "Nina Ny",
      email: "Nina.Ny@Example.dk",
      role: "reporter",
      administration: "BIF",
    });
    expect(res.status).toBe(201);
    const html = await res.text();
    const password = passwordIn(html);
    expect(password).toMatch(/^[\w-]{19}$/);
    expect(html).toContain("Indberetter, BIF");
    // Shown once: the list does not show it again.
    await client.get("/admin/brugere");
    expect(passwordIn(client.lastHtml)).toBeUndefined();
    expect(client.lastHtml).not.toContain(password!);

    const [created] = await org.db.select().from(users).where(eq(users.email, "nina.ny@example.dk"));
    expect(await actionsFor(org, created!.id)).toEqual(["user.create"]);
    const nina = new AdminClient(app);
    expect((await nina.login("nina.ny@example.dk", password!)).status).toBe(303);
  });

  it("refuses a reporter without administration, a bad e-mail and a taken e-mail in Danish", async () => {
    const org = await buildOrganisation();
    const { client, email } = await as(org, "admin");
    await client.get("/admin/brugere");
    const bad = await client.post("/admin/brugere", {
      name: "",
      email: "ikke-en-mail",
      role: "reporter",
      administration: "",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("<title>Fejl: Brugere");
    expect(html).toContain("Skriv brugerens navn.");
    expect(html).toContain("Skriv en gyldig e-mailadresse");
    expect(html).toContain("Vælg indberetterens forvaltning.");
    expect(html).toContain('value="ikke-en-mail"');
    const taken = await client.post("/admin/brugere", {
      name: "Dobbelt",
      email,
      role: "viewer",
      administration: "",
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Der findes allerede en bruger med den e-mail.");
    expect(
      await org.db.select().from(users).where(eq(users.organisationId, org.organisationId)),
    ).toHaveLength(1);
  });

  it("says beside the administration field when a chosen administration does not exist, creating and changing nothing", async () => {
    const org = await buildOrganisation();
    const other = await buildLoginUser(org, "viewer", { name: "Vera Viewer" });
    const { client } = await as(org, "admin");
    await client.get("/admin/brugere");
    const unknown = { role: "reporter", administration: "FINDESIKKE" };
    const added = await client.post("/admin/brugere", { name: "Ny", email: "ny@example.dk", ...unknown });
    expect(added.status).toBe(400);
    const html = await added.text();
    expect(html).toMatch(/id="administration-error">.*?Vælg en forvaltning fra listen\./);
    expect(html).toContain('value="ny@example.dk"');
    const page = `/admin/brugere/${other.user.id}`;
    await client.get(page);
    const changed = await client.post(`${page}/rolle`, unknown);
    expect(changed.status).toBe(400);
    expect(await changed.text()).toContain("Vælg en forvaltning fra listen.");
    expect(
      await org.db.select().from(users).where(eq(users.organisationId, org.organisationId)),
    ).toHaveLength(2);
    expect(
      await org.db.select().from(roleAssignments).where(eq(roleAssignments.userId, other.user.id)),
    ).toMatchObject([{ role: "viewer" }]);
  });

  it("changes a user's role and administration, disables and enables them, and audits each change", async () => {
    const org = await buildOrganisation();
    const other = await buildLoginUser(org, "viewer", { name: "Vera Viewer" });
    const { client, app } = await as(org, "admin");
    const vera = new AdminClient(app);
    await vera.login(other.email, other.password);
    expect((await vera.get("/admin")).status).toBe(200);

    const page = `/admin/brugere/${other.user.id}`;
    await client.get(page);
    const missing = await client.post(`${page}/rolle`, { role: "reporter", administration: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Vælg indberetterens forvaltning.");
    expect((await client.post(`${page}/rolle`, { role: "reporter", administration: "KFF" })).status).toBe(
      303,
    );
    await client.get(page);
    expect(client.lastHtml).toContain("Indberetter, KFF");
    const grants = await org.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, other.user.id));
    expect(grants).toMatchObject([{ role: "reporter", administrationId: org.administrationIds.KFF }]);

    expect((await client.post(`${page}/deaktiver`, {})).status).toBe(303);
    // Their session ends at once, and they cannot log in again.
    expect((await vera.get("/admin")).status).toBe(303);
    expect((await vera.login(other.email, other.password)).status).not.toBe(303);
    await client.get(page);
    expect(client.lastHtml).toContain("Aktivér bruger");
    expect((await client.post(`${page}/aktiver`, {})).status).toBe(303);
    expect((await new AdminClient(app).login(other.email, other.password)).status).toBe(303);
    expect(await actionsFor(org, other.user.id)).toEqual(["user.disable", "user.enable", "user.role"]);
  });

  it("an admin cannot disable themselves or change their own role, even by a crafted post", async () => {
    const org = await buildOrganisation();
    const { client, user } = await as(org, "admin");
    const page = `/admin/brugere/${user.id}`;
    await client.get(page);
    expect(client.lastHtml).toContain("Du kan ikke deaktivere dig selv.");
    expect(client.lastHtml).not.toContain(`action="${page}/deaktiver"`);
    const res = await client.post(`${page}/deaktiver`, {});
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Du kan ikke deaktivere dig selv.");
    expect((await client.post(`${page}/rolle`, { role: "viewer", administration: "" })).status).toBe(409);
    const [row] = await org.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.disabled).toBe(false);
    expect((await client.get("/admin/brugere")).status).toBe(200);
  });

  it("a new password is shown once, replaces the old one and ends the user's sessions", async () => {
    const org = await buildOrganisation();
    const other = await buildLoginUser(org, "coordinator");
    const { client, app } = await as(org, "admin");
    const them = new AdminClient(app);
    await them.login(other.email, other.password);
    await client.get(`/admin/brugere/${other.user.id}`);
    const res = await client.post(`/admin/brugere/${other.user.id}/adgangskode`, {});
    expect(res.status).toBe(200);
    const password = passwordIn(await res.text());
    expect(password).toBeTruthy();
    expect((await them.get("/admin")).status).toBe(303);
    expect((await new AdminClient(app).login(other.email, other.password)).status).not.toBe(303);
    expect((await new AdminClient(app).login(other.email, password!)).status).toBe(303);
    expect(await actionsFor(org, other.user.id)).toContain("user.password_reset");
  });
});
