import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import { buildLoginUser, buildOrganisation } from "../../../../test/factories.ts";
import { auditEvents, sessions, users } from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

describe("admin login", () => {
  it("sends an unauthenticated visitor to the login page, and back to where they were going after login", async () => {
    const org = await buildOrganisation();
    const { email, password } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(await buildTestApp(org));
    const first = await client.get("/admin/forslag?slags=goal");
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/admin/login?next=%2Fadmin%2Fforslag%3Fslags%3Dgoal");
    await client.get(first.headers.get("location")!);
    expect(client.lastHtml).toContain("Log ind");
    const res = await client.post("/admin/login", { email, password, next: "/admin/forslag?slags=goal" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/forslag?slags=goal");
    const page = await client.get("/admin");
    expect(page.status).toBe(200);
    expect(client.lastHtml).toContain("Oversigt");
    expect(client.lastHtml).toContain("Koordinator");
  });

  it("sets a signed, HttpOnly, SameSite=Lax session cookie; the database keeps only the token's hash", async () => {
    const org = await buildOrganisation();
    const { email, password, user } = await buildLoginUser(org, "viewer");
    const client = new AdminClient(await buildTestApp(org));
    await client.get("/admin/login");
    const res = await client.post("/admin/login", { email, password });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("pejl_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain http in the test; https sets Secure
    const token = decodeURIComponent(cookie.split(";")[0]!.slice("pejl_session=".length)).split(".")[0]!;
    const rows = await org.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.id).not.toBe(token);
    // A cookie whose signature does not match is ignored.
    const forged = new AdminClient(await buildTestApp(org));
    forged.cookies.set("pejl_session", `${token}.AAAA`);
    expect((await forged.get("/admin")).status).toBe(303);
  });

  it("marks the cookie Secure when the request came over https", async () => {
    const org = await buildOrganisation();
    const { email, password } = await buildLoginUser(org, "viewer");
    const app = await buildTestApp(org);
    const client = new AdminClient(app);
    await client.get("/admin/login");
    const res = await app.request("https://localhost/admin/login", {
      method: "POST",
      body: new URLSearchParams({ email, password, _csrf: client.csrf() }),
      headers: {
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        origin: "https://localhost",
      },
    });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().find((c) => c.startsWith("pejl_session="))).toMatch(/Secure/);
  });

  it("answers a wrong password and an unknown e-mail with the same Danish message, and audits both", async () => {
    const org = await buildOrganisation();
    const { email, user } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(await buildTestApp(org));
    await client.get("/admin/login");
    const wrong = await client.post("/admin/login", { email, password: "forkert-kodeord-1234" });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain("E-mail eller adgangskode er forkert.");
    expect(wrongHtml).toContain('class="alert alert-error"'); // the error summary
    const unknown = await client.post("/admin/login", {
      email: "ingen@example.dk",
      password: "forkert-kodeord-1234",
    });
    expect(await unknown.text()).toContain("E-mail eller adgangskode er forkert.");
    const events = await org.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, org.organisationId));
    const failed = events.filter((e) => e.action === "user.login_failed");
    expect(failed).toHaveLength(2);
    expect(failed.find((e) => e.entityId === user.id)).toBeDefined();
  });

  it("names the empty fields in the error summary", async () => {
    const org = await buildOrganisation();
    const client = new AdminClient(await buildTestApp(org));
    await client.get("/admin/login");
    const res = await client.post("/admin/login", { email: "", password: "" });
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain('href="#email"');
    expect(html).toContain("Skriv din e-mailadresse.");
    expect(html).toContain('href="#password"');
    expect(html).toContain("<title>Fejl: Log ind – Pejl</title>");
  });

  it("refuses a login post without the form's CSRF token or from another site, and logs nobody in", async () => {
    const org = await buildOrganisation();
    const { email, password, user } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(await buildTestApp(org));
    await client.get("/admin/login");
    const csrf = client.csrf();
    expect((await client.post("/admin/login", { email, password }, { csrf: null })).status).toBe(403);
    expect((await client.post("/admin/login", { email, password }, { csrf: "forfalsket" })).status).toBe(403);
    expect(
      (await client.post("/admin/login", { email, password }, { csrf, origin: "https://evil.example" }))
        .status,
    ).toBe(403);
    expect(await org.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it("locks the account after five wrong passwords: even the right one is refused, with an audit event", async () => {
    const org = await buildOrganisation();
    const { email, password, user } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(await buildTestApp(org));
    await client.get("/admin/login");
    for (let i = 0; i < 5; i++)
      await client.post("/admin/login", { email, password: `forkert-${i}-xxxxxxxx` });
    const res = await client.post("/admin/login", { email, password });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain("For mange mislykkede forsøg");
    const [row] = await org.db.select().from(users).where(eq(users.id, user.id));
    expect(Date.parse(row!.lockedUntil!)).toBeGreaterThan(Date.now());
    const locks = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(locks.map((e) => e.action)).toContain("user.lock");
  });

  it("rotates the session at login and deletes it at logout (the old cookie is then worthless)", async () => {
    const org = await buildOrganisation();
    const { email, password, user } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(await buildTestApp(org));
    await client.login(email, password);
    const firstCookie = client.cookies.get("pejl_session")!;
    await client.login(email, password);
    const secondCookie = client.cookies.get("pejl_session")!;
    expect(secondCookie).not.toBe(firstCookie);
    expect(await org.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);

    await client.get("/admin");
    const out = await client.post("/admin/log-ud", {});
    expect(out.status).toBe(303);
    expect(await org.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const replay = new AdminClient(await buildTestApp(org));
    replay.cookies.set("pejl_session", secondCookie);
    expect((await replay.get("/admin")).status).toBe(303);
  });

  it("refuses a logout post without the session's CSRF token", async () => {
    const org = await buildOrganisation();
    const { email, password, user } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(await buildTestApp(org));
    await client.login(email, password);
    await client.get("/admin");
    expect((await client.post("/admin/log-ud", {}, { csrf: "x" })).status).toBe(403);
    expect(await org.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it("ends a session idle for more than 30 minutes", async () => {
    const org = await buildOrganisation();
    const { email, password, user } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(await buildTestApp(org));
    await client.login(email, password);
    expect((await client.get("/admin")).status).toBe(200);
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await org.db.update(sessions).set({ lastSeenAt: longAgo }).where(eq(sessions.userId, user.id));
    expect((await client.get("/admin")).status).toBe(303);
    expect(await org.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });
});
