// The audit log page and its CSV export; both staff only (404 for others).
import { stringify } from "csv-stringify/sync";
import { Hono } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { spreadsheetText } from "../../../domain/spreadsheetText.ts";
import { AppError } from "../../../errors.ts";
import {
  type AuditFilter,
  auditEntities,
  auditEventsForExport,
  listAuditEvents,
} from "../../../queries/audit.ts";
import type { AdminPageFor } from "../routes.tsx";
import { auditPage } from "./pages/auditPage.tsx";

const PAGE_SIZE = 50;
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(d)));

const filterSchema = z.object({
  slags: z.string().trim().max(50).optional(),
  handling: z.string().trim().max(100).optional(),
  bruger: z.string().trim().max(320).optional(),
  fra: isoDay.optional().or(z.literal("")),
  til: isoDay.optional().or(z.literal("")),
  side: z.coerce.number().int().min(1).max(1_000_000).default(1),
});

function parse(query: Record<string, string>) {
  const parsed = filterSchema.safeParse(query);
  if (!parsed.success)
    throw new AppError("validation_failed", "Invalid audit filter.", {
      danish: "Filteret er ikke gyldigt. Datoer skrives som åååå-mm-dd.",
    });
  const f = parsed.data;
  const view = {
    slags: f.slags || undefined,
    handling: f.handling || undefined,
    bruger: f.bruger || undefined,
    fra: f.fra || undefined,
    til: f.til || undefined,
  };
  const filter: AuditFilter = {
    entity: view.slags,
    action: view.handling,
    actor: view.bruger,
    from: view.fra,
    to: view.til,
  };
  return { view, filter, page: f.side };
}

/** A cell of the log's CSV: JSON for structured values, never run as a formula by a spreadsheet. */
export function csvCell(value: unknown): string {
  const s =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  return spreadsheetText(s);
}

export function auditRoutes(pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();

  app.get("/log", async (c) => {
    const ctx = c.get("ctx");
    const { view, filter, page } = parse(c.req.query());
    const [events, entities] = await Promise.all([
      listAuditEvents(ctx, filter, { number: page, size: PAGE_SIZE }),
      auditEntities(ctx),
    ]);
    return c.html(auditPage(pageFor(c), events, { filter: view, page, pageSize: PAGE_SIZE, entities }));
  });

  app.get("/log.csv", async (c) => {
    const { filter } = parse(c.req.query());
    const rows = await auditEventsForExport(c.get("ctx"), filter);
    const csv = stringify(
      rows.map((e) => [e.at, e.actorLabel, e.action, e.entity, e.entityId, e.before, e.after].map(csvCell)),
      {
        header: true,
        columns: ["tidspunkt", "bruger", "handling", "element", "element_id", "foer", "efter"],
      },
    );
    const day = new Date().toISOString().slice(0, 10);
    return c.body(`\uFEFF${csv}`, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pejl-log-${day}.csv"`,
      "Cache-Control": "no-store",
    });
  });

  return app;
}
