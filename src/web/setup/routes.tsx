// The first set-up of an installation in the browser. While the database holds
// no organisation, "/" leads to the set-up form; once one exists the form is
// gone (404) and "/" is the municipality's portal. Thin: access and CSRF →
// read the form → installationSetup (the CLI's organisation and user commands).
import { Hono } from "hono";
import { installationSetup } from "../../commands/organisation/installationSetup.ts";
import { systemActor } from "../../context.ts";
import { isAppError, notFound } from "../../errors.ts";
import type { AppDeps, AppEnv } from "../../http/appEnv.ts";
import { checkLoginCsrf, loginCsrfToken } from "../../http/csrf.ts";
import type { OrganisationDirectory } from "../../http/tenancy.ts";
import { isLocalRequest, setupCodeMatches } from "./access.ts";
import { setupErrors } from "./setupErrors.ts";
import { addRowRequest, emptySetupForm, MAX_ROWS, readSetupForm, type SetupForm } from "./setupForm.ts";
import { SETUP_PATH, setupDonePage, setupPage } from "./setupPage.tsx";
import { gatherUnits } from "./setupUnits.ts";

export function setupRoutes(deps: AppDeps & { secret: string }, directory: OrganisationDirectory) {
  const app = new Hono<AppEnv>();
  // Only at the root of an installation without organisations.
  const open = async (c: { get(key: "basePath"): string }) =>
    c.get("basePath") === "" && (await directory.all()).length === 0;

  app.get("/", async (c, next) => ((await open(c)) ? c.redirect(SETUP_PATH, 303) : next()));

  app.get(SETUP_PATH, async (c) => {
    if (!(await open(c))) throw notFound("The page");
    const csrf = await loginCsrfToken(c, deps.secret, SETUP_PATH);
    return c.html(setupPage({ csrf, form: emptySetupForm(), askCode: !isLocalRequest(c) }));
  });

  app.post(SETUP_PATH, async (c) => {
    if (!(await open(c))) throw notFound("The page");
    await checkLoginCsrf(c, deps.secret);
    const csrf = await loginCsrfToken(c, deps.secret, SETUP_PATH);
    const askCode = !isLocalRequest(c);
    const body = await c.req.parseBody({ all: true });
    const { form, password, code } = readSetupForm(body);
    const again = (f: SetupForm, errors = setupErrors.none, status: 200 | 400 | 403 = 400) =>
      c.html(setupPage({ csrf, form: f, askCode, errors }), status);

    if (askCode && !setupCodeMatches(code, deps.setupCode))
      return again(form, [{ fieldId: "setup-code", message: setupErrors.wrongCode(!!code) }], 403);

    const adding = addRowRequest(body);
    if (adding) {
      const grown = form[adding].length < MAX_ROWS ? [...form[adding], { code: "", name: "" }] : form[adding];
      return again({ ...form, [adding]: grown }, setupErrors.none, 200);
    }

    const units = await gatherUnits(body, form);
    if (!units.ok) return again(form, units.errors);
    try {
      const done = await installationSetup(
        { db: deps.database.db, actor: systemActor("setup") },
        {
          organisation: {
            name: form.name,
            slug: form.slug || undefined,
            administrations: units.administrations,
            committees: units.committees,
          },
          admin: { name: form.adminName, email: form.adminEmail, password },
        },
      );
      deps.logger.info({ organisation: done.organisation.slug }, "set-up done in the browser");
      return c.html(
        setupDonePage({
          organisation: done.organisation.name,
          admin: done.admin.name,
          loginHref: "/admin/login",
        }),
      );
    } catch (error) {
      if (!isAppError(error) || error.id !== "validation_failed") throw error;
      return again(form, setupErrors.fromValidation(error, units));
    }
  });

  return app;
}
