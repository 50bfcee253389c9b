// Builds the Hono app: security headers, request logs, which organisation a
// request is for, the national pages, the portal, the API and the one error
// handler that renders AppErrors as Danish pages or JSON.
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { apiRoutes } from "./api/routes.ts";
import { writeRoutes } from "./api/writeRoutes.ts";
import { randomToken } from "./auth/tokens.ts";
import { toAppError } from "./errors.ts";
import { type AppDeps, type AppEnv, suppressionThresholdOf } from "./http/appEnv.ts";
import { compressRest } from "./http/gzip.ts";
import { inputBoundary } from "./http/inputBoundary.ts";
import { clientInfo } from "./http/proxy.ts";
import { OrganisationDirectory, requireOrganisation, routedPath, tenancy } from "./http/tenancy.ts";
import { uploadLimitBytes } from "./http/upload.ts";
import { adminRoutes } from "./web/admin/routes.tsx";
import { assetRoutes } from "./web/assets.ts";
import { nationalRoutes } from "./web/national/routes.tsx";
import { badRequestPage, notFoundPage, serverErrorPage } from "./web/pages/index.ts";
import { portalRoutes } from "./web/portal/routes.tsx";
import { setupRoutes } from "./web/setup/routes.tsx";

export function buildApp(given: AppDeps) {
  // One signing secret for the admin and the API, so a session cookie means the same to both.
  // The threshold is resolved once here, so every route (and the committee report) gets the same number.
  const deps = {
    ...given,
    secret: given.secret ?? randomToken(),
    suppressionThreshold: suppressionThresholdOf(given),
  };
  // Routes are written without the organisation prefix (/k/<slug>); tenancy() reads it.
  const app = new Hono<AppEnv>({ getPath: routedPath });
  const directory = new OrganisationDirectory(deps.database.db);
  const organisationName = (c: { get(key: "organisation"): AppEnv["Variables"]["organisation"] }) =>
    c.get("organisation")?.name;

  // Outermost: it sees every response last. Pages and assets that are kept come gzipped
  // already (made once); this compresses the rest as they are sent.
  app.use(compressRest());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: "strict-origin-when-cross-origin",
      xFrameOptions: "DENY",
      strictTransportSecurity: false,
    }),
  );

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        organisation: c.get("organisation")?.slug,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });

  app.use(clientInfo(deps.trustProxy));
  app.use(inputBoundary({ uploadLimitBytes: uploadLimitBytes(deps.uploadLimitMb) }));
  app.use(
    tenancy({
      directory,
      db: deps.database.db,
      defaultOrganisation: deps.organisation,
      hosts: deps.hosts,
    }),
  );

  app.route("/", assetRoutes());

  app.get("/healthz", async (c) => {
    try {
      await deps.database.db.execute(sql`select 1`);
      return c.json({ status: "ok", database: deps.database.kind });
    } catch (error) {
      deps.logger.error({ err: error }, "health check failed");
      return c.json({ status: "error", database: deps.database.kind }, 503);
    }
  });

  app.route("/", setupRoutes(deps, directory));
  app.route("/", nationalRoutes(deps, directory));

  app.use(requireOrganisation);
  app.route("/api", apiRoutes(deps));
  app.route("/api/v1", writeRoutes(deps));
  app.route("/admin", adminRoutes(deps));
  app.route("/", portalRoutes(deps));

  app.notFound((c) => {
    if (c.req.path.startsWith("/api/"))
      return c.json({ error: { id: "not_found", message: "Not found." } }, 404);
    return c.html(notFoundPage({ organisation: organisationName(c) }), 404);
  });

  app.onError((thrown, c) => {
    const error = toAppError(thrown);
    if (error.status >= 500) deps.logger.error({ err: thrown, path: c.req.path }, "request failed");
    const status = error.status as 400;
    if (c.req.path.startsWith("/api/")) return c.json(error.toJSON(), status);
    const organisation = organisationName(c);
    if (error.status === 404) return c.html(notFoundPage({ organisation }), 404);
    if (error.status >= 500) return c.html(serverErrorPage({ organisation }), status);
    return c.html(badRequestPage({ organisation, message: error.danish }), status);
  });

  return app;
}
