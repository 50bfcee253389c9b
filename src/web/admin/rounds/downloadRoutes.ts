// The round's downloads: the committee report (Word, HTML) and all answers (CSV, Excel).
// Only who may read every administration's answers gets them (404 for others).
import { Hono } from "hono";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { answersFileStem, roundAnswerRows } from "../../../reports/roundAnswers.ts";
import { renderRoundAnswersCsv } from "../../../reports/roundAnswersCsv.ts";
import { renderRoundAnswersXlsx } from "../../../reports/roundAnswersXlsx.ts";
import { roundReport } from "../../../reports/roundReport.ts";
import { roundName } from "./controls.tsx";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const attachment = (name: string) => `attachment; filename="${name}"`;
// The period is free text ("2024/25"); only safe characters go into a file name.
const safe = (period: string) => period.replace(/[^0-9A-Za-z-]+/g, "-");

/** `threshold`: the organisation's suppression threshold, so the report hides what the portal hides. */
export function downloadRoutes(threshold: number) {
  const app = new Hono<AuthEnv>();

  app.get("/runder/:id/rapport.docx", async (c) => {
    const { model, bytes } = await roundReport(c.get("ctx"), c.req.param("id"), "docx", threshold);
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": DOCX,
      "Content-Disposition": attachment(`statusrapport-${safe(model.period)}.docx`),
    });
  });

  app.get("/runder/:id/rapport.html", async (c) => {
    const { model, bytes } = await roundReport(c.get("ctx"), c.req.param("id"), "html", threshold);
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": attachment(`statusrapport-${safe(model.period)}.html`),
    });
  });

  app.get("/runder/:id/svar.csv", async (c) => {
    const { round, rows } = await roundAnswerRows(c.get("ctx"), c.req.param("id"));
    return c.body(renderRoundAnswersCsv(rows), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`${answersFileStem(round.period)}.csv`),
    });
  });

  app.get("/runder/:id/svar.xlsx", async (c) => {
    const { round, rows } = await roundAnswerRows(c.get("ctx"), c.req.param("id"));
    const bytes = await renderRoundAnswersXlsx(rows, { title: roundName(round), isExample: round.isExample });
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": XLSX,
      "Content-Disposition": attachment(`${answersFileStem(round.period)}.xlsx`),
    });
  });

  return app;
}
