// What the public can reach holds nothing that is not published: every page of
// the portal and every download it links (the open-data package and its CSVs,
// unpacked from the zip too), every list of the JSON API and its OpenAPI
// document are searched for a draft hearing, a draft inquiry answer, an
// unpublished hearing response, a citizen's name given without consent, a
// pending (unaccepted) candidate, and any user's e-mail, password hash or
// session token.
import { describe, expect, it } from "vitest";
import { apiResources } from "../../src/api/resources/index.ts";
import { hearings, sessions, users } from "../../src/db/schema.ts";
import { crawl } from "../crawl.ts";
import { buildWorld } from "./world.ts";

describe("public data", () => {
  it("the portal, the open-data package and the API show nothing unpublished or personal", async () => {
    const world = await buildWorld();
    const { org } = world;
    await world.login("coordinator"); // a live session, whose hash and CSRF token must not leak
    await org.db.insert(hearings).values({
      organisationId: org.organisationId,
      title: "Kladdehøring om ældrepolitikken",
      state: "draft",
      invited: ["Det Hemmelige Råd"],
    });
    const secrets = [
      "Kladdehøring om ældrepolitikken",
      "Det Hemmelige Råd",
      "Udkast til svar", // the draft inquiry's answer
      "Ikke offentliggjort endnu.", // the unpublished response
      "Anna Borger", // a citizen who did not consent to her name being shown
      "Politik for lighed", // the pending candidate
      "$argon2",
    ];
    for (const u of await org.db.select({ email: users.email }).from(users)) secrets.push(u.email);
    for (const s of await org.db.select({ id: sessions.id, csrf: sessions.csrfToken }).from(sessions))
      secrets.push(s.id, s.csrf);

    const request = async (path: string) => world.app.request(path);
    const pages = await crawl(request, "/", {
      within: "/",
      max: 600,
      parallel: 8,
      skip: (p) => p.startsWith("/admin") || p.startsWith("/assets") || p.startsWith("/static"),
    });
    const texts = pages.map((p) => [p.path, p.text] as const);
    for (const resource of apiResources) {
      const res = await world.app.request(`/api/v1/${resource.name}?limit=500`);
      expect(res.status, resource.name).toBe(200);
      texts.push([`/api/v1/${resource.name}`, await res.text()]);
    }
    texts.push(["/api/openapi.json", await (await world.app.request("/api/openapi.json")).text()]);
    for (const path of ["/data/datapackage.json", "/data/pejl-datapakke.zip"])
      expect(
        pages.some((p) => p.path === path && p.status === 200),
        `${path} is linked and served`,
      ).toBe(true);

    const leaks = texts.flatMap(([path, text]) =>
      secrets.filter((s) => text.includes(s)).map((s) => `${path}: ${s}`),
    );
    expect(leaks).toEqual([]);
    // The published ones are there, so the search above looked at real content.
    const all = texts.map(([, text]) => text).join("\n");
    expect(all).toContain("Udvalget støtter politikken.");
    console.log(
      `public data: ${texts.length} public pages, files and API lists searched for ${secrets.length} secrets`,
    );
  }, 300_000);
});
