// Log in and log out. Thin: CSRF and Origin check → zod → sessionCreator /
// sessionDestroyer → cookie and redirect.
import { Hono } from "hono";
import { z } from "zod";
import { type AuthEnv, clearSessionCookie, setSessionCookie } from "../../../auth/middleware.ts";
import { sessionCreator } from "../../../commands/sessionCreator.ts";
import { sessionDestroyer } from "../../../commands/sessionDestroyer.ts";
import { checkLoginCsrf, loginCsrfToken } from "../../../http/csrf.ts";
import { link } from "../../../http/links.ts";
import { clientAddress } from "../../../http/proxy.ts";
import { organisationName } from "../../../http/tenancy.ts";
import type { FieldError } from "../../components/ErrorSummary.tsx";
import { LOGIN_MESSAGES, loginPage } from "./pages/loginPage.tsx";

/**
 * Only a path inside the admin may be a redirect target (no open redirect, ASVS
 * 5.1.5). It is the path without the organisation's prefix; link() adds it.
 */
export function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/admin(\/[\w\-./?=&%]*)?$/.test(next) && !next.includes("//")
    ? next
    : "/admin";
}

const loginForm = z.object({
  email: z.string().trim().max(320).default(""),
  password: z.string().max(1000).default(""),
  next: z.string().max(500).optional(),
});

export function loginRoutes(opts: { secret: string }) {
  const app = new Hono<AuthEnv>();
  const { secret } = opts;

  app.get("/login", async (c) => {
    if (c.get("user")) return c.redirect(link(safeNext(c.req.query("next"))), 303);
    const csrf = await loginCsrfToken(c, secret);
    const next = c.req.query("next");
    return c.html(
      loginPage({
        organisation: organisationName(c),
        csrf,
        next: next ? safeNext(next) : undefined,
        loggedOut: c.req.query("logget-ud") === "1",
        expired: !!next,
      }),
    );
  });

  app.post("/login", async (c) => {
    await checkLoginCsrf(c, secret);
    const form = loginForm.parse(await c.req.parseBody());
    const csrf = await loginCsrfToken(c, secret);
    const errors: FieldError[] = [];
    if (!form.email) errors.push({ fieldId: "email", message: LOGIN_MESSAGES.missingEmail });
    if (!form.password) errors.push({ fieldId: "password", message: LOGIN_MESSAGES.missingPassword });
    if (errors.length === 0) {
      const result = await sessionCreator(c.get("ctx"), {
        email: form.email,
        password: form.password,
        address: clientAddress(c),
        previousToken: c.get("sessionToken"),
      });
      if (result.ok) {
        await setSessionCookie(c, secret, result.token);
        return c.redirect(link(safeNext(form.next)), 303);
      }
      errors.push({ fieldId: "email", message: LOGIN_MESSAGES[result.reason] });
    }
    const status = errors.some((e) => e.message === LOGIN_MESSAGES.throttled) ? 429 : 400;
    return c.html(
      loginPage({ organisation: organisationName(c), csrf, email: form.email, next: form.next, errors }),
      status,
    );
  });

  app.post("/log-ud", async (c) => {
    const token = c.get("sessionToken");
    if (token) await sessionDestroyer(c.get("ctx"), { token });
    clearSessionCookie(c);
    return c.redirect(link("/admin/login?logget-ud=1"), 303);
  });

  return app;
}
