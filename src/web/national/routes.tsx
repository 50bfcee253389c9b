// The national pages: every municipality on this server and the comparisons
// between them. They answer only at the root (never under /k/<slug>/), and
// "/" only when the request names no municipality; their responses go
// through a render cache of their own, dropped by any organisation's write.
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../http/appEnv.ts";
import type { OrganisationDirectory } from "../../http/tenancy.ts";
import { NATIONAL_SCOPE } from "../../queries/generation.ts";
import { organisationOverview } from "../../queries/national.ts";
import { createRenderCache } from "../portal/renderCache.ts";
import { renderToString } from "../../render.ts";
import { municipalitiesPage } from "./municipalitiesPage.tsx";
import { MUNICIPALITIES_PATH } from "./shell.tsx";

export function nationalRoutes(deps: AppDeps, _directory: OrganisationDirectory) {
  const app = new Hono<AppEnv>();
  const cache = createRenderCache({ scope: () => NATIONAL_SCOPE });
  const db = deps.database.db;
  const html = async (node: unknown) =>
    new Response(await renderToString(node), { headers: { "Content-Type": "text/html; charset=utf-8" } });

  const national = (paths: string[], onlyWithoutOrganisation = false) =>
    paths.map((path) =>
      app.use(path, async (c, next) => {
        if (c.get("basePath") !== "") return next();
        if (onlyWithoutOrganisation && c.get("organisation")) return next();
        return cache.middleware(c, next);
      }),
    );
  national(["/"], true);
  national([MUNICIPALITIES_PATH]);

  const municipalities = async () =>
    html(municipalitiesPage({ organisations: await organisationOverview(db) }));
  app.get("/", async (c, next) => (c.get("organisation") ? next() : municipalities()));
  app.get(MUNICIPALITIES_PATH, async (c, next) => (c.get("basePath") !== "" ? next() : municipalities()));

  return app;
}
