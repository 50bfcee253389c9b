import { describe, expect, it } from "vitest";
import { buildTestApp } from "../test/app.ts";
import { buildGoal, buildInitiative, buildOrganisation, buildPolicy } from "../test/factories.ts";
import { initiativeUpdater } from "./commands/initiativeUpdater.ts";

describe("the server", () => {
  it("answers /healthz after checking the database", async () => {
    const app = await buildTestApp(await buildOrganisation());
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("shows a policy with its goals and initiatives, escaped, with security headers", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Politik for lige muligheder" });
    await buildGoal(org, policy.id, { text: "Flere unge i uddannelse" });
    await buildInitiative(org, policy.id, { title: "<script>alert(1)</script>Mentorordning" });
    const app = await buildTestApp(org);
    expect(await (await app.request("/")).text()).toContain("Politik for lige muligheder");
    const res = await app.request(`/politikker/${policy.slug}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('lang="da"');
    expect(html).toContain("Politik for lige muligheder");
    expect(html).toContain("Flere unge i uddannelse");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;Mentorordning");
    expect(html).not.toContain("<script>alert(1)");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("shows a change made by a command at once, even where the page was cached", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const initiative = await buildInitiative(org, policy.id, { title: "Gammel titel" });
    const app = await buildTestApp(org);
    for (let i = 0; i < 2; i++)
      expect(await (await app.request(`/initiativer/${initiative.id}`)).text()).toContain("Gammel titel");
    // The list keeps the organisation's rows for every filter: a filter not asked before
    // reads them from that store, not from the database.
    expect(await (await app.request("/initiativer?sortering=title")).text()).toContain("Gammel titel");
    await initiativeUpdater(org.ctx(), { id: initiative.id, version: 1, title: "Ny titel" });
    for (const page of [
      `/initiativer/${initiative.id}`,
      "/initiativer?sortering=status",
      "/initiativer?format=csv",
    ]) {
      const html = await (await app.request(page)).text();
      expect(html, page).toContain("Ny titel");
      expect(html, page).not.toContain("Gammel titel");
    }
  });

  it("shows another organisation's policies to nobody", async () => {
    const org = await buildOrganisation();
    const other = await buildOrganisation();
    await buildPolicy(other, { title: "Hemmelig anden kommune" });
    const html = await (await (await buildTestApp(org)).request("/")).text();
    expect(html).not.toContain("Hemmelig anden kommune");
  });

  it("answers an unknown page with a Danish 404 page and an unknown API path with JSON", async () => {
    const app = await buildTestApp(await buildOrganisation());
    const page = await app.request("/findes-ikke");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Siden findes ikke");
    const api = await app.request("/api/v1/findes-ikke");
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { id: "not_found" } });
  });
});
