import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/app.ts";
import { buildLoginUser, buildOrganisation, type TestOrganisation } from "../../../../test/factories.ts";
import { candidates, policies } from "../../../db/schema.ts";
import { AdminClient } from "../testkit.ts";

const POLICY = "Politik for ligestilling 2024-2027\n\nMål\n1. Flere borgere skal i job.\n";

async function loggedIn(org: TestOrganisation, role: "coordinator" | "admin" = "coordinator") {
  const { email, password } = await buildLoginUser(org, role);
  const client = new AdminClient(await buildTestApp(org));
  await client.login(email, password);
  return client;
}

async function upload(client: AdminClient, text = POLICY, name = "politik.txt") {
  await client.get("/admin/import");
  return client.post(
    "/admin/import",
    { file: new File([text], name, { type: "text/plain" }) },
    { multipart: true },
  );
}

async function pendingOf(org: TestOrganisation, entity: string) {
  return org.db
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.organisationId, org.organisationId),
        eq(candidates.entity, entity),
        eq(candidates.state, "pending"),
      ),
    );
}

describe("import and review in the admin", () => {
  it("imports an uploaded document and shows the summary with counts; the same file again changes nothing", async () => {
    const org = await buildOrganisation();
    const client = await loggedIn(org);
    const res = await upload(client);
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(html).toContain("Dokumentet er importeret");
    expect(html).toMatch(/<th scope="row">Politikker<\/th>\s*<td class="numeric">1<\/td>/);
    await client.get("/admin");
    // The policy, its numbered goal under "Mål" and the document's own metadata wait
    // for review; one document is imported.
    expect(client.lastHtml).toMatch(/data-testid="queue-size">3</);
    expect(client.lastHtml).toContain("3 forslag fra importerede dokumenter venter på gennemgang");
    expect(client.lastHtml).toContain('<th scope="row">politik.txt</th>');
    const again = await upload(client);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("Dokumentet er allerede importeret");
  });

  it("refuses an empty upload and a document where nothing is recognized, in Danish, importing nothing", async () => {
    const org = await buildOrganisation();
    const client = await loggedIn(org);
    const empty = await upload(client, "", "tom.txt");
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Filen er tom.");
    const nothing = await upload(client, "Kære Jens, tak for sidst. Hilsen Mette.", "brev.txt");
    expect(nothing.status).toBe(422);
    expect(await nothing.text()).toContain("Der blev ikke genkendt noget i dokumentet");
    expect(await pendingOf(org, "policy")).toHaveLength(0);
  });

  it("refuses an upload over the configured limit with 413 before importing", async () => {
    const org = await buildOrganisation();
    const { buildApp } = await import("../../../app.ts");
    const { testDatabase } = await import("../../../../test/db.ts");
    const { createLogger } = await import("../../../logger.ts");
    const app = buildApp({
      database: await testDatabase(),
      organisation: { id: org.organisationId, name: "Testkommune" },
      logger: createLogger("silent"),
      uploadLimitMb: 0.001,
    });
    const { email, password } = await buildLoginUser(org, "coordinator");
    const client = new AdminClient(app);
    await client.login(email, password);
    await client.get("/admin/import");
    const big = `Politik for ligestilling 2024-2027\n${"x".repeat(200_000)}`;
    const res = await client.post(
      "/admin/import",
      { file: new File([big], "stor.txt") },
      { multipart: true },
    );
    expect(res.status).toBe(413);
    expect(await pendingOf(org, "policy")).toHaveLength(0);
  });

  it("lists candidates with their quote, accepts one, and the accepted policy appears on the public page", async () => {
    const org = await buildOrganisation();
    const client = await loggedIn(org);
    await upload(client);
    const queue = await client.get("/admin/forslag");
    expect(queue.status).toBe(200);
    const html = client.lastHtml;
    expect(html).toContain("Politik: Politik for ligestilling");
    expect(html).toContain("<blockquote>");
    const [policy] = await pendingOf(org, "policy");
    const res = await client.post(`/admin/forslag/${policy!.id}`, {
      handling: "accept",
      version: String(policy!.version),
      tilbage: "/admin/forslag",
    });
    expect(res.status).toBe(303);
    await client.get(res.headers.get("location")!);
    expect(client.lastHtml).toContain("Forslag: 1 godkendt.");
    const portal = await client.get("/");
    expect(await portal.text()).toContain("Politik for ligestilling");
  });

  it("edit-then-accept stores the corrected field; a stale version gets a clear Danish message and changes nothing", async () => {
    const org = await buildOrganisation();
    const client = await loggedIn(org);
    await upload(client);
    const [policy] = await pendingOf(org, "policy");
    await client.get(`/admin/forslag/${policy!.id}`);
    expect(client.lastHtml).toContain('name="f.title"');

    // Someone else edits the candidate meanwhile.
    await org.db
      .update(candidates)
      .set({ version: policy!.version + 1 })
      .where(eq(candidates.id, policy!.id));
    const stale = await client.post(`/admin/forslag/${policy!.id}`, {
      handling: "accept",
      ret: "1",
      version: String(policy!.version),
      "f.title": "Rettet titel",
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("En anden har gennemgået eller rettet forslaget");
    expect(
      await org.db.select().from(policies).where(eq(policies.organisationId, org.organisationId)),
    ).toHaveLength(0);

    await client.get(`/admin/forslag/${policy!.id}`);
    const ok = await client.post(`/admin/forslag/${policy!.id}`, {
      handling: "accept",
      ret: "1",
      version: String(policy!.version + 1),
      "f.title": "Rettet titel",
      "f.period_start": "2025",
    });
    expect(ok.status).toBe(303);
    const [row] = await org.db.select().from(policies).where(eq(policies.organisationId, org.organisationId));
    expect(row!.title).toBe("Rettet titel");
    expect(row!.periodStart).toBe(2025);
  });

  it("says which field is wrong when an edited number is not a number", async () => {
    const org = await buildOrganisation();
    const client = await loggedIn(org);
    await upload(client);
    const [policy] = await pendingOf(org, "policy");
    await client.get(`/admin/forslag/${policy!.id}`);
    const res = await client.post(`/admin/forslag/${policy!.id}`, {
      handling: "accept",
      ret: "1",
      version: String(policy!.version),
      "f.period_start": "tyve",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#f-period_start"');
    expect(html).toContain("Periodens start skal være et tal");
  });

  it("bulk-rejects everything the filter shows, but not when the queue changed since the page was shown", async () => {
    const org = await buildOrganisation();
    const client = await loggedIn(org);
    await upload(client);
    const pending = await org.db
      .select()
      .from(candidates)
      .where(eq(candidates.organisationId, org.organisationId));
    await client.get("/admin/forslag");
    const changed = await client.post("/admin/forslag/alle", {
      handling: "reject",
      antal: String(pending.length + 1),
    });
    expect(changed.status).toBe(409);
    expect(await changed.text()).toContain("Køen har ændret sig");
    const res = await client.post("/admin/forslag/alle", {
      handling: "reject",
      antal: String(pending.length),
    });
    expect(res.status).toBe(303);
    const left = await org.db
      .select()
      .from(candidates)
      .where(and(eq(candidates.organisationId, org.organisationId), eq(candidates.state, "pending")));
    expect(left).toHaveLength(0);
  });

  it("filters the queue by kind", async () => {
    const org = await buildOrganisation();
    const client = await loggedIn(org);
    await upload(client);
    await client.get("/admin/forslag?slags=document");
    expect(client.lastHtml).toContain("Dokument: Politik for ligestilling");
    expect(client.lastHtml).not.toContain("Politik: Politik for ligestilling");
  });

  it("refuses a review post without the session's CSRF token or from another origin", async () => {
    const org = await buildOrganisation();
    const client = await loggedIn(org);
    await upload(client);
    const [policy] = await pendingOf(org, "policy");
    await client.get("/admin/forslag");
    const csrf = client.csrf();
    const fields = { handling: "accept", version: String(policy!.version) };
    expect((await client.post(`/admin/forslag/${policy!.id}`, fields, { csrf: null })).status).toBe(403);
    expect(
      (await client.post(`/admin/forslag/${policy!.id}`, fields, { csrf, origin: "https://evil.example" }))
        .status,
    ).toBe(403);
    expect(await pendingOf(org, "policy")).toHaveLength(1);
  });
});
