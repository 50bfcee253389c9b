// User management (admins only; for anyone else a 404): accounts, roles and
// administrations, disabling, and new one-time passwords.
// Thin routes: parse the form (schema.ts) → command or query → page or redirect.
import { Hono, type Context as HonoContext, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AuthEnv } from "../../../auth/middleware.ts";
import { generatePassword } from "../../../auth/password.ts";
import { can } from "../../../authz/can.ts";
import { passwordResetter } from "../../../commands/passwordResetter.ts";
import { userCreator } from "../../../commands/userCreator.ts";
import { roleAssigner } from "../../../commands/users/roleAssigner.ts";
import { userDisabler } from "../../../commands/users/userDisabler.ts";
import { actorId } from "../../../context.ts";
import { roles } from "../../../domain/enums.ts";
import { AppError, isAppError } from "../../../errors.ts";
import type { AppDeps } from "../../../http/appEnv.ts";
import { link } from "../../../http/links.ts";
import { administrationChoices } from "../../../queries/organisation/units.ts";
import { userForAdmin, usersForAdmin } from "../../../queries/users.ts";
import { errorList, type FormBody, parseForm, refusedFields } from "../form.ts";
import type { AdminPageFor } from "../routes.tsx";
import { USERS, userPage, usersPage } from "./pages/userPages.tsx";
import { emailTaken, newUserForm, roleForm } from "./schema.ts";

const body = async (c: HonoContext<AuthEnv>) => (await c.req.parseBody({ all: true })) as FormBody;

export function userRoutes(_deps: AppDeps, pageFor: AdminPageFor) {
  const app = new Hono<AuthEnv>();

  const adminOnly: MiddlewareHandler<AuthEnv> = async (c, next) => {
    if (!can(c.get("ctx").actor, "manage", { entity: "user" })) throw new AppError("not_found", "Not found.");
    await next();
  };
  app.use("/brugere", adminOnly);
  app.use("/brugere/*", adminOnly);

  const userId = (raw: string) => {
    const parsed = z.uuid().safeParse(raw);
    if (!parsed.success) throw new AppError("not_found", "No such user.");
    return parsed.data;
  };

  app.get("/brugere", async (c) => {
    const ctx = c.get("ctx");
    const [users, admins] = await Promise.all([usersForAdmin(ctx), administrationChoices(ctx)]);
    // From the round board's "Tilføj en indberetter": the form starts with that role and administration.
    const role = c.req.query("rolle") ?? "";
    const administration = c.req.query("forvaltning") ?? "";
    const values =
      (roles as readonly string[]).includes(role) &&
      (!administration || admins.some((a) => a.code === administration))
        ? { name: "", email: "", role, administration }
        : undefined;
    return c.html(usersPage(pageFor(c), { users, admins, values }));
  });

  app.post("/brugere", async (c) => {
    const ctx = c.get("ctx");
    const password = generatePassword();
    const form = newUserForm(password);
    const parsed = parseForm(form, await body(c));
    const admins = await administrationChoices(ctx);
    const values = parsed.values;
    const again = async (errors: Record<string, string>, status: 400 | 409) =>
      c.html(
        usersPage(pageFor(c), { users: await usersForAdmin(ctx), admins, values, errors: errorList(errors) }),
        status,
      );
    if (!parsed.ok) return again(parsed.errors, 400);
    try {
      await userCreator(ctx, parsed.input);
    } catch (error) {
      if (isAppError(error) && error.id === "duplicate") return again({ email: emailTaken }, 409);
      const refused = refusedFields(form, error);
      if (!refused) throw error;
      return again(refused, 400);
    }
    return c.html(
      usersPage(pageFor(c), {
        users: await usersForAdmin(ctx),
        admins,
        created: { name: values.name, password },
      }),
      201,
    );
  });

  const show = async (
    c: HonoContext<AuthEnv>,
    id: string,
    extra: Omit<Parameters<typeof userPage>[1], "user" | "admins" | "self"> = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const ctx = c.get("ctx");
    const [user, admins] = await Promise.all([userForAdmin(ctx, id), administrationChoices(ctx)]);
    const self = user.id === actorId(ctx.actor);
    return c.html(userPage(pageFor(c), { user, admins, self, ...extra }), status);
  };

  app.get("/brugere/:id", async (c) => {
    const notice = c.req.query("gemt") === "1" ? "Ændringen er gemt." : undefined;
    return show(c, userId(c.req.param("id")), { notice });
  });

  app.post("/brugere/:id/rolle", async (c) => {
    const ctx = c.get("ctx");
    const id = userId(c.req.param("id"));
    await userForAdmin(ctx, id);
    const form = roleForm(id);
    const parsed = parseForm(form, await body(c));
    const values = parsed.values;
    if (!parsed.ok) return show(c, id, { values, errors: errorList(parsed.errors) }, 400);
    try {
      await roleAssigner(ctx, parsed.input);
    } catch (error) {
      if (isAppError(error) && error.id === "invalid_state")
        return show(c, id, { problem: error.danish }, 409);
      const refused = refusedFields(form, error);
      if (!refused) throw error;
      return show(c, id, { values, errors: errorList(refused) }, 400);
    }
    return c.redirect(link(`${USERS}/${id}?gemt=1`), 303);
  });

  for (const [path, disabled] of [
    ["deaktiver", true],
    ["aktiver", false],
  ] as const)
    app.post(`/brugere/:id/${path}`, async (c) => {
      const id = userId(c.req.param("id"));
      try {
        await userDisabler(c.get("ctx"), { userId: id, disabled });
      } catch (error) {
        if (isAppError(error) && error.id === "invalid_state")
          return show(c, id, { problem: error.danish }, 409);
        throw error;
      }
      return c.redirect(link(`${USERS}/${id}?gemt=1`), 303);
    });

  app.post("/brugere/:id/adgangskode", async (c) => {
    const ctx = c.get("ctx");
    const id = userId(c.req.param("id"));
    const user = await userForAdmin(ctx, id);
    const password = generatePassword();
    await passwordResetter(ctx, { email: user.email, password });
    return show(c, id, {
      password,
      notice: "Der er lavet en ny adgangskode. Brugeren er logget ud alle steder.",
    });
  });

  return app;
}
