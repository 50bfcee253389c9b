// Editors for the registry's entities, each guarded by its version.
import { Hono } from "hono";
import type { AppDeps } from "../../../app.ts";
import type { AuthEnv } from "../../../auth/middleware.ts";
import type { AdminPageFor } from "../routes.tsx";

export function registryRoutes(_deps: AppDeps, _pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  return app;
}
