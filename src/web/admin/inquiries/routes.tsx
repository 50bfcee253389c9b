// Inquiries from council members: register, draft from the registry, approve, send.
import { Hono } from "hono";
import type { AppDeps } from "../../../app.ts";
import type { AuthEnv } from "../../../auth/middleware.ts";
import type { AdminPageFor } from "../routes.tsx";

export function inquiryRoutes(_deps: AppDeps, _pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  return app;
}
