// The admin UI under /admin (behind login). Order matters: who is asking, CSRF
// on every state change, the public login pages, then the login requirement for
// everything else. (Body size and text are checked before, by the input boundary.)
import type { Context as HonoContext } from "hono";
import { Hono } from "hono";
import { type AuthEnv, actorFromRequest } from "../../auth/middleware.ts";
import { randomToken } from "../../auth/tokens.ts";
import { type AppDeps, suppressionThresholdOf } from "../../http/appEnv.ts";
import { csrfProtection } from "../../http/csrf.ts";
import { link } from "../../http/links.ts";
import { councilName, organisationName } from "../../http/tenancy.ts";
import { uploadLimitBytes } from "../../http/upload.ts";
import { adminDashboard } from "../../queries/dashboard.ts";
import { auditRoutes } from "./audit/routes.tsx";
import { dashboardPage } from "./dashboardPage.tsx";
import { hearingAdminRoutes } from "./hearings/routes.tsx";
import { importRoutes } from "./import/routes.tsx";
import { inquiryRoutes } from "./inquiries/routes.tsx";
import { loginRoutes } from "./login/routes.tsx";
import { organisationRoutes } from "./organisation/routes.tsx";
import { registryRoutes } from "./registry/routes.tsx";
import { reviewRoutes } from "./review/routes.tsx";
import { roundRoutes } from "./rounds/routes.tsx";
import type { AdminPage } from "./shell.tsx";
import { userRoutes } from "./users/routes.tsx";

export type AdminPageFor = (c: HonoContext<AuthEnv>) => AdminPage;

export function adminRoutes(deps: AppDeps) {
  const app = new Hono<AuthEnv>();
  // Without a configured secret (tests, tools), sessions last as long as this process.
  const secret = deps.secret ?? randomToken();
  const limit = uploadLimitBytes(deps.uploadLimitMb);

  app.use("*", actorFromRequest(secret));
  app.use("*", async (c, next) => {
    // The login form has no session yet; it checks its own double-submit token.
    if (c.req.path === "/admin/login") return next();
    return csrfProtection()(c, next);
  });
  app.use("*", async (c, next) => {
    // Admin pages are personal: never cached by a browser or a proxy (ASVS 8.2.1).
    await next();
    c.header("Cache-Control", "no-store");
  });

  app.route("/", loginRoutes({ secret }));

  app.use("*", async (c, next) => {
    if (c.get("user")) return next();
    if (c.req.method !== "GET") return c.redirect(link("/admin/login"), 303);
    // The path without the organisation's prefix: the login page puts it back.
    const query = new URL(c.req.url).search;
    return c.redirect(link(`/admin/login?next=${encodeURIComponent(c.req.path + query)}`), 303);
  });

  const pageFor: AdminPageFor = (c) => ({
    organisation: organisationName(c),
    council: councilName(c),
    suppressionThreshold: suppressionThresholdOf(deps),
    user: c.get("user")!,
    csrf: c.get("session")?.csrfToken ?? "",
  });

  app.get("/", async (c) => c.html(dashboardPage(pageFor(c), await adminDashboard(c.get("ctx")))));
  app.route("/", importRoutes(deps, pageFor, limit));
  app.route("/", reviewRoutes(pageFor));
  app.route("/", auditRoutes(pageFor));
  app.route("/", roundRoutes(deps, pageFor));
  app.route("/", registryRoutes(deps, pageFor));
  app.route("/", userRoutes(deps, pageFor));
  app.route("/", organisationRoutes(deps, pageFor));
  app.route("/", inquiryRoutes(deps, pageFor));
  app.route("/", hearingAdminRoutes(deps, pageFor));

  return app;
}
