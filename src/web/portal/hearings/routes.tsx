// Public hearing pages: the draft policy and the response form. The response
// POST (body size and text already checked by the input boundary): rate limit
// per client address → form token → honeypot
// → validation (Danish field errors) → attachment check → command → 303 to the
// thank-you page (PRG). Pages carrying a form token set a cookie, so the render
// cache does not keep them.

import { type Context, Hono } from "hono";
import { z } from "zod";
import { randomToken } from "../../../auth/tokens.ts";
import { type CheckedAttachment, checkAttachment } from "../../../commands/hearings/attachment.ts";
import {
  acceptsResponses,
  MAX_RESPONSE_CHARS,
  publicResponseSchema,
  publicResponseSubmitter,
  todayIso,
} from "../../../commands/hearings/publicResponseSubmitter.ts";
import { hearingSubmissionCounter } from "../../../commands/hearings/submissionCounter.ts";
import { AppError, isAppError, notFound } from "../../../errors.ts";
import type { AppDeps, AppEnv } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import { clientAddress } from "../../../http/proxy.ts";
import { organisationName } from "../../../http/tenancy.ts";
import { tooLarge, uploadLimitBytes } from "../../../http/upload.ts";
import { loadHearingDetail, publicHearings } from "../../../queries/hearings/hearings.ts";
import { responsesOf } from "../../../queries/hearings/responses.ts";
import { renderToString } from "../../../render.ts";
import { formToken, HONEYPOT_FIELD, TOKEN_FIELD, validFormToken } from "./formGuard.ts";
import {
  emptyForm,
  hearingPage,
  hearingsListPage,
  type ResponseFormValues,
  rateLimitedPage,
  thanksPage,
} from "./hearingPage.tsx";

const uuid = z.uuid();

const tokenError = () =>
  new AppError("forbidden", "The form's security token is missing or out of date.", {
    danish: "Formularens sikkerhedsnøgle mangler eller er udløbet. Genindlæs siden, og prøv igen.",
  });

function fieldErrors(values: ResponseFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!["citizen", "organisation", "council"].includes(values.respondentKind))
    errors.respondentKind = "Vælg, hvem du svarer som.";
  if (!values.fromName.trim()) errors.fromName = "Skriv dit navn eller din organisations navn.";
  else if (values.fromName.trim().length > 200) errors.fromName = "Navnet må højst være 200 tegn.";
  if (values.contactEmail.trim() && !z.email().safeParse(values.contactEmail.trim()).success)
    errors.contactEmail = "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk, eller lad feltet være tomt.";
  if (!values.text.trim()) errors.text = "Skriv dit høringssvar.";
  else if (values.text.trim().length > MAX_RESPONSE_CHARS)
    errors.text = `Høringssvaret må højst være ${MAX_RESPONSE_CHARS.toLocaleString("da-DK")} tegn.`;
  return errors;
}

export function publicHearingRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const secret = deps.secret ?? randomToken();
  const limitBytes = uploadLimitBytes(deps.uploadLimitMb);
  const limitMb = Math.round((limitBytes / 1024 / 1024) * 10) / 10;
  // Through c.html, so the form token's cookie (set on c) goes out with the page.
  const html = async (c: Context<AppEnv>, node: unknown, status = 200) =>
    c.html(await renderToString(node), status as 200);

  async function loadPublic(c: { get(k: "ctx"): AppEnv["Variables"]["ctx"] }, id: string) {
    if (!uuid.safeParse(id).success) throw notFound("The hearing");
    const detail = await loadHearingDetail(c.get("ctx"), id);
    // A hearing not yet opened is not public.
    if (!detail || detail.hearing.state === "draft") throw notFound("The hearing");
    return detail;
  }

  app.get("/hoeringer", async (c) =>
    html(
      c,
      hearingsListPage({ organisation: organisationName(c), hearings: await publicHearings(c.get("ctx")) }),
    ),
  );

  app.get("/hoeringer/:id", async (c) => {
    const detail = await loadPublic(c, c.req.param("id"));
    const open = acceptsResponses(detail.hearing, todayIso());
    const token = open ? await formToken(c, secret) : "";
    const responses = await responsesOf(c.get("ctx"), detail.hearing.id, { audience: "public" });
    const page = hearingPage({
      organisation: organisationName(c),
      detail,
      open,
      responses,
      token,
      values: emptyForm,
      errors: {},
      limitMb,
    });
    c.header("Cache-Control", "no-store");
    return html(c, page);
  });

  app.get("/hoeringer/:id/tak", async (c) => {
    const detail = await loadPublic(c, c.req.param("id"));
    return html(c, thanksPage({ organisation: organisationName(c), hearing: detail.hearing }));
  });

  app.post(
    "/hoeringer/:id",
    async (c, next) => {
      // Count first: even a refused request uses up the address's allowance.
      const ctx = c.get("ctx");
      if (await hearingSubmissionCounter(ctx, clientAddress(c))) {
        c.header("Retry-After", "3600");
        return html(
          c,
          rateLimitedPage({ organisation: organisationName(c), hearingId: c.req.param("id") }),
          429,
        );
      }
      return next();
    },
    async (c) => {
      const ctx = c.get("ctx");
      const detail = await loadPublic(c, c.req.param("id"));
      const hearingId = detail.hearing.id;
      const body = await c.req.parseBody({ all: true });
      const one = (name: string) => {
        const v = body[name];
        const first = Array.isArray(v) ? v[0] : v;
        return typeof first === "string" ? first : "";
      };
      if (!(await validFormToken(c, secret, one(TOKEN_FIELD)))) throw tokenError();
      // A filled honeypot is a bot: it gets the same answer as a person, and nothing is stored.
      if (one(HONEYPOT_FIELD).trim()) return c.redirect(link(`/hoeringer/${hearingId}/tak`), 303);
      const open = acceptsResponses(detail.hearing, todayIso());
      if (!open)
        throw new AppError("invalid_state", "The hearing is closed.", {
          danish: "Høringen er afsluttet. Der kan ikke længere indsendes høringssvar.",
        });

      const rawSections = body.sections;
      const values: ResponseFormValues = {
        respondentKind: one("respondentKind"),
        fromName: one("fromName"),
        contactEmail: one("contactEmail"),
        text: one("text"),
        sections: (Array.isArray(rawSections) ? rawSections : rawSections ? [rawSections] : []).filter(
          (s): s is string => typeof s === "string",
        ),
        consent: one("consent") === "yes",
      };
      const errors = fieldErrors(values);
      let attachment: CheckedAttachment | undefined;
      const file = Array.isArray(body.attachment) ? body.attachment[0] : body.attachment;
      let status = 400;
      if (file instanceof File && file.size > 0) {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          if (bytes.length > limitBytes) throw tooLarge(limitBytes);
          attachment = await checkAttachment(bytes, limitBytes);
        } catch (error) {
          if (!isAppError(error) || error.status >= 500) throw error;
          errors.attachment =
            error.id === "too_large"
              ? `Bilaget er for stort. Det må højst være ${String(limitMb).replace(".", ",")} MB.`
              : "Bilaget kan ikke læses. Vedhæft en PDF-, Word- (DOCX) eller tekstfil.";
          if (error.id === "too_large") status = 413;
        }
      }
      const input = {
        hearingId,
        respondentKind: values.respondentKind as "citizen",
        fromName: values.fromName,
        contactEmail: values.contactEmail.trim() || undefined,
        text: values.text,
        sections: values.sections,
        consentToPublishName: values.consent,
      };
      if (Object.keys(errors).length === 0 && !publicResponseSchema.safeParse(input).success)
        errors.text = "Høringssvaret kunne ikke modtages. Kontrollér felterne.";
      if (Object.keys(errors).length > 0) {
        const responses = await responsesOf(ctx, hearingId, { audience: "public" });
        const token = await formToken(c, secret);
        c.header("Cache-Control", "no-store");
        return html(
          c,
          hearingPage({
            organisation: organisationName(c),
            detail,
            open,
            responses,
            token,
            values,
            errors,
            limitMb,
          }),
          Object.keys(errors).length === 1 && errors.attachment ? status : 400,
        );
      }
      try {
        await publicResponseSubmitter(ctx, input, { attachment, storeDir: deps.uploadDir });
      } catch (error) {
        if (isAppError(error) && error.id === "validation_failed") {
          const responses = await responsesOf(ctx, hearingId, { audience: "public" });
          const token = await formToken(c, secret);
          return html(
            c,
            hearingPage({
              organisation: organisationName(c),
              detail,
              open,
              responses,
              token,
              values,
              errors: { sections: "Vælg blandt de viste mål og afsnit." },
              limitMb,
            }),
            400,
          );
        }
        throw error;
      }
      return c.redirect(link(`/hoeringer/${hearingId}/tak`), 303);
    },
  );

  return app;
}
