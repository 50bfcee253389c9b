// Hearings on draft policies: open, register responses, the hearing summary.
import { Hono } from "hono";
import type { AppDeps } from "../../../app.ts";
import type { AuthEnv } from "../../../auth/middleware.ts";
import type { AdminPageFor } from "../routes.tsx";

export function hearingAdminRoutes(_deps: AppDeps, _pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  return app;
}
