// CSRF protection of every state-changing request made with the session cookie
// (ASVS 4.2.2, 13.2.3): the Origin (or Referer) must be this host, and the form
// or the X-CSRF-Token header must carry the session's synchronizer token. The
// login form, which has no session yet, uses a signed double-submit cookie.
// Requests authenticated by an API token carry no cookie and are exempt.
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { type AuthEnv, cookieOptions } from "../auth/middleware.ts";
import { randomToken, sameSecret } from "../auth/tokens.ts";
import { AppError } from "../errors.ts";
import { link } from "./links.ts";

/** The form field and header that carry the CSRF token. */
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
const LOGIN_CSRF_COOKIE = "pejl_login";

/** The request's own host, as the browser addressed it. */
function sameHost(c: HonoContext, url: string | undefined): boolean | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host === (c.req.header("host") ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/**
 * Refuses a cross-site request (ASVS 4.2.2, 13.2.3): the Origin (or, without
 * it, the Referer) must name this host. Browsers send Origin on every POST.
 */
export function checkOrigin(c: HonoContext): void {
  const origin = c.req.header("origin");
  const verdict = origin && origin !== "null" ? sameHost(c, origin) : sameHost(c, c.req.header("referer"));
  if (verdict === false || origin === "null")
    throw new AppError("forbidden", "The request came from another site.", {
      danish: "Forespørgslen kom fra et andet websted og blev afvist.",
    });
}

async function submittedToken(c: HonoContext): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) return undefined;
  const body = await c.req.parseBody();
  const value = body[CSRF_FIELD];
  return typeof value === "string" ? value : undefined;
}

const csrfError = () =>
  new AppError("forbidden", "The form's security token is missing or out of date. Reload the page.", {
    danish: "Formularens sikkerhedsnøgle mangler eller er udløbet. Genindlæs siden, og prøv igen.",
  });

/** Origin check plus the session's synchronizer token, for the admin and the API alike. */
export function csrfProtection(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(c.req.method) || c.get("viaToken")) return next();
    checkOrigin(c);
    const session = c.get("session");
    // Without a session the route's own login check answers (redirect or 401).
    if (session && !sameSecret(await submittedToken(c), session.csrfToken)) throw csrfError();
    await next();
  };
}

/**
 * The CSRF token of a form sent before any session (the login, the first set-up): a
 * signed double-submit cookie, sent back only to `path` (default: the admin).
 */
export async function loginCsrfToken(c: HonoContext, secret: string, path = link("/admin")): Promise<string> {
  const existing = await getSignedCookie(c, secret, LOGIN_CSRF_COOKIE);
  if (existing) return existing;
  const token = randomToken();
  await setSignedCookie(c, LOGIN_CSRF_COOKIE, token, secret, cookieOptions(c, path, 3600));
  return token;
}

export async function checkLoginCsrf(c: HonoContext, secret: string): Promise<void> {
  checkOrigin(c);
  const expected = await getSignedCookie(c, secret, LOGIN_CSRF_COOKIE);
  if (!expected || !sameSecret(await submittedToken(c), expected)) throw csrfError();
}
