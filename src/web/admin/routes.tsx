// The admin UI under /admin (behind login).
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../app.ts";

export function adminRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  return app;
}
