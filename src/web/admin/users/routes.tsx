// User management: accounts, roles and administrations.
import { Hono } from "hono";
import type { AppDeps } from "../../../app.ts";
import type { AuthEnv } from "../../../auth/middleware.ts";
import type { AdminPageFor } from "../routes.tsx";

export function userRoutes(_deps: AppDeps, _pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  return app;
}
