import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { buildLoginUser, buildOrganisation, type TestOrganisation } from "../../test/factories.ts";
import { apiTokenCreator } from "../commands/apiTokenCreator.ts";
import { candidates, documents } from "../db/schema.ts";
import { AdminClient, ORIGIN } from "../web/admin/testkit.ts";

const POLICY = "Politik for ligestilling 2024-2027\n\nMål\n1. Flere borgere skal i job.\n";

async function tokenFor(org: TestOrganisation, role: "coordinator" | "reporter" | "viewer" | "admin") {
  const { email } = await buildLoginUser(org, role, {
    administrationCode: role === "reporter" ? "BIF" : undefined,
  });
  const { token } = await apiTokenCreator(org.ctx(), { email, name: "test" });
  return { authorization: `Bearer ${token}` };
}

describe("the authenticated API", () => {
  it("uploads a document (multipart and raw body) and answers with the import summary", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const auth = await tokenFor(org, "coordinator");
    const form = new FormData();
    form.append("file", new File([POLICY], "politik.txt"));
    const res = await app.request("/api/v1/documents", { method: "POST", body: form, headers: auth });
    expect(res.status).toBe(201);
    const summary = await res.json();
    expect(summary).toMatchObject({
      status: "imported",
      filename: "politik.txt",
      kind: "policy",
      counts: { policy: 1 },
    });
    const again = await app.request("/api/v1/documents?filename=politik.txt", {
      method: "POST",
      body: POLICY,
      headers: { ...auth, "content-type": "application/octet-stream" },
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: "unchanged", documentId: summary.documentId });
  });

  it("lists the review queue and accepts by id; a stale version is a 409", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const auth = await tokenFor(org, "coordinator");
    await app.request("/api/v1/documents?filename=p.txt", { method: "POST", body: POLICY, headers: auth });
    const list = await app.request("/api/v1/candidates?entity=policy", { headers: auth });
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body.total).toBe(1);
    const c = body.candidates[0];
    expect(c.fields.title).toBe("Politik for ligestilling");
    expect(c.evidence.length).toBeGreaterThan(0);
    const post = (payload: unknown) =>
      app.request("/api/v1/candidates/review", {
        method: "POST",
        body: JSON.stringify(payload),
        headers: { ...auth, "content-type": "application/json" },
      });
    expect((await post({ action: "accept", ids: [c.id], version: c.version + 1 })).status).toBe(409);
    const ok = await post({ action: "accept", ids: [c.id], version: c.version });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ accepted: 1, rejected: 0, skipped: [] });
  });

  it("rejects in bulk by document", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const auth = await tokenFor(org, "admin");
    const up = await app.request("/api/v1/documents?filename=p.txt", {
      method: "POST",
      body: POLICY,
      headers: auth,
    });
    const { documentId } = await up.json();
    const res = await app.request("/api/v1/candidates/review", {
      method: "POST",
      body: JSON.stringify({ action: "reject", documentId }),
      headers: { ...auth, "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    const left = await org.db
      .select()
      .from(candidates)
      .where(and(eq(candidates.documentId, documentId), eq(candidates.state, "pending")));
    expect(left).toHaveLength(0);
  });

  it("answers 401 JSON without a token or with a wrong one, 404/403 for roles that may not review or import", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const none = await app.request("/api/v1/candidates");
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { id: "unauthenticated" } });
    const wrong = await app.request("/api/v1/candidates", { headers: { authorization: "Bearer pejl_nope" } });
    expect(wrong.status).toBe(401);
    const reporter = await tokenFor(org, "reporter");
    expect((await app.request("/api/v1/candidates", { headers: reporter })).status).toBe(404);
    const review = await app.request("/api/v1/candidates/review", {
      method: "POST",
      body: JSON.stringify({ action: "accept", documentId: crypto.randomUUID() }),
      headers: { ...reporter, "content-type": "application/json" },
    });
    expect(review.status).toBe(404);
    const upload = await app.request("/api/v1/documents?filename=p.txt", {
      method: "POST",
      body: POLICY,
      headers: reporter,
    });
    expect(upload.status).toBe(403);
    const viewer = await tokenFor(org, "viewer");
    expect((await app.request("/api/v1/candidates", { headers: viewer })).status).toBe(404);
  });

  it("a token works without CSRF token or Origin (it is not a cookie), and a revoked one stops working", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const auth = await tokenFor(org, "coordinator");
    const res = await app.request("/api/v1/documents?filename=p.txt", {
      method: "POST",
      body: POLICY,
      headers: { ...auth, origin: "https://elsewhere.example" },
    });
    expect(res.status).toBe(201);
    const { apiTokens } = await import("../db/schema.ts");
    await org.db
      .update(apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(eq(apiTokens.organisationId, org.organisationId));
    expect((await app.request("/api/v1/candidates", { headers: auth })).status).toBe(401);
  });

  it("refuses a body with no document, and bad review input, with 400 naming the problem", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const auth = await tokenFor(org, "coordinator");
    const none = await app.request("/api/v1/documents", { method: "POST", body: "x", headers: auth });
    expect(none.status).toBe(400);
    expect((await none.json()).error.message).toContain("multipart field named file");
    const bad = await app.request("/api/v1/candidates/review", {
      method: "POST",
      body: JSON.stringify({ action: "approve" }),
      headers: { ...auth, "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("action");
  });

  it("a session cookie does not write without the CSRF token and this site's Origin", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const { email, password } = await buildLoginUser(org, "admin");
    const browser = new AdminClient(app);
    expect((await browser.login(email, password)).status).toBe(303);
    await browser.get("/admin");
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const upload = (headers: Record<string, string>) =>
      app.request("/api/v1/documents?filename=x.txt", {
        method: "POST",
        body: POLICY,
        headers: { cookie, "content-type": "text/plain", ...headers },
      });
    // The review's reproduction: a cross-site text/plain POST with the admin's cookie.
    const forged = await upload({ origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect((await upload({})).status).toBe(403);
    expect((await upload({ origin: ORIGIN })).status).toBe(403);
    const stored = () =>
      org.db.select().from(documents).where(eq(documents.organisationId, org.organisationId));
    expect(await stored()).toHaveLength(0);
    const review = await app.request("/api/v1/candidates/review", {
      method: "POST",
      body: JSON.stringify({ action: "reject", documentId: crypto.randomUUID() }),
      headers: { cookie, origin: "https://evil.example", "content-type": "text/plain" },
    });
    expect(review.status).toBe(403);
    // The page's own token, sent as the header from this site, is accepted.
    const own = await upload({ origin: ORIGIN, "x-csrf-token": browser.csrf() });
    expect(own.status).toBe(201);
    expect(await stored()).toHaveLength(1);
  });

  it("takes review bodies as JSON only, and no larger than the form limit", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const auth = await tokenFor(org, "coordinator");
    const send = (body: string, type: string) =>
      app.request("/api/v1/candidates/review", {
        method: "POST",
        body,
        headers: { ...auth, "content-type": type },
      });
    const payload = JSON.stringify({ action: "reject", documentId: crypto.randomUUID() });
    expect((await send(payload, "text/plain")).status).toBe(415);
    const huge = JSON.stringify({
      action: "accept",
      ids: Array.from({ length: 600_000 }, () => crypto.randomUUID()),
    });
    expect(huge.length).toBeGreaterThan(20_000_000);
    const res = await send(huge, "application/json");
    expect(res.status).toBe(413);
    expect((await res.json()).error.id).toBe("too_large");
  });
});
