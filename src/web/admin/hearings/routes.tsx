// Hearings on draft policies: open, register responses, the hearing summary.
// Routes are thin: authorize (through the command or query) → parse the form →
// command → 303 with a notice, or the form again with Danish errors.
import fs from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import { z } from "zod";
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
import { isAppError, notFound } from "../../../errors.ts";
import type { AppDeps } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import {
  attachmentFile,
  hearingDetail,
  hearingFormOptions,
  listHearings,
  responseForStaff,
  responsesOf,
  unattachedResponses,
} from "../../../queries/hearings.ts";
import { renderHearingSummaryDocx } from "../../../reports/hearingSummaryDocx.ts";
import { buildHearingSummary } from "../../../reports/hearingSummaryModel.ts";
import type { AdminPageFor } from "../routes.tsx";
import { hearingDetailPage } from "./detailPage.tsx";
import { HEARINGS_PATH, hearingListPage, type OpenFormValues, openHearingPage } from "./listPages.tsx";
import { type RegisterValues, registerResponsePage, responsePage } from "./responsePages.tsx";
import { diffPage, summaryPage } from "./summaryPages.tsx";

const uuid = z.uuid();
const idOf = (value: string, what: string) => {
  if (!uuid.safeParse(value).success) throw notFound(what);
  return value;
};

type Body = Record<string, string | File | (string | File)[]>;
const str = (body: Body, name: string) => {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
};
const strings = (body: Body, name: string) => {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === "string",
  );
};

const openMessages: Record<string, string> = {
  policyId: "Vælg den politik, der sendes i høring.",
  draftDocumentId: "Vælg det dokument, der er udkastet.",
  title: "Skriv en titel på mindst 3 tegn.",
  opensOn: "Skriv datoen, høringen åbner.",
  closesOn: "Skriv en høringsfrist, der ikke er før høringen åbner.",
  invitedCommittees: "Vælg udvalg fra listen.",
  invitedOthers: "Skriv højst 200 tegn pr. høringspart.",
};

const registerMessages: Record<string, string> = {
  respondentKind: "Vælg, hvem afsenderen er.",
  fromCommitteeCode: "Vælg udvalget.",
  fromName: "Skriv afsenderens navn, eller vælg udvalget, når afsenderen er et udvalg.",
  text: "Skriv høringssvarets tekst.",
  sections: "Vælg blandt de viste mål og afsnit.",
  receivedOn: "Skriv en gyldig dato.",
};

/** Danish field errors from a validation AppError's details. */
function errorsOf(error: unknown, messages: Record<string, string>): Record<string, string> | null {
  if (!isAppError(error) || error.id !== "validation_failed") return null;
  const errors: Record<string, string> = {};
  for (const d of error.details) {
    const field = (d.path ?? "").split(".")[0] || Object.keys(messages)[0]!;
    errors[field] = messages[field] ?? error.danish;
  }
  if (Object.keys(errors).length === 0) errors[Object.keys(messages)[0]!] = error.danish;
  return errors;
}

export function hearingAdminRoutes(deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  const manages = (c: { get(k: "ctx"): AuthEnv["Variables"]["ctx"] }) =>
    can(c.get("ctx").actor, "manage", { entity: "hearing" });

  app.get(HEARINGS_PATH.slice("/admin".length), async (c) => {
    const rows = await listHearings(c.get("ctx"));
    return c.html(hearingListPage(pageFor(c), rows, manages(c)));
  });

  const emptyOpen = (): OpenFormValues => ({
    policyId: "",
    draftDocumentId: "",
    title: "",
    opensOn: new Date().toISOString().slice(0, 10),
    closesOn: "",
    committees: [],
    others: "",
  });

  app.get("/hoeringer/ny", async (c) => {
    authorize(c.get("ctx").actor, "create", { entity: "hearing" });
    const options = await hearingFormOptions(c.get("ctx"));
    return c.html(openHearingPage(pageFor(c), options, emptyOpen()));
  });

  app.post("/hoeringer/ny", async (c) => {
    const ctx = c.get("ctx");
    authorize(ctx.actor, "create", { entity: "hearing" });
    const body = (await c.req.parseBody({ all: true })) as Body;
    const values: OpenFormValues = {
      policyId: str(body, "policyId"),
      draftDocumentId: str(body, "draftDocumentId"),
      title: str(body, "title"),
      opensOn: str(body, "opensOn"),
      closesOn: str(body, "closesOn"),
      committees: strings(body, "committees"),
      others: str(body, "others"),
    };
    try {
      const hearing = await hearingOpener(ctx, {
        policyId: values.policyId,
        draftDocumentId: values.draftDocumentId,
        title: values.title,
        opensOn: values.opensOn,
        closesOn: values.closesOn,
        invitedCommittees: values.committees,
        invitedOthers: values.others
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean),
      });
      return c.redirect(link(`${HEARINGS_PATH}/${hearing.id}?besked=aabnet`), 303);
    } catch (error) {
      let errors = errorsOf(error, openMessages);
      if (!errors && isAppError(error) && error.id === "not_found")
        errors = { draftDocumentId: "Politikken eller dokumentet findes ikke. Vælg igen." };
      if (!errors) throw error;
      const options = await hearingFormOptions(ctx);
      return c.html(openHearingPage(pageFor(c), options, values, errors), 400);
    }
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
    const ctx = c.get("ctx");
    const id = idOf(c.req.param("id"), "The hearing");
    const body = (await c.req.parseBody()) as Body;
    const state = str(body, "state");
    await hearingUpdater(ctx, {
      hearingId: id,
      version: Number(str(body, "version")),
      state: (state || undefined) as "open" | undefined,
      adoptedDocumentId: str(body, "adoptedDocumentId") || null,
    });
    return c.redirect(link(`${HEARINGS_PATH}/${id}?besked=opdateret`), 303);
  });

  app.post("/hoeringer/:id/tilknyt", async (c) => {
    const id = idOf(c.req.param("id"), "The hearing");
    const body = (await c.req.parseBody()) as Body;
    await responseAttacher(c.get("ctx"), { hearingId: id, responseId: str(body, "responseId") });
    return c.redirect(link(`${HEARINGS_PATH}/${id}?besked=tilknyttet`), 303);
  });

  const emptyRegister = (): RegisterValues => ({
    respondentKind: "organisation",
    fromCommitteeCode: "",
    fromName: "",
    text: "",
    sections: [],
    consent: false,
    receivedOn: "",
    published: false,
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
    return c.html(registerResponsePage(pageFor(c), detail, committees, emptyRegister()));
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
    const body = (await c.req.parseBody({ all: true })) as Body;
    const values: RegisterValues = {
      respondentKind: str(body, "respondentKind"),
      fromCommitteeCode: str(body, "fromCommitteeCode"),
      fromName: str(body, "fromName"),
      text: str(body, "text"),
      sections: strings(body, "sections"),
      consent: str(body, "consent") === "yes",
      receivedOn: str(body, "receivedOn"),
      published: str(body, "published") === "yes",
    };
    try {
      await hearingResponseRegistrar(ctx, {
        hearingId: detail.hearing.id,
        respondentKind: values.respondentKind as "citizen",
        fromCommitteeCode: values.fromCommitteeCode || undefined,
        fromName: values.fromName || undefined,
        text: values.text,
        sections: values.sections,
        consentToPublishName: values.consent,
        receivedOn: values.receivedOn || undefined,
        published: values.published,
      });
      return c.redirect(link(`${HEARINGS_PATH}/${detail.hearing.id}?besked=registreret`), 303);
    } catch (error) {
      const errors = errorsOf(error, registerMessages);
      if (!errors) throw error;
      const { committees } = await hearingFormOptions(ctx);
      return c.html(registerResponsePage(pageFor(c), detail, committees, values, errors), 400);
    }
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
    const published = str((await c.req.parseBody()) as Body, "published") === "yes";
    await responsePublisher(c.get("ctx"), { hearingId: id, responseId: rid, published });
    return c.redirect(link(responseUrl(id, rid, published ? "offentliggjort" : "tilbagetrukket")), 303);
  });

  app.post("/hoeringer/:id/svar/:rid/kommentar", async (c) => {
    const id = idOf(c.req.param("id"), "The hearing");
    const rid = idOf(c.req.param("rid"), "The hearing response");
    const body = (await c.req.parseBody()) as Body;
    await responseCommenter(c.get("ctx"), {
      hearingId: id,
      responseId: rid,
      version: Number(str(body, "version")),
      comment: str(body, "comment"),
    });
    return c.redirect(link(responseUrl(id, rid, "kommenteret")), 303);
  });

  app.post("/hoeringer/:id/svar/:rid/slet-persondata", async (c) => {
    const ctx = c.get("ctx");
    const id = idOf(c.req.param("id"), "The hearing");
    const rid = idOf(c.req.param("rid"), "The hearing response");
    const body = (await c.req.parseBody()) as Body;
    if (str(body, "confirm") !== "yes") {
      const response = await responseForStaff(ctx, id, rid);
      const detail = await hearingDetail(ctx, id);
      return c.html(
        responsePage(pageFor(c), detail, response, {
          error: "Sæt kryds for at bekræfte, at personoplysningerne skal slettes.",
        }),
        400,
      );
    }
    await responseEraser(
      ctx,
      { hearingId: id, responseId: rid, reason: str(body, "reason") || undefined },
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
