// The public list of answered inquiries from council members, with their answers.
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../app.ts";

export function publicInquiryRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  return app;
}
