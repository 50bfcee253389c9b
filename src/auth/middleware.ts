// HTTP side of authentication, shared by the admin pages and the JSON API:
// who is asking (session cookie or bearer token), the session cookie itself,
// and CSRF protection for cookie-authenticated forms.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import { AppError } from "../errors.ts";
import type { AppVariables } from "../http/appEnv.ts";
import { link } from "../http/links.ts";
import { actorForApiToken, loadUserActor, type UserActor } from "./actor.ts";
import { ABSOLUTE_HOURS, findSession, SESSION_COOKIE, type SessionRow } from "./session.ts";
import { randomToken, sameSecret } from "./tokens.ts";

export type AuthEnv = {
  Variables: AppVariables & {
    /** The logged-in user, when there is one. */
    user?: UserActor;
    /** The session behind the cookie (absent for bearer tokens). */
    session?: SessionRow;
    /** The session cookie's token, to end or rotate it. */
    sessionToken?: string;
    /** Authenticated by an API token: no cookie, so no CSRF risk. */
    viaToken?: boolean;
  };
};

/** The form field and header that carry the CSRF token. */
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
const LOGIN_CSRF_COOKIE = "pejl_login";

export function isHttps(c: HonoContext): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** The client's address as the socket reports it; forwarded headers are not trusted. */
export function clientAddress(c: HonoContext): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

function cookieOptions(c: HonoContext, path: string, maxAge: number) {
  return { httpOnly: true, sameSite: "Lax" as const, secure: isHttps(c), path, maxAge };
}

// Cookies live under the organisation's base path: a login at /k/a/admin is
// not even sent to /k/b/ (and would be refused there: sessions and tokens are
// looked up within the request's organisation).
export async function setSessionCookie(c: HonoContext, secret: string, token: string) {
  await setSignedCookie(c, SESSION_COOKIE, token, secret, cookieOptions(c, link("/"), ABSOLUTE_HOURS * 3600));
}

export function clearSessionCookie(c: HonoContext) {
  deleteCookie(c, SESSION_COOKIE, { path: link("/"), secure: isHttps(c) });
}

/**
 * Sets the acting user from a bearer token or the session cookie. Without
 * credentials the request goes on as the public; a bearer token that is not
 * valid is refused at once (401), as a client that sends one expects to act.
 */
export function actorFromRequest(secret: string): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const ctx = c.get("ctx");
    const authorization = c.req.header("authorization");
    let user: UserActor | null = null;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      user = match ? await actorForApiToken(ctx.db, ctx.organisationId, match[1]!) : null;
      if (!user) throw new AppError("unauthenticated", "The API token is not valid.");
      c.set("viaToken", true);
    } else {
      const token = await getSignedCookie(c, secret, SESSION_COOKIE);
      if (token) {
        const session = await findSession(ctx.db, ctx.organisationId, token);
        user = session ? await loadUserActor(ctx.db, ctx.organisationId, session.userId) : null;
        if (session && user) {
          c.set("session", session);
          c.set("sessionToken", token);
        }
      }
    }
    if (user) {
      c.set("user", user);
      c.set("ctx", { ...ctx, actor: user });
    }
    await next();
  };
}

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

/**
 * CSRF protection for every state-changing request made with the session
 * cookie: Origin check plus the session's synchronizer token. Requests with an
 * API token carry no cookie, so they are exempt.
 */
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

/** The login form's CSRF token: a signed double-submit cookie, as there is no session yet. */
export async function loginCsrfToken(c: HonoContext, secret: string): Promise<string> {
  const existing = await getSignedCookie(c, secret, LOGIN_CSRF_COOKIE);
  if (existing) return existing;
  const token = randomToken();
  await setSignedCookie(c, LOGIN_CSRF_COOKIE, token, secret, cookieOptions(c, link("/admin"), 3600));
  return token;
}

export async function checkLoginCsrf(c: HonoContext, secret: string): Promise<void> {
  checkOrigin(c);
  const expected = await getSignedCookie(c, secret, LOGIN_CSRF_COOKIE);
  if (!expected || !sameSecret(await submittedToken(c), expected)) throw csrfError();
}
