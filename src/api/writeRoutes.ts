// The authenticated JSON API under /api/v1 (Authorization: Bearer <token>):
// document upload and the review queue. Coordinators and admins only; the
// same commands and rules as the admin pages. A browser's session cookie is
// accepted too, but then a write needs the CSRF token and its own Origin.
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { type AuthEnv, actorFromRequest } from "../auth/middleware.ts";
import { randomToken } from "../auth/tokens.ts";
import { authorize } from "../authz/can.ts";
import { candidateReviewer } from "../commands/candidateReviewer.ts";
import { documentImporter } from "../commands/documentImporter.ts";
import { AppError, validationFailed } from "../errors.ts";
import type { AppDeps } from "../http/appEnv.ts";
import { csrfProtection } from "../http/csrf.ts";
import { readUpload, tooLarge, uploadLimitBytes } from "../http/upload.ts";
import { reviewQueuePage } from "../queries/candidates.ts";
import { presentCandidate, presentImportSummary, presentReviewResult } from "./adminPresenters.ts";
import { queueQuerySchema, reviewBodySchema } from "./adminSchemas.ts";

export function writeRoutes(deps: AppDeps) {
  const app = new Hono<AuthEnv>();
  const secret = deps.secret ?? randomToken();
  const limit = uploadLimitBytes(deps.uploadLimitMb);
  const auth = actorFromRequest(secret);
  const csrf = csrfProtection();

  const requireUser = createMiddleware<AuthEnv>(async (c, next) => {
    if (!c.get("user"))
      throw new AppError("unauthenticated", "Send an API token: Authorization: Bearer <token>.");
    await next();
  });

  app.post("/documents", auth, csrf, requireUser, async (c) => {
    const ctx = c.get("ctx");
    authorize(ctx.actor, "create", { entity: "document" });
    const upload = await readUpload(c, { allowRaw: true });
    if (!upload)
      throw new AppError(
        "validation_failed",
        "Send the document as a multipart field named file, or as the raw body with ?filename=NAME.",
      );
    if (upload.bytes.length > limit) throw tooLarge(limit);
    const summary = await documentImporter(ctx, {
      bytes: upload.bytes,
      filename: upload.filename,
      storeDir: deps.uploadDir,
      limits: { maxBytes: limit },
    });
    return c.json(presentImportSummary(summary), summary.status === "imported" ? 201 : 200);
  });

  app.get("/candidates", auth, requireUser, async (c) => {
    const parsed = queueQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw validationFailed(parsed.error.issues);
    const q = parsed.data;
    const result = await reviewQueuePage(c.get("ctx"), q, { number: q.page, size: q.pageSize });
    return c.json({
      total: result.total,
      page: q.page,
      pageSize: q.pageSize,
      candidates: result.rows.map(presentCandidate),
    });
  });

  app.post("/candidates/review", auth, csrf, requireUser, async (c) => {
    const ctx = c.get("ctx");
    authorize(ctx.actor, "review", { entity: "candidate" }, { hidden: true });
    // Only JSON: a form or text/plain body is what a cross-site page can send without asking.
    if (!/^application\/json\b/i.test(c.req.header("content-type") ?? ""))
      throw new AppError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
    const body = await c.req.json();
    const parsed = reviewBodySchema.safeParse(body);
    if (!parsed.success) throw validationFailed(parsed.error.issues);
    const result = await candidateReviewer(ctx, parsed.data);
    return c.json(presentReviewResult(result));
  });

  return app;
}
