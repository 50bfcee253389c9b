// Abuse controls of the public response form, without third-party services:
// a form token bound to a signed cookie (double submit) and a honeypot field.
// The per-address rate limit is counted in the database by a command
// (src/commands/hearings/submissionCounter.ts).

import type { Context as HonoContext } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { randomToken, sameSecret } from "../../../auth/tokens.ts";
import { checkOrigin } from "../../../http/csrf.ts";
import { link } from "../../../http/links.ts";
import { isHttps } from "../../../http/proxy.ts";

export const TOKEN_FIELD = "_token";
/** Named like a field a bot fills in; people never see it (display: none). */
export const HONEYPOT_FIELD = "website";
const COOKIE = "pejl_hoering";
const COOKIE_HOURS = 4;

/** The form token: the signed cookie's value, set when missing. */
export async function formToken(c: HonoContext, secret: string): Promise<string> {
  const existing = await getSignedCookie(c, secret, COOKIE);
  if (existing) return existing;
  const token = randomToken();
  await setSignedCookie(c, COOKIE, token, secret, {
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    path: link("/hoeringer"),
    maxAge: COOKIE_HOURS * 3600,
  });
  return token;
}

/** True when the request came from our own page with the token it was given. */
export async function validFormToken(c: HonoContext, secret: string, submitted: unknown): Promise<boolean> {
  try {
    checkOrigin(c);
  } catch {
    return false;
  }
  const expected = await getSignedCookie(c, secret, COOKIE);
  return !!expected && typeof submitted === "string" && sameSecret(submitted, expected);
}
