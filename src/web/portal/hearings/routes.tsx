// Public hearing pages: the draft policy and the response form.
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../app.ts";

export function publicHearingRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  return app;
}
