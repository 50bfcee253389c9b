// "Importér dokument": the upload form and the import through documentImporter.
// Thin routes: read the upload → command → page; a refusal is the form again with the reason.
import { Hono } from "hono";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { authorize } from "../../../authz/can.ts";
import { documentImporter } from "../../../commands/documentImporter.ts";
import { danishReason, isAppError } from "../../../errors.ts";
import type { AppDeps } from "../../../http/appEnv.ts";
import { readUpload, tooLarge } from "../../../http/upload.ts";
import type { AdminPageFor } from "../routes.tsx";
import { importPage } from "./pages/importPage.tsx";
import { missingDocument } from "./schema.ts";

export function importRoutes(deps: AppDeps, pageFor: AdminPageFor, limitBytes: number) {
  const app = new Hono<AuthEnv>();
  const limitMb = limitBytes / 1024 / 1024;

  app.get("/import", (c) => {
    authorize(c.get("ctx").actor, "create", { entity: "document" });
    return c.html(importPage(pageFor(c), { limitMb }));
  });

  app.post("/import", async (c) => {
    const ctx = c.get("ctx");
    authorize(ctx.actor, "create", { entity: "document" });
    const upload = await readUpload(c, { allowRaw: false });
    if (!upload) return c.html(importPage(pageFor(c), { limitMb, error: missingDocument }), 400);
    try {
      if (upload.bytes.length > limitBytes) throw tooLarge(limitBytes);
      const summary = await documentImporter(ctx, {
        bytes: upload.bytes,
        filename: upload.filename,
        storeDir: deps.uploadDir,
        limits: { maxBytes: limitBytes },
      });
      return c.html(importPage(pageFor(c), { limitMb, summary }), summary.status === "imported" ? 201 : 200);
    } catch (error) {
      // A document that cannot be read is the user's to fix: the form again, with the reason.
      if (!isAppError(error) || error.status >= 500) throw error;
      return c.html(importPage(pageFor(c), { limitMb, error: danishReason(error) }), error.status as 400);
    }
  });

  return app;
}
