// HTTP side of authentication, shared by the admin pages and the JSON API:
// who is asking (session cookie or bearer token) and the session cookie itself.
// CSRF protection of cookie-authenticated writes is in http/csrf.ts.
import type { Context as HonoContext, MiddlewareHandler } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import { AppError } from "../errors.ts";
import type { AppVariables } from "../http/appEnv.ts";
import { link } from "../http/links.ts";
import { isHttps } from "../http/proxy.ts";
import { actorForApiToken, loadUserActor, type UserActor } from "./actor.ts";
import { ABSOLUTE_HOURS, findSession, SESSION_COOKIE, type SessionRow } from "./session.ts";

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

/** HttpOnly, SameSite=Lax, Secure over TLS: the options of every cookie Pejl sets. */
export function cookieOptions(c: HonoContext, path: string, maxAge: number) {
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
