// "Mine indmeldinger": a reporter's answers in the rounds their administration
// takes part in. Another administration's answer is "not found", by URL or by a
// crafted POST (answerForEdit and the saver both check).
import { Hono } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { statusReportSaver } from "../../../commands/rounds/statusReportSaver.ts";
import { AppError, isAppError } from "../../../errors.ts";
import { link } from "../../../http/links.ts";
import { answerForEdit, myRounds } from "../../../queries/rounds/answers.ts";
import type { AdminPageFor } from "../routes.tsx";
import { myReportsPage } from "./myReportsPage.tsx";
import { checkReport, postedValues, storedValues } from "./reportForm.ts";
import { reportFormPage, reportNotices } from "./reportFormPage.tsx";

const versionSchema = z.coerce.number().int().positive();

export function reporterRoutes(pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();

  app.get("/indmeldinger", async (c) => c.html(myReportsPage(pageFor(c), await myRounds(c.get("ctx")))));

  app.get("/indmeldinger/:id", async (c) => {
    const answer = await answerForEdit(c.get("ctx"), c.req.param("id"));
    return c.html(
      reportFormPage(pageFor(c), answer, {
        values: storedValues(answer),
        message: reportNotices[c.req.query("besked") ?? ""],
      }),
    );
  });

  app.post("/indmeldinger/:id", async (c) => {
    const ctx = c.get("ctx");
    const answer = await answerForEdit(ctx, c.req.param("id"));
    const body = await c.req.parseBody();
    const version = versionSchema.safeParse(body.version);
    if (!version.success) throw new AppError("validation_failed", "The form has no valid version.");
    const submit = body.action === "submit";
    const values = postedValues(answer, body);
    const { input, errors } = checkReport(answer, values, submit);
    if (errors.length) return c.html(reportFormPage(pageFor(c), answer, { values, errors }), 400);
    try {
      await statusReportSaver(ctx, { id: answer.report.id, version: version.data, ...input });
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.id === "stale_version") {
        const now = await answerForEdit(ctx, answer.report.id);
        return c.html(reportFormPage(pageFor(c), now, { values, conflict: true }), 409);
      }
      if (error.id === "invalid_state") {
        const now = await answerForEdit(ctx, answer.report.id);
        return c.html(reportFormPage(pageFor(c), now, { values, refused: error.danish }), 409);
      }
      throw error;
    }
    return c.redirect(
      link(`/admin/indmeldinger/${answer.report.id}?besked=${submit ? "indsendt" : "gemt"}`),
      303,
    );
  });

  return app;
}
