// Public reads carry a weak ETag and Cache-Control, answer 304 when the client has the
// same body, and may be fetched from any origin (CORS, no credentials).
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../test/factories.ts";

const readPaths = (policyId: string, initiativeId: string) => [
  "/api/v1/initiatives",
  `/api/v1/initiatives/${initiativeId}`,
  `/api/v1/policies/${policyId}`,
  "/api/openapi.json",
  "/api",
];

describe("API caching and CORS", () => {
  it("sends a weak ETag and Cache-Control on every read, and 304 without a body when it matches", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const initiative = await buildInitiative(org, policy.id);
    const app = await buildTestApp(org);
    for (const path of readPaths(policy.id, initiative.id)) {
      const first = await app.request(path);
      expect(first.status, path).toBe(200);
      const tag = first.headers.get("etag");
      expect(tag, path).toMatch(/^W\/"[^"]+"$/);
      expect(first.headers.get("cache-control"), path).toBe("public, max-age=60");
      // The same body gives the same tag.
      expect((await app.request(path)).headers.get("etag")).toBe(tag);

      const again = await app.request(path, { headers: { "If-None-Match": tag! } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(tag);
      expect(again.headers.get("cache-control")).toBe("public, max-age=60");
      // The strong form of the same tag and a list of tags match too (weak comparison).
      const strong = tag!.replace(/^W\//, "");
      expect((await app.request(path, { headers: { "If-None-Match": strong } })).status).toBe(304);
      expect((await app.request(path, { headers: { "If-None-Match": `"x", ${tag}` } })).status).toBe(304);
      expect((await app.request(path, { headers: { "If-None-Match": 'W/"other"' } })).status).toBe(200);
    }
  });

  it("changes the ETag when the data changes, so a client sees the change at once", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const app = await buildTestApp(org);
    await buildInitiative(org, policy.id, { title: "Først" });
    const before = await app.request("/api/v1/initiatives");
    const tag = before.headers.get("etag")!;
    await buildInitiative(org, policy.id, { title: "Så" });
    const after = await app.request("/api/v1/initiatives", { headers: { "If-None-Match": tag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(tag);
    expect(((await after.json()) as { data: unknown[] }).data).toHaveLength(2);
  });

  it("answers HEAD like GET without a body", async () => {
    const org = await buildOrganisation();
    const app = await buildTestApp(org);
    const get = await app.request("/api/v1/administrations");
    const head = await app.request("/api/v1/administrations", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
  });

  it("allows GET from any origin without credentials, also on 304, and answers the preflight", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const initiative = await buildInitiative(org, policy.id);
    const app = await buildTestApp(org);
    const origin = { Origin: "https://example.org" };
    for (const path of readPaths(policy.id, initiative.id)) {
      const res = await app.request(path, { headers: origin });
      expect(res.headers.get("access-control-allow-origin"), path).toBe("*");
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
      expect(res.headers.get("access-control-expose-headers")).toContain("ETag");
      const cached = await app.request(path, {
        headers: { ...origin, "If-None-Match": res.headers.get("etag")! },
      });
      expect(cached.status).toBe(304);
      expect(cached.headers.get("access-control-allow-origin")).toBe("*");
    }
    const preflight = await app.request("/api/v1/initiatives", {
      method: "OPTIONS",
      headers: {
        ...origin,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "If-None-Match",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,HEAD,OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("if-none-match");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("does not mark errors as cacheable", async () => {
    const app = await buildTestApp(await buildOrganisation());
    const bad = await app.request("/api/v1/initiatives?limit=0");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("cache-control")).toBeNull();
    expect(bad.headers.get("etag")).toBeNull();
    const missing = await app.request("/api/v1/initiatives/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBeNull();
  });
});
