// The public portal: every page a citizen can open without logging in.
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../app.ts";
import { registryOverview } from "../../queries/registry.ts";
import { accessibilityPage } from "../pages/index.ts";
import { homePage } from "./home.tsx";

export function portalRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const organisation = deps.organisation.name;

  app.get("/", async (c) => {
    const ctx = c.get("ctx");
    const overview = await registryOverview(ctx.db, ctx.organisationId);
    return c.html(homePage({ organisation, overview }));
  });

  app.get("/tilgaengelighed", (c) => c.html(accessibilityPage({ organisation })));

  return app;
}
