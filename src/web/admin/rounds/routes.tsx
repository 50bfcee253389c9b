// Status rounds in the admin: the coordinator's rounds, board, review and downloads
// (/admin/runder…), and the reporters' own answers (/admin/indmeldinger…).
// Thin routes: parse the form (schema.ts) → command or query → page or redirect (PRG).
// Viewers see the list and the board; reporters get 404 there (they have "Mine
// indmeldinger"), and another administration's answer is "not found" to them, by URL or
// by a crafted POST (answerForEdit and the saver both check).
import { Hono } from "hono";
import type { UserActor } from "../../../auth/actor.ts";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { authorize, can } from "../../../authz/can.ts";
import { REMINDER_SETTING, settingValue } from "../../../commands/organisation/settings.ts";
import { reminderSender } from "../../../commands/rounds/reminderSender.ts";
import { roundOpener } from "../../../commands/rounds/roundOpener.ts";
import { roundStateChanger } from "../../../commands/rounds/roundStateChanger.ts";
import { statusReportReviewer } from "../../../commands/rounds/statusReportReviewer.ts";
import { statusReportSaver } from "../../../commands/rounds/statusReportSaver.ts";
import type { Context } from "../../../context.ts";
import type { RoundState } from "../../../domain/enums.ts";
import { allowedTransitions } from "../../../domain/roundState.ts";
import { AppError, isAppError, notFound } from "../../../errors.ts";
import { type AppDeps, suppressionThresholdOf } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import { answerForEdit, myRounds } from "../../../queries/rounds/answers.ts";
import { getRound, roundFormOptions, roundList } from "../../../queries/rounds/rounds.ts";
import { answersFileStem, roundAnswerRows } from "../../../reports/roundAnswers.ts";
import { renderRoundAnswersCsv } from "../../../reports/roundAnswersCsv.ts";
import { renderRoundAnswersXlsx } from "../../../reports/roundAnswersXlsx.ts";
import { roundReport } from "../../../reports/roundReport.ts";
import { type FieldErrors, type FormBody, formInput, parseForm, refusedFields } from "../form.ts";
import type { AdminPageFor } from "../routes.tsx";
import { boardData } from "./boardData.ts";
import { answerReviewPage } from "./pages/answerReviewPage.tsx";
import { boardNotice, boardPage } from "./pages/boardPage.tsx";
import { confirmPage } from "./pages/confirmPage.tsx";
import { roundName, today } from "./pages/controls.tsx";
import { roundListPage } from "./pages/listPage.tsx";
import { myReportsPage } from "./pages/myReportsPage.tsx";
import { newRoundPage } from "./pages/newRoundPage.tsx";
import { reportFormPage, reportNotices } from "./pages/reportFormPage.tsx";
import {
  acceptForm,
  emptyNewRound,
  newRoundForm,
  reminderForm,
  reportForm,
  returnForm,
  stateForm,
  storedValues,
} from "./schema.ts";

/** The board shows every administration's answers: who may not read them all gets 404. */
function requireOverview(ctx: Context) {
  authorize(ctx.actor, "read", { entity: "statusReport", administrationId: null }, { hidden: true });
}

const canManage = (user: UserActor) => can(user, "manage", { entity: "statusRound" });

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const attachment = (name: string) => `attachment; filename="${name}"`;
// The period is free text ("2024/25"); only safe characters go into a file name.
const safe = (period: string) => period.replace(/[^0-9A-Za-z-]+/g, "-");

/** The suppression threshold is the organisation's, so the report hides what the portal hides. */
export function roundRoutes(deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  const threshold = suppressionThresholdOf(deps);
  const body = async (c: { req: { parseBody: (o: { all: true }) => Promise<unknown> } }) =>
    (await c.req.parseBody({ all: true })) as FormBody;

  app.get("/runder", async (c) => {
    const ctx = c.get("ctx");
    requireOverview(ctx);
    return c.html(roundListPage(pageFor(c), await roundList(ctx), { canManage: canManage(c.get("user")!) }));
  });

  app.get("/runder/ny", async (c) => {
    const ctx = c.get("ctx");
    const options = await roundFormOptions(ctx);
    // The reminder starts at the organisation's setting; the coordinator may change it per round.
    const reminderDaysBefore = String(await settingValue(ctx, REMINDER_SETTING));
    return c.html(newRoundPage(pageFor(c), options, { ...emptyNewRound, reminderDaysBefore }));
  });

  app.post("/runder/ny", async (c) => {
    const ctx = c.get("ctx");
    const options = await roundFormOptions(ctx);
    const form = newRoundForm(options, today());
    const parsed = parseForm(form, await body(c));
    let errors: FieldErrors | null = parsed.ok ? null : parsed.errors;
    if (parsed.ok) {
      try {
        const round = await roundOpener(ctx, parsed.input);
        return c.redirect(link(`/admin/runder/${round.id}?besked=aabnet`), 303);
      } catch (error) {
        errors = refusedFields(form, error);
        if (!errors) throw error;
      }
    }
    return c.html(newRoundPage(pageFor(c), options, parsed.values, errors ?? {}), 400);
  });

  app.get("/runder/:id", async (c) => {
    const ctx = c.get("ctx");
    requireOverview(ctx);
    const data = await boardData(ctx, c.req.param("id"));
    return c.html(
      boardPage(pageFor(c), data, {
        canManage: canManage(c.get("user")!),
        message: boardNotice(c.req.query(), data.rows),
        warning: !!c.req.query("uden"),
      }),
    );
  });

  app.get("/runder/:id/tilstand", async (c) => {
    const ctx = c.get("ctx");
    authorize(ctx.actor, "manage", { entity: "statusRound" }, { hidden: true });
    const round = await getRound(ctx, c.req.param("id"));
    const to = c.req.query("til") as RoundState;
    if (!allowedTransitions(round.state as RoundState).includes(to))
      throw new AppError("invalid_state", `A ${round.state} round cannot become ${to}.`);
    return c.html(confirmPage(pageFor(c), round, to));
  });

  app.post("/runder/:id/tilstand", async (c) => {
    const id = c.req.param("id");
    const input = formInput(stateForm(id), await body(c));
    await roundStateChanger(c.get("ctx"), input);
    return c.redirect(link(`/admin/runder/${id}?besked=tilstand-${input.to}`), 303);
  });

  app.post("/runder/:id/paamindelse", async (c) => {
    const id = c.req.param("id");
    const { messages, withoutReporters } = await reminderSender(
      c.get("ctx"),
      formInput(reminderForm(id), await body(c)),
    );
    const without = withoutReporters.map((a) => a.code);
    const uden = without.length ? `&uden=${encodeURIComponent(without.join(","))}` : "";
    return c.redirect(link(`/admin/runder/${id}?besked=paamindelse&antal=${messages}${uden}`), 303);
  });

  /** The answer, checked to belong to the round in the URL. */
  async function answerOf(ctx: Context, roundId: string, reportId: string) {
    requireOverview(ctx);
    const answer = await answerForEdit(ctx, reportId);
    if (answer.round.id !== roundId) throw notFound("The status report");
    return answer;
  }

  app.get("/runder/:id/svar/:reportId", async (c) => {
    const answer = await answerOf(c.get("ctx"), c.req.param("id"), c.req.param("reportId"));
    return c.html(answerReviewPage(pageFor(c), answer, { canReview: canManage(c.get("user")!) }));
  });

  app.post("/runder/:id/svar/:reportId/godkend", async (c) => {
    const ctx = c.get("ctx");
    const answer = await answerOf(ctx, c.req.param("id"), c.req.param("reportId"));
    await statusReportReviewer(ctx, formInput(acceptForm(answer.report.id), await body(c)));
    return c.redirect(link(`/admin/runder/${answer.round.id}?besked=godkendt`), 303);
  });

  app.post("/runder/:id/svar/:reportId/retur", async (c) => {
    const ctx = c.get("ctx");
    const answer = await answerOf(ctx, c.req.param("id"), c.req.param("reportId"));
    const parsed = parseForm(returnForm(answer.report.id), await body(c));
    if (!parsed.ok)
      return c.html(
        answerReviewPage(pageFor(c), answer, {
          canReview: canManage(c.get("user")!),
          comment: parsed.values.comment,
          errors: parsed.errors,
        }),
        400,
      );
    await statusReportReviewer(ctx, parsed.input);
    return c.redirect(link(`/admin/runder/${answer.round.id}?besked=retur`), 303);
  });

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
    const parsed = parseForm(reportForm(answer), await body(c));
    const values = parsed.values;
    if (!parsed.ok) return c.html(reportFormPage(pageFor(c), answer, { values, errors: parsed.errors }), 400);
    try {
      await statusReportSaver(ctx, parsed.input);
    } catch (error) {
      // Someone saved first, or the round closed meanwhile: show what is saved now, keep the values.
      if (!isAppError(error) || !["stale_version", "invalid_state"].includes(error.id)) throw error;
      const now = await answerForEdit(ctx, answer.report.id);
      return c.html(
        reportFormPage(pageFor(c), now, {
          values,
          ...(error.id === "stale_version" ? { conflict: true } : { refused: error.danish }),
        }),
        409,
      );
    }
    const notice = parsed.input.submit ? "indsendt" : "gemt";
    return c.redirect(link(`/admin/indmeldinger/${answer.report.id}?besked=${notice}`), 303);
  });

  return app;
}
