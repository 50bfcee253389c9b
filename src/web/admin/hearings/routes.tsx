// Hearings on draft policies: open, register responses, the hearing summary.
// Routes are thin: authorize (through the command or query) → parse the form
// (schema.ts) → command → 303 with a notice, or the form again with Danish errors.
import fs from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { authorize, can } from "../../../authz/can.ts";
import { hearingOpener } from "../../../commands/hearings/hearingOpener.ts";
import { hearingResponseRegistrar } from "../../../commands/hearings/hearingResponseRegistrar.ts";
import { hearingUpdater } from "../../../commands/hearings/hearingUpdater.ts";
import { responseAttacher } from "../../../commands/hearings/responseAttacher.ts";
import { responseCommenter } from "../../../commands/hearings/responseCommenter.ts";
import { responseEraser } from "../../../commands/hearings/responseEraser.ts";
import { responsePublisher } from "../../../commands/hearings/responsePublisher.ts";
import { diffTexts } from "../../../domain/textDiff.ts";
import { notFound } from "../../../errors.ts";
import type { AppDeps } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import {
  attachmentFile,
  hearingDetail,
  hearingFormOptions,
  listHearings,
} from "../../../queries/hearings/hearings.ts";
import { responseForStaff, responsesOf, unattachedResponses } from "../../../queries/hearings/responses.ts";
import { renderHearingSummaryDocx } from "../../../reports/hearingSummaryDocx.ts";
import { buildHearingSummary } from "../../../reports/hearingSummaryModel.ts";
import { type FormBody, formInput, parseForm, refusedFields } from "../form.ts";
import { pathId as idOf } from "../pathId.ts";
import type { AdminPageFor } from "../routes.tsx";
import { hearingDetailPage } from "./pages/detailPage.tsx";
import { HEARINGS_PATH, hearingListPage, openHearingPage } from "./pages/listPages.tsx";
import { registerResponsePage, responsePage } from "./pages/responsePages.tsx";
import { diffPage, summaryPage } from "./pages/summaryPages.tsx";
import {
  attachResponseForm,
  commentResponseForm,
  emptyOpenValues,
  emptyRegisterValues,
  eraseResponseForm,
  openHearingForm,
  publishResponseForm,
  registerResponseForm,
  updateHearingForm,
} from "./schema.ts";

export function hearingAdminRoutes(deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  const manages = (c: { get(k: "ctx"): AuthEnv["Variables"]["ctx"] }) =>
    can(c.get("ctx").actor, "manage", { entity: "hearing" });

  app.get(HEARINGS_PATH.slice("/admin".length), async (c) => {
    const rows = await listHearings(c.get("ctx"));
    return c.html(hearingListPage(pageFor(c), rows, manages(c)));
  });

  app.get("/hoeringer/ny", async (c) => {
    authorize(c.get("ctx").actor, "create", { entity: "hearing" });
    const options = await hearingFormOptions(c.get("ctx"));
    return c.html(
      openHearingPage(pageFor(c), options, emptyOpenValues(new Date().toISOString().slice(0, 10))),
    );
  });

  app.post("/hoeringer/ny", async (c) => {
    const ctx = c.get("ctx");
    authorize(ctx.actor, "create", { entity: "hearing" });
    const form = parseForm(openHearingForm, (await c.req.parseBody({ all: true })) as FormBody);
    let errors = form.ok ? null : form.errors;
    if (form.ok) {
      try {
        const hearing = await hearingOpener(ctx, form.input);
        return c.redirect(link(`${HEARINGS_PATH}/${hearing.id}?besked=aabnet`), 303);
      } catch (error) {
        errors = refusedFields(openHearingForm, error);
        if (!errors) throw error;
      }
    }
    const options = await hearingFormOptions(ctx);
    return c.html(openHearingPage(pageFor(c), options, form.values, errors ?? {}), 400);
  });

  app.get("/hoeringer/:id", async (c) => {
    const ctx = c.get("ctx");
    const detail = await hearingDetail(ctx, idOf(c.req.param("id"), "The hearing"));
    const [responses, unattached, options] = await Promise.all([
      responsesOf(ctx, detail.hearing.id, { audience: "staff" }),
      unattachedResponses(ctx),
      hearingFormOptions(ctx),
    ]);
    return c.html(
      hearingDetailPage(pageFor(c), {
        detail,
        responses,
        unattached,
        documents: options.documents,
        canManage: manages(c),
        notice: c.req.query("besked"),
      }),
    );
  });

  app.post("/hoeringer/:id/opdater", async (c) => {
    const id = idOf(c.req.param("id"), "The hearing");
    const body = (await c.req.parseBody()) as FormBody;
    await hearingUpdater(c.get("ctx"), formInput(updateHearingForm(id), body));
    return c.redirect(link(`${HEARINGS_PATH}/${id}?besked=opdateret`), 303);
  });

  app.post("/hoeringer/:id/tilknyt", async (c) => {
    const id = idOf(c.req.param("id"), "The hearing");
    const { responseId } = formInput(attachResponseForm, (await c.req.parseBody()) as FormBody);
    await responseAttacher(c.get("ctx"), { hearingId: id, responseId });
    return c.redirect(link(`${HEARINGS_PATH}/${id}?besked=tilknyttet`), 303);
  });

  app.get("/hoeringer/:id/svar/ny", async (c) => {
    const ctx = c.get("ctx");
    authorize(
      ctx.actor,
      "manage",
      { entity: "hearing" },
      { hidden: !can(ctx.actor, "read", { entity: "hearing" }) },
    );
    const detail = await hearingDetail(ctx, idOf(c.req.param("id"), "The hearing"));
    const { committees } = await hearingFormOptions(ctx);
    return c.html(registerResponsePage(pageFor(c), detail, committees, emptyRegisterValues()));
  });

  app.post("/hoeringer/:id/svar/ny", async (c) => {
    const ctx = c.get("ctx");
    authorize(
      ctx.actor,
      "manage",
      { entity: "hearing" },
      { hidden: !can(ctx.actor, "read", { entity: "hearing" }) },
    );
    const detail = await hearingDetail(ctx, idOf(c.req.param("id"), "The hearing"));
    const spec = registerResponseForm(detail.hearing.id);
    const form = parseForm(spec, (await c.req.parseBody({ all: true })) as FormBody);
    let errors = form.ok ? null : form.errors;
    if (form.ok) {
      try {
        await hearingResponseRegistrar(ctx, form.input);
        return c.redirect(link(`${HEARINGS_PATH}/${detail.hearing.id}?besked=registreret`), 303);
      } catch (error) {
        errors = refusedFields(spec, error);
        if (!errors) throw error;
      }
    }
    const { committees } = await hearingFormOptions(ctx);
    return c.html(registerResponsePage(pageFor(c), detail, committees, form.values, errors ?? {}), 400);
  });

  app.get("/hoeringer/:id/svar/:rid", async (c) => {
    const ctx = c.get("ctx");
    const id = idOf(c.req.param("id"), "The hearing");
    const response = await responseForStaff(ctx, id, idOf(c.req.param("rid"), "The hearing response"));
    const detail = await hearingDetail(ctx, id);
    return c.html(responsePage(pageFor(c), detail, response, { notice: c.req.query("besked") }));
  });

  const responseUrl = (id: string, rid: string, notice: string) =>
    `${HEARINGS_PATH}/${id}/svar/${rid}?besked=${notice}`;

  app.post("/hoeringer/:id/svar/:rid/offentliggoer", async (c) => {
    const id = idOf(c.req.param("id"), "The hearing");
    const rid = idOf(c.req.param("rid"), "The hearing response");
    const { published } = formInput(publishResponseForm, (await c.req.parseBody()) as FormBody);
    await responsePublisher(c.get("ctx"), { hearingId: id, responseId: rid, published });
    return c.redirect(link(responseUrl(id, rid, published ? "offentliggjort" : "tilbagetrukket")), 303);
  });

  app.post("/hoeringer/:id/svar/:rid/kommentar", async (c) => {
    const id = idOf(c.req.param("id"), "The hearing");
    const rid = idOf(c.req.param("rid"), "The hearing response");
    const body = (await c.req.parseBody()) as FormBody;
    await responseCommenter(c.get("ctx"), formInput(commentResponseForm(id, rid), body));
    return c.redirect(link(responseUrl(id, rid, "kommenteret")), 303);
  });

  app.post("/hoeringer/:id/svar/:rid/slet-persondata", async (c) => {
    const ctx = c.get("ctx");
    const id = idOf(c.req.param("id"), "The hearing");
    const rid = idOf(c.req.param("rid"), "The hearing response");
    const form = parseForm(eraseResponseForm, (await c.req.parseBody()) as FormBody);
    if (!form.ok) {
      const response = await responseForStaff(ctx, id, rid);
      const detail = await hearingDetail(ctx, id);
      return c.html(
        responsePage(pageFor(c), detail, response, { error: Object.values(form.errors)[0] }),
        400,
      );
    }
    await responseEraser(
      ctx,
      { hearingId: id, responseId: rid, reason: form.input.reason },
      { storeDir: deps.uploadDir },
    );
    return c.redirect(link(responseUrl(id, rid, "slettet")), 303);
  });

  // The attachment's bytes, for staff only, as a download (never rendered inline).
  app.get("/hoeringer/:id/svar/:rid/bilag", async (c) => {
    const ctx = c.get("ctx");
    const id = idOf(c.req.param("id"), "The hearing");
    const response = await responseForStaff(ctx, id, idOf(c.req.param("rid"), "The hearing response"));
    const file = response.attachmentDocumentId
      ? await attachmentFile(ctx, response.attachmentDocumentId)
      : null;
    if (!file?.storagePath || !deps.uploadDir) throw notFound("The attachment");
    const bytes = await fs
      .readFile(path.join(deps.uploadDir, path.basename(file.storagePath)))
      .catch(() => null);
    if (!bytes) throw notFound("The attachment");
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": file.mediaType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
    });
  });

  async function summaryOf(c: { get(k: "ctx"): AuthEnv["Variables"]["ctx"] }, rawId: string) {
    const ctx = c.get("ctx");
    const detail = await hearingDetail(ctx, idOf(rawId, "The hearing"));
    const responses = await responsesOf(ctx, detail.hearing.id, { audience: "staff" });
    return { detail, summary: buildHearingSummary(detail, responses) };
  }

  app.get("/hoeringer/:id/notat", async (c) => {
    const { detail, summary } = await summaryOf(c, c.req.param("id"));
    return c.html(summaryPage(pageFor(c), detail, summary));
  });

  app.get("/hoeringer/:id/notat.docx", async (c) => {
    const { summary } = await summaryOf(c, c.req.param("id").replace(/\.docx$/, ""));
    const bytes = await renderHearingSummaryDocx(summary);
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": 'attachment; filename="hoeringsnotat.docx"',
    });
  });

  app.get("/hoeringer/:id/forskelle", async (c) => {
    const detail = await hearingDetail(c.get("ctx"), idOf(c.req.param("id"), "The hearing"));
    if (!detail.draft || !detail.adopted) throw notFound("The adopted version");
    return c.html(diffPage(pageFor(c), detail, diffTexts(detail.draft.text, detail.adopted.text)));
  });

  return app;
}
