// The admin's own pages (admins only; for anyone else a 404): administrations
// and committees under /admin/organisation, settings under /admin/indstillinger.
// Thin: form → Danish field checks → command; conflicts shown on the page.
import { Hono, type Context as HonoContext, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { can } from "../../../authz/can.ts";
import { settingSaver } from "../../../commands/organisation/settingSaver.ts";
import { settingDefinition } from "../../../commands/organisation/settings.ts";
import { unitDeleter } from "../../../commands/organisation/unitDeleter.ts";
import { unitSaver } from "../../../commands/organisation/unitSaver.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../../../domain/suppression.ts";
import { AppError, isAppError } from "../../../errors.ts";
import type { AppDeps } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import {
  organisationSettings,
  organisationUnit,
  organisationUnits,
  type UnitKind,
} from "../../../queries/adminOrganisation.ts";
import type { FieldError } from "../../components/ErrorSummary.tsx";
import type { AdminPageFor } from "../routes.tsx";
import { settingFieldId, settingsPage } from "./settingsPage.tsx";
import {
  kindText,
  ORGANISATION,
  organisationPage,
  SETTINGS,
  type UnitValues,
  unitHref,
  unitPage,
} from "./unitPages.tsx";

const field = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === "string" ? (body[name] as string).trim() : "";

const CODE = /^[A-ZÆØÅ0-9]{2,10}$/u;

/** Code and name checked in Danish before the command sees them. */
function unitErrors(kind: UnitKind, v: UnitValues): FieldError[] {
  const prefix = kindText[kind].prefix;
  const errors: FieldError[] = [];
  if (!CODE.test(v.code))
    errors.push({
      fieldId: `${prefix}-code`,
      message: `Skriv en kode på 2–10 bogstaver eller tal, fx ${kindText[kind].example}.`,
    });
  if (v.name.length < 2 || v.name.length > 200)
    errors.push({ fieldId: `${prefix}-name`, message: `Skriv ${kindText[kind].definite}s navn.` });
  return errors;
}

const unitValues = (body: Record<string, unknown>): UnitValues => ({
  code: field(body, "code").toUpperCase(),
  name: field(body, "name"),
});

const notices: Record<string, string> = {
  tilfoejet: "Tilføjet.",
  gemt: "Ændringen er gemt.",
  slettet: "Slettet.",
};

export function organisationRoutes(deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();
  const threshold = deps.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;

  const adminOnly: MiddlewareHandler<AuthEnv> = async (c, next) => {
    if (!can(c.get("ctx").actor, "manage", { entity: "organisation" }))
      throw new AppError("not_found", "Not found.");
    await next();
  };
  for (const path of [ORGANISATION, `${ORGANISATION}/*`, SETTINGS, `${SETTINGS}/*`])
    app.use(path.replace(/^\/admin/, ""), adminOnly);

  const notice = (c: HonoContext<AuthEnv>) => notices[c.req.query("besked") ?? ""];

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
    const version = (body: Record<string, unknown>) => {
      const n = Number(field(body, "version"));
      if (!Number.isInteger(n) || n < 1) throw new AppError("validation_failed", "Invalid version.");
      return n;
    };

    app.post(base, async (c) => {
      const ctx = c.get("ctx");
      const values = unitValues(await c.req.parseBody());
      const again = async (errors: FieldError[], status: 400 | 409) =>
        c.html(
          organisationPage(pageFor(c), {
            ...(await organisationUnits(ctx)),
            failed: { kind, values, errors },
          }),
          status,
        );
      const errors = unitErrors(kind, values);
      if (errors.length) return again(errors, 400);
      try {
        await unitSaver(ctx, kind, values);
      } catch (error) {
        if (isAppError(error) && error.id === "duplicate")
          return again([{ fieldId: `${kindText[kind].prefix}-code`, message: error.danish }], 409);
        throw error;
      }
      return c.redirect(link(`${ORGANISATION}?besked=tilfoejet`), 303);
    });

    app.get(`${base}/:id`, async (c) => {
      const unit = await organisationUnit(c.get("ctx"), kind, unitId(c.req.param("id")));
      return c.html(unitPage(pageFor(c), { kind, unit, notice: notice(c) }));
    });

    app.post(`${base}/:id`, async (c) => {
      const ctx = c.get("ctx");
      const id = unitId(c.req.param("id"));
      await organisationUnit(ctx, kind, id);
      const body = await c.req.parseBody();
      const values = unitValues(body);
      const again = async (extra: { errors?: FieldError[]; conflict?: boolean }, status: 400 | 409) =>
        c.html(
          unitPage(pageFor(c), { kind, unit: await organisationUnit(ctx, kind, id), values, ...extra }),
          status,
        );
      const errors = unitErrors(kind, values);
      if (errors.length) return again({ errors }, 400);
      try {
        await unitSaver(ctx, kind, { id, version: version(body), ...values });
      } catch (error) {
        if (isAppError(error) && error.id === "duplicate")
          return again(
            { errors: [{ fieldId: `${kindText[kind].prefix}-code`, message: error.danish }] },
            409,
          );
        if (isAppError(error) && error.id === "stale_version") return again({ conflict: true }, 409);
        throw error;
      }
      return c.redirect(link(`${unitHref(kind, id)}?besked=gemt`), 303);
    });

    app.post(`${base}/:id/slet`, async (c) => {
      const ctx = c.get("ctx");
      const id = unitId(c.req.param("id"));
      try {
        await unitDeleter(ctx, kind, { id, version: version(await c.req.parseBody()) });
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
    extra: Omit<Parameters<typeof settingsPage>[1], "settings" | "suppressionThreshold"> = {},
    status: 200 | 400 | 409 = 200,
  ) =>
    c.html(
      settingsPage(pageFor(c), {
        settings: await organisationSettings(c.get("ctx")),
        suppressionThreshold: threshold,
        ...extra,
      }),
      status,
    );

  app.get("/indstillinger", (c) => showSettings(c, { notice: notice(c) }));

  app.post("/indstillinger", async (c) => {
    const body = await c.req.parseBody();
    const key = field(body, "key");
    const def = settingDefinition(key);
    if (!def) throw new AppError("validation_failed", `Unknown setting ${key}.`);
    const raw = field(body, "value");
    const value = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= def.min && value <= def.max))
      return showSettings(
        c,
        {
          failed: {
            key,
            value: raw,
            errors: [
              {
                fieldId: settingFieldId(key),
                message: `${def.label}: skriv et helt tal fra ${def.min} til ${def.max}.`,
              },
            ],
          },
        },
        400,
      );
    try {
      await settingSaver(c.get("ctx"), { key, value, version: Number(field(body, "version")) });
    } catch (error) {
      if (isAppError(error) && error.id === "stale_version")
        return showSettings(c, { failed: { key, value: raw, errors: [], conflict: true } }, 409);
      throw error;
    }
    return c.redirect(link(`${SETTINGS}?besked=gemt`), 303);
  });

  return app;
}
