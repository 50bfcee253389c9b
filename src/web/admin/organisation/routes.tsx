// The admin's own pages (admins only; for anyone else a 404): administrations
// and committees under /admin/organisation, settings under /admin/indstillinger.
// Thin routes: parse the form (schema.ts) → command or query → page or redirect (PRG);
// conflicts shown on the page.
import { Hono, type Context as HonoContext, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { can } from "../../../authz/can.ts";
import { councilNameSaver } from "../../../commands/organisation/councilNameSaver.ts";
import { settingSaver } from "../../../commands/organisation/settingSaver.ts";
import { settingDefinition } from "../../../commands/organisation/settings.ts";
import { unitDeleter } from "../../../commands/organisation/unitDeleter.ts";
import { unitSaver } from "../../../commands/organisation/unitSaver.ts";
import { AppError, isAppError } from "../../../errors.ts";
import { type AppDeps, suppressionThresholdOf } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import { councilNameOf } from "../../../organisation.ts";
import { organisationSettings } from "../../../queries/organisation/settings.ts";
import { organisationUnit, organisationUnits, type UnitKind } from "../../../queries/organisation/units.ts";
import type { FieldError } from "../../components/ErrorSummary.tsx";
import { type FieldErrors, type FormBody, formInput, parseForm, refusedFields } from "../form.ts";
import type { AdminPageFor } from "../routes.tsx";
import { COUNCIL_FIELD_ID, COUNCIL_PATH, settingFieldId, settingsPage } from "./pages/settingsPage.tsx";
import {
  kindText,
  ORGANISATION,
  organisationPage,
  SETTINGS,
  unitHref,
  unitPage,
} from "./pages/unitPages.tsx";
import { councilForm, notices, settingForm, settingKeyOf, unitDeleteForm, unitForm } from "./schema.ts";

/** A unit form's errors by the ids its fields carry on the page (prefixed by kind). */
const unitErrors = (kind: UnitKind, errors: FieldErrors): FieldError[] =>
  Object.entries(errors).map(([field, message]) => ({
    fieldId: `${kindText[kind].prefix}-${field}`,
    message,
  }));

/** A unit save's refusal the page explains: a duplicate code beside the code, or invalid input. */
function unitRefusal(kind: UnitKind, form: ReturnType<typeof unitForm>, error: unknown) {
  if (isAppError(error) && error.id === "duplicate")
    return { errors: unitErrors(kind, { code: error.danish }), status: 409 as const };
  const refused = refusedFields(form, error);
  return refused ? { errors: unitErrors(kind, refused), status: 400 as const } : null;
}

export function organisationRoutes(deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  const threshold = suppressionThresholdOf(deps);

  const adminOnly: MiddlewareHandler<AuthEnv> = async (c, next) => {
    if (!can(c.get("ctx").actor, "manage", { entity: "organisation" }))
      throw new AppError("not_found", "Not found.");
    await next();
  };
  for (const path of [ORGANISATION, `${ORGANISATION}/*`, SETTINGS, `${SETTINGS}/*`])
    app.use(path.replace(/^\/admin/, ""), adminOnly);

  const notice = (c: HonoContext<AuthEnv>) => notices[c.req.query("besked") ?? ""];
  const body = async (c: HonoContext<AuthEnv>) => (await c.req.parseBody({ all: true })) as FormBody;

  app.get("/organisation", async (c) =>
    c.html(organisationPage(pageFor(c), { ...(await organisationUnits(c.get("ctx"))), notice: notice(c) })),
  );

  for (const kind of ["administration", "committee"] as const) {
    const base = `/organisation/${kindText[kind].path}`;
    const unitId = (raw: string) => {
      const parsed = z.uuid().safeParse(raw);
      if (!parsed.success) throw new AppError("not_found", "Not found.");
      return parsed.data;
    };

    app.post(base, async (c) => {
      const ctx = c.get("ctx");
      const form = unitForm(kind);
      const parsed = parseForm(form, await body(c));
      const values = { code: parsed.values.code, name: parsed.values.name };
      let refusal: ReturnType<typeof unitRefusal> = parsed.ok
        ? null
        : { errors: unitErrors(kind, parsed.errors), status: 400 };
      if (parsed.ok) {
        try {
          await unitSaver(ctx, kind, parsed.input);
          return c.redirect(link(`${ORGANISATION}?besked=tilfoejet`), 303);
        } catch (error) {
          refusal = unitRefusal(kind, form, error);
          if (!refusal) throw error;
        }
      }
      return c.html(
        organisationPage(pageFor(c), {
          ...(await organisationUnits(ctx)),
          failed: { kind, values, errors: refusal?.errors ?? [] },
        }),
        refusal?.status ?? 400,
      );
    });

    app.get(`${base}/:id`, async (c) => {
      const unit = await organisationUnit(c.get("ctx"), kind, unitId(c.req.param("id")));
      return c.html(unitPage(pageFor(c), { kind, unit, notice: notice(c) }));
    });

    app.post(`${base}/:id`, async (c) => {
      const ctx = c.get("ctx");
      const id = unitId(c.req.param("id"));
      await organisationUnit(ctx, kind, id);
      const form = unitForm(kind, id);
      const parsed = parseForm(form, await body(c));
      const values = { code: parsed.values.code, name: parsed.values.name };
      const again = async (extra: { errors?: FieldError[]; conflict?: boolean }, status: 400 | 409) =>
        c.html(
          unitPage(pageFor(c), { kind, unit: await organisationUnit(ctx, kind, id), values, ...extra }),
          status,
        );
      if (!parsed.ok) return again({ errors: unitErrors(kind, parsed.errors) }, 400);
      try {
        await unitSaver(ctx, kind, parsed.input);
      } catch (error) {
        if (isAppError(error) && error.id === "stale_version") return again({ conflict: true }, 409);
        const refusal = unitRefusal(kind, form, error);
        if (!refusal) throw error;
        return again({ errors: refusal.errors }, refusal.status);
      }
      return c.redirect(link(`${unitHref(kind, id)}?besked=gemt`), 303);
    });

    app.post(`${base}/:id/slet`, async (c) => {
      const ctx = c.get("ctx");
      const id = unitId(c.req.param("id"));
      try {
        await unitDeleter(ctx, kind, formInput(unitDeleteForm(id), await body(c)));
      } catch (error) {
        // Stale or in use: the page shows what is stored now and why it stays.
        if (isAppError(error) && (error.id === "stale_version" || error.id === "invalid_state"))
          return c.html(
            unitPage(pageFor(c), {
              kind,
              unit: await organisationUnit(ctx, kind, id),
              conflict: error.id === "stale_version",
            }),
            409,
          );
        throw error;
      }
      return c.redirect(link(`${ORGANISATION}?besked=slettet`), 303);
    });
  }

  const showSettings = async (
    c: HonoContext<AuthEnv>,
    extra: Omit<Parameters<typeof settingsPage>[1], "settings" | "council" | "suppressionThreshold"> = {},
    status: 200 | 400 | 409 = 200,
  ) =>
    c.html(
      settingsPage(pageFor(c), {
        settings: await organisationSettings(c.get("ctx")),
        council: await councilNameOf(c.get("ctx").db, c.get("ctx").organisationId),
        suppressionThreshold: threshold,
        ...extra,
      }),
      status,
    );

  app.get("/indstillinger", (c) => showSettings(c, { notice: notice(c) }));

  app.post(COUNCIL_PATH.replace(/^\/admin/, ""), async (c) => {
    const parsed = parseForm(councilForm, await body(c));
    const failed = (errors: FieldErrors, conflict?: boolean) => ({
      value: parsed.values.councilName,
      errors: Object.values(errors).map((message) => ({ fieldId: COUNCIL_FIELD_ID, message })),
      conflict,
    });
    if (!parsed.ok) return showSettings(c, { failedCouncil: failed(parsed.errors) }, 400);
    try {
      await councilNameSaver(c.get("ctx"), parsed.input);
    } catch (error) {
      if (isAppError(error) && error.id === "stale_version")
        return showSettings(c, { failedCouncil: failed({}, true) }, 409);
      const refused = refusedFields(councilForm, error);
      if (!refused) throw error;
      return showSettings(c, { failedCouncil: failed(refused) }, 400);
    }
    return c.redirect(link(`${SETTINGS}?besked=gemt`), 303);
  });

  app.post("/indstillinger", async (c) => {
    const sent = await body(c);
    const key = settingKeyOf(sent);
    const def = settingDefinition(key);
    if (!def) throw new AppError("validation_failed", `Unknown setting ${key}.`);
    const form = settingForm(def);
    const parsed = parseForm(form, sent);
    const failed = (errors: FieldErrors, conflict?: boolean) => ({
      key,
      value: parsed.values.value,
      errors: Object.entries(errors).map(([, message]) => ({ fieldId: settingFieldId(key), message })),
      conflict,
    });
    if (!parsed.ok) return showSettings(c, { failed: failed(parsed.errors) }, 400);
    try {
      await settingSaver(c.get("ctx"), parsed.input);
    } catch (error) {
      if (isAppError(error) && error.id === "stale_version")
        return showSettings(c, { failed: failed({}, true) }, 409);
      const refused = refusedFields(form, error);
      if (!refused) throw error;
      return showSettings(c, { failed: failed(refused) }, 400);
    }
    return c.redirect(link(`${SETTINGS}?besked=gemt`), 303);
  });

  return app;
}
