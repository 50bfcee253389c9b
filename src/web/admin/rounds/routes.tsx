// Status rounds in the admin: the coordinator's rounds, board, review and
// downloads (/admin/runder…), and the reporters' own answers (/admin/indmeldinger…).
import { Hono } from "hono";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { type AppDeps, suppressionThresholdOf } from "../../../http/appEnv.ts";
import type { AdminPageFor } from "../routes.tsx";
import { boardRoutes } from "./boardRoutes.tsx";
import { downloadRoutes } from "./downloadRoutes.ts";
import { reporterRoutes } from "./reporterRoutes.tsx";

export function roundRoutes(deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  app.route("/", boardRoutes(pageFor));
  app.route("/", downloadRoutes(suppressionThresholdOf(deps)));
  app.route("/", reporterRoutes(pageFor));
  return app;
}
