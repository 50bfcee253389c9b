// /api/openapi.json is an OpenAPI 3.1 document describing every route under /api/v1,
// its examples match its own schemas, and the Danish page at /api is rendered from it.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { buildOrganisation } from "../../test/factories.ts";
import { typeLabel } from "./docsPage.tsx";
import { apiResources } from "./resources/index.ts";

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
type Operation = {
  operationId: string;
  summary: string;
  tags: string[];
  parameters?: { name: string; in: string }[];
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: unknown; example?: unknown }> }
  >;
};

async function loadDocument() {
  const app = await buildTestApp(await buildOrganisation());
  const res = await app.request("/api/openapi.json");
  expect(res.status).toBe(200);
  return { app, doc: (await res.json()) as Doc };
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with info, a server under /api, and responses on every operation", async () => {
    const { doc } = await loadDocument();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe("Pejl API");
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(doc.servers).toEqual([{ url: "/api", description: expect.any(String) }]);
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/v1\//);
      for (const [method, op] of Object.entries(item)) {
        expect(methods, `${method} ${path}`).toContain(method);
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(op.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(response.description, `${method} ${path} ${status}`).toBeTruthy();
        }
        expect(operationIds.has(op.operationId), op.operationId).toBe(false);
        operationIds.add(op.operationId);
        // Every {param} of the path is declared as a path parameter.
        for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
          expect(
            op.parameters?.some((p) => p.in === "path" && p.name === name),
            `${path} ${name}`,
          ).toBe(true);
        }
      }
    }
    // Every $ref points at a component that exists.
    for (const [, name] of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components.schemas, name).toHaveProperty(name!);
    }
  });

  it("describes every route the app serves under /api/v1, and nothing it does not serve", async () => {
    const { app, doc } = await loadDocument();
    const served = new Set(
      app.routes
        .filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL")
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/^\/api/, "").replace(/:(\w+)/g, "{$1}")}`),
    );
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method} ${path}`),
      ),
    );
    expect([...served].sort()).toEqual([...described].sort());
    // A list and a get for every resource of the open-data package.
    for (const resource of apiResources) {
      expect(described).toContain(`get /v1/${resource.name}`);
      expect(described).toContain(`get /v1/${resource.name}/{id}`);
    }
  });

  it("has schemas that are valid JSON Schema, and examples that match them", async () => {
    const { doc } = await loadDocument();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    let examples = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const media = response.content?.["application/json"];
          if (!media?.schema) continue;
          // The components travel with each schema so that its $refs resolve.
          const validate = ajv.compile({ ...(media.schema as object), components: doc.components });
          if (media.example === undefined) continue;
          examples++;
          expect(
            validate(media.example),
            `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`,
          ).toBe(true);
        }
      }
    }
    // A list and an item example for each resource, and the error example.
    expect(examples).toBe(apiResources.length * 2);
  });

  it("validates each resource's example row with the zod schema the routes use", () => {
    for (const resource of apiResources) {
      expect(resource.item.safeParse(resource.example.item).success, resource.name).toBe(true);
    }
  });
});

describe("the API documentation page", () => {
  it("documents in Danish every operation of the document: path, parameters, example request and response", async () => {
    const { app, doc } = await loadDocument();
    const res = await app.request("/api");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain('lang="da"');
    expect(html).toContain("<h1>Åbent API</h1>");
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(html, op.operationId).toContain(`id="${op.operationId}"`);
        expect(html, op.operationId).toContain(`${method.toUpperCase()} /api${path}`);
        for (const p of op.parameters ?? [])
          expect(html, `${op.operationId} ${p.name}`).toContain(`<code>${p.name}</code>`);
      }
    }
    // The rules for pages and caching, and an example request and response.
    expect(html).toContain("Sider og markører");
    expect(html).toContain("If-None-Match");
    expect(html).toContain("public, max-age=60");
    expect(html).toContain(
      "GET /api/v1/initiatives?administration=BIF&amp;equality_ground=gender&amp;year=2025&amp;limit=1",
    );
    expect(html).toContain("Eksempel på svar (200)");
    expect(html).toContain("&quot;funding_status&quot;: &quot;requires_separate_funding&quot;");
    // Field tables from the item schemas.
    expect(html).toContain("Felter i initiativer");
    expect(html).toContain("<code>suppressed</code>");
    // It lists write endpoints too, so it does not call itself read-only.
    expect(Object.values(doc.paths).some((item) => Object.keys(item).some((m) => m !== "get"))).toBe(true);
    expect(html).not.toMatch(/skrivebeskyttet/i);
    expect(html).toContain("kræver en API-nøgle");
  });

  it("names schema types in Danish", () => {
    expect(typeLabel({ type: "string", format: "uuid" })).toBe("UUID");
    expect(typeLabel({ type: ["string", "null"], format: "date" })).toBe("dato eller null");
    expect(typeLabel({ type: "array", items: { type: "string" } })).toBe("liste af tekst");
    expect(typeLabel({ type: "integer", minimum: 1, maximum: 500 })).toBe("heltal (1–500)");
    expect(typeLabel({ type: "string", enum: ["planned", "ongoing"] })).toBe("en af: planned, ongoing");
  });
});
