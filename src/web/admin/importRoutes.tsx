// "Importér dokument": the upload form and the import through documentImporter.
import { Hono } from "hono";
import type { AuthEnv } from "../../auth/middleware.ts";
import { authorize } from "../../authz/can.ts";
import { documentImporter } from "../../commands/documentImporter.ts";
import { isAppError } from "../../errors.ts";
import type { AppDeps } from "../../http/appEnv.ts";
import { readUpload, tooLarge } from "../../http/upload.ts";
import { importPage } from "./importPage.tsx";
import type { AdminPageFor } from "./routes.tsx";

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
    if (!upload)
      return c.html(importPage(pageFor(c), { limitMb, error: "Vælg et dokument at importere." }), 400);
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
      return c.html(importPage(pageFor(c), { limitMb, error: readReason(error) }), error.status as 400);
    }
  });

  return app;
}

const readReasons: Record<string, string> = {
  empty_file: "Filen er tom.",
  unsupported_type: "Filtypen kan ikke læses. Brug PDF, Word (DOCX), HTML, Markdown eller tekst.",
  pdf_encrypted:
    "PDF-filen er krypteret eller beskyttet med adgangskode. Gem den uden beskyttelse, og prøv igen.",
  pdf_corrupt: "PDF-filen er beskadiget og kan ikke læses.",
  pdf_no_text:
    "Der er ingen tekst i PDF-filen – den er måske scannet. Pejl kan ikke læse scannede dokumenter.",
  pdf_too_many_pages: "PDF-filen har for mange sider.",
  docx_too_large: "Word-filen pakker ud til mere, end Pejl tillader.",
  docx_corrupt: "Word-filen er beskadiget og kan ikke læses.",
  timeout: "Det tog for lang tid at læse dokumentet.",
};

/** Why the document could not be read, in Danish, from the reader's stable error code. */
function readReason(error: { danish: string; cause?: unknown }): string {
  const code = (error.cause as { code?: string } | undefined)?.code;
  return (code && readReasons[code]) || error.danish;
}
