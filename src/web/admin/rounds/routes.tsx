// Status rounds: the coordinator's rounds and board, and the reporters' own updates.
import { Hono } from "hono";
import type { AppDeps } from "../../../app.ts";
import type { AuthEnv } from "../../../auth/middleware.ts";
import type { AdminPageFor } from "../routes.tsx";

export function roundRoutes(_deps: AppDeps, _pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  return app;
}
