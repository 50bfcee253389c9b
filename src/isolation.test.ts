// Two municipalities on one server, driven over HTTP: each is served under its
// own prefix (/k/<slug>/) or host name, every link stays inside it, and nothing
// of one (its policies, initiatives, users, rounds, ids) appears in the other's
// portal, search, API, open data, reports, admin or audit log. Runs on PGlite
// and on PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { type CrawledPage, crawl } from "../test/crawl.ts";
import { testDatabase } from "../test/db.ts";
import {
  buildTwoOrganisations,
  type SeededOrganisation,
  SHARED_POLICY_SLUG,
} from "../test/twoOrganisations.ts";
import { buildApp } from "./app.ts";
import { createLogger } from "./logger.ts";
import { AdminClient } from "./web/admin/testkit.ts";

type App = ReturnType<typeof buildApp>;

let app: App;
let a: SeededOrganisation;
let b: SeededOrganisation;

beforeAll(async () => {
  [a, b] = await buildTwoOrganisations();
  app = buildApp({
    database: await testDatabase(),
    logger: createLogger("silent"),
    hosts: new Map([["kommune-a.example", a.slug]]),
  });
});

const base = (o: SeededOrganisation) => `/k/${o.slug}`;
const get = async (path: string, init?: RequestInit) => app.request(path, init);

/** Nothing that identifies `other` appears in `text`. */
function expectNothingOf(other: SeededOrganisation, text: string, where: string) {
  for (const trace of [
    other.marker,
    other.ids.policy,
    other.ids.initiative,
    other.ids.indicator,
    other.ids.round,
  ])
    expect(text.includes(trace), `${where} shows ${trace} of the other organisation`).toBe(false);
}

function checkPages(pages: CrawledPage[], own: SeededOrganisation, other: SeededOrganisation) {
  for (const page of pages) {
    expect(page.status, page.path).toBe(200);
    expectNothingOf(other, page.text, page.path);
    for (const link of page.links)
      expect(link.startsWith(`${base(own)}/`), `${page.path} links to ${link}`).toBe(true);
  }
}

describe("two organisations on one server", () => {
  it("each portal keeps every link, form and asset under its prefix, and no page shows the other's", async () => {
    for (const [own, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const pages = await crawl((path) => get(path), `${base(own)}/`, { within: `${base(own)}/` });
      expect(pages.length).toBeGreaterThan(20);
      checkPages(pages, own, other);
      const texts = pages.map((p) => p.text).join("\n");
      expect(texts).toContain(own.marker);
      expect(pages.some((p) => p.path.startsWith(`${base(own)}/assets/`))).toBe(true);
    }
  });

  it("the same policy slug opens each organisation's own policy", async () => {
    const pageA = await (await get(`${base(a)}/politikker/${SHARED_POLICY_SLUG}`)).text();
    const pageB = await (await get(`${base(b)}/politikker/${SHARED_POLICY_SLUG}`)).text();
    expect(pageA).toContain(a.marker);
    expect(pageB).toContain(b.marker);
    expect((await get(`${base(a)}/initiativer/${b.ids.initiative}`)).status).toBe(404);
    expect((await get(`${base(a)}/indikatorer/${b.ids.indicator}`)).status).toBe(404);
  });

  it("search finds the organisation's own data and never the other's", async () => {
    const own = await (await get(`${base(a)}/soeg?q=${a.marker}`)).text();
    expect(own).toContain(`${base(a)}/politikker/${SHARED_POLICY_SLUG}`);
    const others = await (await get(`${base(a)}/soeg?q=${b.marker}`)).text();
    expectNothingOf(b, others.replaceAll(b.marker, ""), "search");
    expect(others).not.toContain(`${base(a)}/politikker/${SHARED_POLICY_SLUG}`);
    const common = await (await get(`${base(a)}/soeg?q=sprogcaf%C3%A9`)).text();
    expect(common).toContain(a.ids.initiative);
    expectNothingOf(b, common, "search");
  });

  it("the API, its OpenAPI document and the open data answer for the organisation of the path", async () => {
    const doc = (await (await get(`${base(a)}/api/openapi.json`)).json()) as {
      servers: { url: string }[];
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.servers[0]!.url).toBe(`${base(a)}/api`);
    const lists = Object.keys(doc.paths).filter((p) => !p.includes("{") && "get" in doc.paths[p]!);
    expect(lists.length).toBeGreaterThan(5);
    for (const path of lists.filter((p) => p !== "/v1/candidates")) {
      const res = await get(`${base(a)}/api${path}?limit=200`);
      expect(res.status, path).toBe(200);
      expectNothingOf(b, await res.text(), path);
    }
    const initiatives = await (await get(`${base(a)}/api/v1/initiatives?limit=200`)).text();
    expect(initiatives).toContain(a.ids.initiative);
    expect((await get(`${base(a)}/api/v1/initiatives/${b.ids.initiative}`)).status).toBe(404);
    expect((await get(`${base(b)}/api/v1/initiatives/${b.ids.initiative}`)).status).toBe(200);

    const data = await crawl((path) => get(path), `${base(a)}/data`, { within: `${base(a)}/data/` });
    expect(data.map((p) => p.path)).toContain(`${base(a)}/data/pejl-datapakke.zip`);
    checkPages(data, a, b);
    expect(data.find((p) => p.path.endsWith("/initiatives.csv"))!.text).toContain(a.ids.initiative);
  });

  it("the admin, its reports and its audit log show only the organisation's own", async () => {
    for (const [own, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const client = new AdminClient(app);
      const login = await client.login(own.admin.email, own.admin.password, base(own));
      expect(login.headers.get("location")).toBe(`${base(own)}/admin`);
      const pages = await crawl((path) => client.get(path), `${base(own)}/admin`, {
        within: `${base(own)}/admin`,
        // The fixture's hearing attachment has no stored file (a 404 in any installation).
        skip: (path) => path.endsWith("/bilag"),
        max: 250,
      });
      checkPages(pages, own, other);
      const visited = pages.map((p) => p.path);
      expect(visited).toContain(`${base(own)}/admin/runder/${own.ids.round}/rapport.html`);
      expect(visited.some((p) => p.startsWith(`${base(own)}/admin/log`))).toBe(true);
      const log = await (await client.get(`${base(own)}/admin/log`)).text();
      expect(log).toContain(`Kollega ${own.marker}`);
      for (const path of [
        `/admin/runder/${other.ids.round}`,
        `/admin/runder/${other.ids.round}/rapport.html`,
        `/admin/register/initiativer/${other.ids.initiative}`,
      ])
        expect((await client.get(`${base(own)}${path}`)).status, path).toBe(404);
    }
  });

  it("a session or an API token of one organisation is worthless in the other's admin and API", async () => {
    const client = new AdminClient(app);
    await client.login(a.admin.email, a.admin.password, base(a));
    expect((await client.get(`${base(a)}/admin`)).status).toBe(200);
    const elsewhere = await client.get(`${base(b)}/admin`);
    expect(elsewhere.status).toBe(303);
    expect(elsewhere.headers.get("location")).toBe(`${base(b)}/admin/login?next=%2Fadmin`);
    // The cookie is scoped to the organisation's prefix, so a browser does not even send it there.
    expect([...client.cookies.keys()]).toContain("pejl_session");

    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    expect((await get(`${base(a)}/api/v1/candidates`, bearer(a.apiToken))).status).toBe(200);
    expect((await get(`${base(b)}/api/v1/candidates`, bearer(a.apiToken))).status).toBe(401);
  });

  it("sets the session cookie's path to the organisation's prefix", async () => {
    const client = new AdminClient(app);
    await client.get(`${base(a)}/admin/login`);
    const res = await client.post(`${base(a)}/admin/login`, {
      email: a.admin.email,
      password: a.admin.password,
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("pejl_session="))!;
    expect(cookie).toMatch(new RegExp(`Path=${base(a)}/(;|$)`));
  });

  it("a host name of its own serves an organisation at the root, with unprefixed links", async () => {
    const home = await get("http://kommune-a.example/");
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('href="/politikker"');
    const policy = await (await get(`http://kommune-a.example/politikker/${SHARED_POLICY_SLUG}`)).text();
    expect(policy).toContain(a.marker);
    expectNothingOf(b, policy, "host");
    // The prefix still names any organisation.
    expect(
      await (await get(`http://kommune-a.example${base(b)}/politikker/${SHARED_POLICY_SLUG}`)).text(),
    ).toContain(b.marker);
  });

  it("answers an unknown organisation with a 404, and / with the list of municipalities", async () => {
    expect((await get("/k/findes-ikke/")).status).toBe(404);
    expect((await get("/k/findes-ikke/api/v1/policies")).status).toBe(404);
    const list = await (await get("/")).text();
    expect(list).toContain(`href="${base(a)}/"`);
    // Each municipality with its own counts (the registry's two policies and the shared-slug one).
    expect(list).toMatch(new RegExp(`${base(a)}/">[^<]+</a></th><td class="numeric">3</td>`));
    expect(list).toContain(`href="${base(b)}/"`);
    expect((await get("/politikker")).status).toBe(404);
  });
});
