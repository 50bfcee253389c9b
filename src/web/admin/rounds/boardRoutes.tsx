// The coordinator's side of status rounds: list, open a round, the board,
// state changes (with a confirmation), reminders, and reviewing answers.
// Viewers see the list and the board; reporters get 404 here (they have
// "Mine indmeldinger").
import { Hono } from "hono";
import { z } from "zod";
import type { UserActor } from "../../../auth/actor.ts";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { authorize, can } from "../../../authz/can.ts";
import { REMINDER_SETTING, settingValue } from "../../../commands/organisation/settings.ts";
import { reminderSender } from "../../../commands/rounds/reminderSender.ts";
import { roundOpener } from "../../../commands/rounds/roundOpener.ts";
import { roundStateChanger } from "../../../commands/rounds/roundStateChanger.ts";
import { statusReportReviewer } from "../../../commands/rounds/statusReportReviewer.ts";
import type { Context } from "../../../context.ts";
import { type RoundState, roundStates } from "../../../domain/enums.ts";
import { roundStateLabels } from "../../../domain/labels.ts";
import { allowedTransitions } from "../../../domain/roundState.ts";
import { AppError, notFound } from "../../../errors.ts";
import { link } from "../../../http/links.ts";
import { answerForEdit } from "../../../queries/rounds/answers.ts";
import { type BoardRow, getRound, roundFormOptions, roundList } from "../../../queries/rounds/rounds.ts";
import type { AdminPageFor } from "../routes.tsx";
import { answerReviewPage } from "./answerReviewPage.tsx";
import { boardData } from "./boardData.ts";
import { boardPage } from "./boardPage.tsx";
import { confirmPage } from "./confirmPage.tsx";
import { today } from "./controls.tsx";
import { roundListPage } from "./listPage.tsx";
import { checkNewRound, emptyNewRound, newRoundValues } from "./newRoundForm.ts";
import { newRoundPage } from "./newRoundPage.tsx";

/** The board shows every administration's answers: who may not read them all gets 404. */
function requireOverview(ctx: Context) {
  authorize(ctx.actor, "read", { entity: "statusReport", administrationId: null }, { hidden: true });
}

const canManage = (user: UserActor) => can(user, "manage", { entity: "statusRound" });

const versionSchema = z.coerce.number().int().positive();

function version(raw: unknown): number {
  const parsed = versionSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("validation_failed", "The form has no valid version.");
  return parsed.data;
}

/** "A", "A og B", "A, B og C". */
function danishList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} og ${items.at(-1)}`;
}

function message(q: Record<string, string>, rows: readonly BoardRow[]): string | undefined {
  switch (q.besked) {
    case "aabnet":
      return "Runden er åbnet. Forvaltningerne kan nu indmelde under ”Mine indmeldinger”.";
    case "paamindelse": {
      const n = Number.parseInt(q.antal ?? "", 10);
      const codes = new Set((q.uden ?? "").split(","));
      const without = rows.filter((r) => codes.has(r.code)).map((r) => r.name);
      const sent =
        Number.isFinite(n) && n > 0
          ? `Påmindelsen er sendt til ${n} ${n === 1 ? "indberetter" : "indberettere"}.`
          : without.length
            ? "Der er ikke sendt nogen påmindelse."
            : "Alle svar er indsendt; der var ingen at minde om noget.";
      return without.length
        ? `${sent} ${danishList(without)} mangler svar, men har ingen indberetter og fik derfor ingen påmindelse. Tilføj en indberetter for ${without.length === 1 ? "forvaltningen" : "forvaltningerne"}.`
        : sent;
    }
    case "godkendt":
      return "Svaret er godkendt, og dets tal er overført til registret.";
    case "retur":
      return "Svaret er sendt retur til forvaltningen med din kommentar.";
    default: {
      const to = /^tilstand-(\w+)$/.exec(q.besked ?? "")?.[1];
      return to && (roundStates as readonly string[]).includes(to)
        ? `Runden har nu status ”${roundStateLabels[to as RoundState]}”.`
        : undefined;
    }
  }
}

export function boardRoutes(pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();

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
    const values = newRoundValues(await c.req.parseBody({ all: true }));
    const checked = checkNewRound(
      values,
      { policyIds: options.policies.map((p) => p.id), codes: options.administrations.map((a) => a.code) },
      today(),
    );
    if (!checked.input) return c.html(newRoundPage(pageFor(c), options, values, checked.errors), 400);
    const round = await roundOpener(ctx, checked.input);
    return c.redirect(link(`/admin/runder/${round.id}?besked=aabnet`), 303);
  });

  app.get("/runder/:id", async (c) => {
    const ctx = c.get("ctx");
    requireOverview(ctx);
    const data = await boardData(ctx, c.req.param("id"));
    return c.html(
      boardPage(pageFor(c), data, {
        canManage: canManage(c.get("user")!),
        message: message(c.req.query(), data.rows),
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
    const ctx = c.get("ctx");
    const body = await c.req.parseBody();
    const to = String(body.to ?? "");
    await roundStateChanger(ctx, {
      id: c.req.param("id"),
      version: version(body.version),
      to: to as RoundState,
    });
    return c.redirect(link(`/admin/runder/${c.req.param("id")}?besked=tilstand-${to}`), 303);
  });

  app.post("/runder/:id/paamindelse", async (c) => {
    const body = await c.req.parseBody();
    // From an administration's row: only that one; from the button above the table: all missing.
    const one =
      typeof body.administrationId === "string" && body.administrationId ? body.administrationId : null;
    const ctx = c.get("ctx");
    const { messages, withoutReporters } = await reminderSender(ctx, {
      roundId: c.req.param("id"),
      ...(one ? { administrationIds: [one] } : {}),
    });
    const without = withoutReporters.map((a) => a.code);
    const uden = without.length ? `&uden=${encodeURIComponent(without.join(","))}` : "";
    return c.redirect(
      link(`/admin/runder/${c.req.param("id")}?besked=paamindelse&antal=${messages}${uden}`),
      303,
    );
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
    const body = await c.req.parseBody();
    await statusReportReviewer(ctx, {
      id: answer.report.id,
      version: version(body.version),
      action: "accept",
    });
    return c.redirect(link(`/admin/runder/${answer.round.id}?besked=godkendt`), 303);
  });

  app.post("/runder/:id/svar/:reportId/retur", async (c) => {
    const ctx = c.get("ctx");
    const answer = await answerOf(ctx, c.req.param("id"), c.req.param("reportId"));
    const body = await c.req.parseBody();
    const comment = typeof body.comment === "string" ? body.comment.trim() : "";
    if (!comment || comment.length > 5_000)
      return c.html(
        answerReviewPage(pageFor(c), answer, {
          canReview: canManage(c.get("user")!),
          comment,
          errors: [
            {
              fieldId: "comment",
              message: comment
                ? "Kommentaren må højst være 5.000 tegn."
                : "Skriv, hvad forvaltningen skal rette.",
            },
          ],
        }),
        400,
      );
    await statusReportReviewer(ctx, {
      id: answer.report.id,
      version: version(body.version),
      action: "return",
      comment,
    });
    return c.redirect(link(`/admin/runder/${answer.round.id}?besked=retur`), 303);
  });

  return app;
}
