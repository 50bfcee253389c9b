// The JSON API under /api/v1, described by /api/openapi.json.
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../app.ts";

export function apiRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  return app;
}
