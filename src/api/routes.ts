// The JSON API (public reads; writes with an API token) under /api/v1, described by /api/openapi.json and
// documented for people at /api. Every resource of the open-data package can be listed
// (filtered, paginated by cursor) and read by id, with the package's ids and field names.
// Public reads are cacheable: ETag (304 on If-None-Match), Cache-Control, CORS for any origin.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { etag, RETAINED_304_HEADERS } from "hono/etag";
import { validationFailed } from "../errors.ts";
import type { AppDeps, AppEnv } from "../http/appEnv.ts";
import { suppressionThresholdOf } from "../http/appEnv.ts";
import { link } from "../http/links.ts";
import { organisationName } from "../http/tenancy.ts";
import type { ApiScope } from "../queries/keysetPage.ts";
import { apiDocsPage } from "./docsPage.tsx";
import { buildOpenApiDocument } from "./openapi.ts";
import { registerResource } from "./resource.ts";
import { apiResources } from "./resources/index.ts";
import { describeWriteRoutes } from "./writeDocs.ts";

export const CACHE_CONTROL = "public, max-age=60";

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Only on reads: authenticated routes share /api/v1 (e.g. POST /api/v1/documents) and must not be cached. */
const onReads =
  (middleware: MiddlewareHandler): MiddlewareHandler =>
  (c, next) =>
    readMethods.has(c.req.method) ? middleware(c, next) : next();

const publicRead: MiddlewareHandler[] = [
  onReads(
    cors({
      origin: "*",
      allowMethods: ["GET", "HEAD", "OPTIONS"],
      exposeHeaders: ["ETag", "Link"],
      maxAge: 86400,
    }),
  ),
  onReads(async (c, next) => {
    await next();
    if (c.res.ok || c.res.status === 304) c.header("Cache-Control", CACHE_CONTROL);
  }),
  onReads(
    etag({
      weak: true,
      retainedHeaders: [
        ...RETAINED_304_HEADERS,
        "access-control-allow-origin",
        "access-control-expose-headers",
      ],
    }),
  ),
];

export function apiRoutes(deps: AppDeps) {
  const threshold = suppressionThresholdOf(deps);
  const app = new OpenAPIHono<AppEnv>({
    // A bad parameter is the same 400 as everywhere else: the app's error handler renders it.
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(result.error.issues);
    },
  });
  const scope = (c: { get(key: "ctx"): AppEnv["Variables"]["ctx"] }): ApiScope => {
    const ctx = c.get("ctx");
    return { db: ctx.db, organisationId: ctx.organisationId, threshold };
  };

  for (const resource of apiResources) registerResource(app, resource, { scope, middleware: publicRead });
  describeWriteRoutes(app);

  // Built once, after every route is registered; the page is rendered from the same document.
  // Only its server differs per organisation: /api, or /k/<slug>/api under a prefix.
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  const openApi = () => {
    document ??= buildOpenApiDocument(app);
    return { ...document, servers: [{ ...document.servers![0]!, url: link("/api") }] };
  };

  app.use("/openapi.json", ...publicRead);
  app.get("/openapi.json", (c) => c.json(openApi()));

  app.use("/", ...publicRead);
  app.get("/", async (c) =>
    c.html(await apiDocsPage({ document: openApi(), organisation: organisationName(c) })),
  );

  return app;
}
