// Abuse controls of the public response form, without third-party services:
// a form token bound to a signed cookie (double submit), a per-address rate limit
// kept in the database (so all instances share it) and a honeypot field.

import { sql } from "drizzle-orm";
import type { Context as HonoContext } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { randomToken, sameSecret } from "../../../auth/tokens.ts";
import type { Executor } from "../../../db/client.ts";
import { loginThrottle } from "../../../db/schema.ts";
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

export const RATE_WINDOW_MINUTES = 60;
/** Submissions (accepted or not) one client address may make per window. */
export const MAX_SUBMISSIONS_PER_WINDOW = 10;

/**
 * Counts one submission from `address` and tells whether it is over the limit.
 * The key names the organisation, as the table is shared across organisations.
 */
export async function overRateLimit(
  db: Executor,
  organisationId: string,
  address: string,
  now = new Date(),
): Promise<boolean> {
  const key = `hearing:${organisationId}:${address}`;
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000).toISOString();
  const expired = sql`${loginThrottle.windowStart} < ${windowStart}::timestamptz`;
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, organisationId, windowStart: at, attempts: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        attempts: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginThrottle.attempts} + 1 END`,
        windowStart: sql`CASE WHEN ${expired} THEN ${at}::timestamptz ELSE ${loginThrottle.windowStart} END`,
      },
    })
    .returning({ attempts: loginThrottle.attempts });
  return (row?.attempts ?? 0) > MAX_SUBMISSIONS_PER_WINDOW;
}
