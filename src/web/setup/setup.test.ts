// The first set-up in the browser, over HTTP on a new, empty database: the form
// is the first page, asks for the set-up code unless the request comes from the
// server itself, keeps what was typed when something is wrong (writing nothing),
// and once the municipality exists it is gone and the first administrator logs in.
import { serve } from "@hono/node-server";
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFreshDatabase } from "../../../test/db.ts";
import { buildApp } from "../../app.ts";
import { administrations, committees, organisations } from "../../db/schema.ts";
import { createLogger } from "../../logger.ts";
import { AdminClient } from "../admin/testkit.ts";

const CODE = "K7QM-RT3X-WPLA-9ZEH";
let fresh: Awaited<ReturnType<typeof openFreshDatabase>>;
let app: ReturnType<typeof buildApp>;

beforeAll(async () => {
  fresh = await openFreshDatabase();
  app = buildApp({ database: fresh.database, logger: createLogger("silent"), setupCode: CODE });
}, 120_000);

afterAll(async () => {
  await fresh?.close();
});

const organisationCount = async () => (await fresh.db.select({ n: count() }).from(organisations))[0]!.n;

const vesteraa = {
  name: "Vesterå Kommune",
  slug: "",
  "forvaltning-antal": "3",
  "forvaltning-0-kode": "BSF",
  "forvaltning-0-navn": "Børne- og Skoleforvaltningen",
  "forvaltning-1-kode": "",
  "forvaltning-1-navn": "",
  "forvaltning-2-kode": "",
  "forvaltning-2-navn": "",
  "forvaltning-csv": "kode;navn\nSSF;Social- og Sundhedsforvaltningen",
  "udvalg-antal": "1",
  "udvalg-0-kode": "SSU",
  "udvalg-0-navn": "Social- og Sundhedsudvalget",
  "udvalg-csv": "",
  "admin-name": "Vera Vester",
  "admin-email": "vera@vesteraa.dk",
  "admin-password": "en lang og god adgangskode",
};

describe("set-up in the browser", () => {
  it("leads from / to the form, which from another machine asks for the set-up code", async () => {
    const home = await app.request("/");
    expect(home.status).toBe(303);
    expect(home.headers.get("location")).toBe("/opsaetning");
    const client = new AdminClient(app);
    const form = await client.get("/opsaetning");
    expect(form.status).toBe(200);
    expect(client.lastHtml).toContain("Sæt Pejl op til din kommune");
    expect(client.lastHtml).toContain('name="setup-code"');

    const without = await client.post("/opsaetning", { ...vesteraa }, { multipart: true });
    expect(without.status).toBe(403);
    expect(client.lastHtml).toContain("Skriv opsætningskoden fra serverens log.");
    const wrong = await client.post(
      "/opsaetning",
      { ...vesteraa, "setup-code": "AAAA-BBBB-CCCC-DDDD" },
      { multipart: true },
    );
    expect(wrong.status).toBe(403);
    expect(client.lastHtml).toContain("Opsætningskoden er forkert.");
    // What was typed stays, the password does not.
    expect(client.lastHtml).toContain('value="Vesterå Kommune"');
    expect(client.lastHtml).not.toContain("en lang og god adgangskode");

    const forged = await client.post(
      "/opsaetning",
      { ...vesteraa, "setup-code": CODE },
      { multipart: true, csrf: "x" },
    );
    expect(forged.status).toBe(403);
    await client.get("/opsaetning");
    const foreign = await client.post(
      "/opsaetning",
      { ...vesteraa, "setup-code": CODE },
      { multipart: true, origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
    expect(await organisationCount()).toBe(0);
  });

  it("adds a row without JavaScript, and names each problem in Danish, creating nothing", async () => {
    const client = new AdminClient(app);
    await client.get("/opsaetning");
    const grown = await client.post(
      "/opsaetning",
      { ...vesteraa, "setup-code": CODE.toLowerCase(), tilfoej: "administrations" },
      { multipart: true },
    );
    expect(grown.status).toBe(200);
    expect(client.lastHtml).toContain('id="forvaltning-3-kode"');
    expect(client.lastHtml).toContain('value="Børne- og Skoleforvaltningen"');

    const twice = await client.post(
      "/opsaetning",
      {
        ...vesteraa,
        "setup-code": CODE,
        "forvaltning-csv": "BSF;Børneforvaltningen\nX;For kort kode",
        "admin-password": "kort",
      },
      { multipart: true },
    );
    expect(twice.status).toBe(400);
    expect(client.lastHtml).toContain("Der er problemer");
    expect(client.lastHtml).toContain("Adgangskoden skal være på mindst 12 tegn.");
    // The administrator is checked first; with a good password the unit problems show.
    await client.post(
      "/opsaetning",
      { ...vesteraa, "setup-code": CODE, "forvaltning-csv": "BSF;Børneforvaltningen\nX;For kort kode" },
      { multipart: true },
    );
    expect(client.lastHtml).toContain("Forvaltningskoden BSF står mere end én gang.");
    expect(client.lastHtml).toContain('href="#forvaltning-csv"');

    const badCsv = await client.post(
      "/opsaetning",
      { ...vesteraa, "setup-code": CODE, "udvalg-csv": "Socialudvalget" },
      { multipart: true },
    );
    expect(badCsv.status).toBe(400);
    expect(client.lastHtml).toContain("Linje 1 har ikke formen");
    expect(await organisationCount()).toBe(0);
  });

  it("creates the municipality from rows, pasted and uploaded CSV; then the form is gone and the admin logs in", async () => {
    const client = new AdminClient(app);
    await client.get("/opsaetning");
    const file = new File(["kode;navn\nØKU;Økonomiudvalget\n"], "udvalg.csv", { type: "text/csv" });
    const done = await client.post(
      "/opsaetning",
      { ...vesteraa, "setup-code": CODE, "udvalg-fil": file },
      { multipart: true },
    );
    expect(done.status).toBe(200);
    expect(client.lastHtml).toContain("Vesterå Kommune er oprettet");

    const [org] = await fresh.db.select().from(organisations);
    expect(org).toMatchObject({ name: "Vesterå Kommune", slug: "vesteraa-kommune" });
    const codes = async (table: typeof administrations | typeof committees) =>
      (
        await fresh.db
          .select({ code: table.code })
          .from(table)
          .where(eq(table.organisationId, org!.id))
          .orderBy(asc(table.code))
      ).map((r) => r.code);
    expect(await codes(administrations)).toEqual(["BSF", "SSF"]);
    expect(await codes(committees)).toEqual(["SSU", "ØKU"]);

    expect((await app.request("/opsaetning")).status).toBe(404);
    const again = await client.post(
      "/opsaetning",
      { ...vesteraa, "setup-code": CODE },
      { multipart: true, csrf: "from-an-old-page" },
    );
    expect(again.status).toBe(404);
    expect(await organisationCount()).toBe(1);

    const home = await app.request("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Ligestilling og inklusion i Vesterå Kommune");
    const login = await client.login("vera@vesteraa.dk", vesteraa["admin-password"]);
    expect(login.status).toBe(303);
    expect(login.headers.get("location")).toBe("/admin");
  });
});

describe("set-up from the server's own machine", () => {
  it("needs no code from a loopback address, but does when a proxy forwarded the request", async () => {
    const other = await openFreshDatabase();
    const local = buildApp({ database: other.database, logger: createLogger("silent"), setupCode: CODE });
    const server = serve({ fetch: local.fetch, port: 0, hostname: "127.0.0.1" });
    try {
      await new Promise((resolve) => server.once("listening", resolve));
      const address = server.address();
      const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      const proxied = await fetch(`${base}/opsaetning`, { headers: { "x-forwarded-for": "203.0.113.7" } });
      expect(await proxied.text()).toContain('name="setup-code"');

      const page = await fetch(`${base}/opsaetning`);
      const html = await page.text();
      expect(html).not.toContain('name="setup-code"');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
      const cookie = page.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const body = new FormData();
      for (const [k, v] of Object.entries({
        ...vesteraa,
        name: "Østerå Kommune",
        slug: "oesteraa",
        _csrf: csrf,
      }))
        body.append(k, v);
      const done = await fetch(`${base}/opsaetning`, {
        method: "POST",
        body,
        headers: { cookie, origin: base },
      });
      expect(done.status).toBe(200);
      expect(await done.text()).toContain("Østerå Kommune er oprettet");
      const [org] = await other.db.select().from(organisations);
      expect(org?.slug).toBe("oesteraa");
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await other.close();
    }
  }, 120_000);
});
