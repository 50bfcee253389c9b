// Login rate limiting (ASVS 2.2.1): failed attempts are counted per e-mail
// address and per client address in a fixed window, in the database, so every
// instance behind a load balancer sees the same counts.
import { and, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { loginThrottle } from "../db/schema.ts";

export const WINDOW_MINUTES = 15;
/**
 * Per e-mail the limit equals the account lock-out threshold, so an unknown
 * address and a locked account answer alike (no account enumeration). A
 * client address may try more e-mails (an office behind one NAT address).
 */
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Per organisation: users of two organisations may share an e-mail, and one's failures must not lock the other out. */
export const emailKey = (organisationId: string, email: string) =>
  `email:${organisationId}:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/**
 * Keys a failure counts against. Without a known client address (a request
 * that did not come through a socket, as in route tests) only the e-mail is
 * counted: one shared "unknown" bucket would let anyone lock everyone out.
 */
function keysOf(keys: { organisationId: string; email: string; address: string }): string[] {
  const email = emailKey(keys.organisationId, keys.email);
  return keys.address === "unknown" ? [email] : [email, addressKey(keys.address)];
}

function windowStart(now: Date): string {
  return new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
}

/** True when either key has used up its attempts in the current window. */
export async function isThrottled(
  db: Executor,
  keys: { organisationId: string; email: string; address: string },
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keysOf(keys)));
  const since = Date.parse(windowStart(now));
  return rows.some((row) => {
    if (Date.parse(row.windowStart) < since) return false;
    const limit = row.key.startsWith("email:") ? MAX_FAILURES_PER_EMAIL : MAX_FAILURES_PER_ADDRESS;
    return row.attempts >= limit;
  });
}

/** Counts one failed attempt against both keys; a window that has run out starts again. */
export async function recordFailure(
  db: Executor,
  input: { organisationId: string; email: string; address: string },
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  const expired = sql`${loginThrottle.windowStart} < ${windowStart(now)}::timestamptz`;
  for (const key of keysOf(input)) {
    await db
      .insert(loginThrottle)
      .values({ key, organisationId: input.organisationId, windowStart: at, attempts: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          attempts: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginThrottle.attempts} + 1 END`,
          windowStart: sql`CASE WHEN ${expired} THEN ${at}::timestamptz ELSE ${loginThrottle.windowStart} END`,
        },
      });
  }
}

/** A successful login clears the e-mail's count (not the address's: others may share it). */
export async function clearFailures(db: Executor, organisationId: string, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, emailKey(organisationId, email)));
}

/** Counts older than this are of no use to anyone; the periodic tick removes them. */
export const PURGE_AFTER_HOURS = 24;

/** Removes counts whose window started more than a day ago; returns how many went. */
export async function purgeThrottle(
  db: Executor,
  opts: { now?: Date; organisationId?: string } = {},
): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - PURGE_AFTER_HOURS * 3_600_000).toISOString();
  const filters: SQL[] = [lt(loginThrottle.windowStart, cutoff)];
  if (opts.organisationId) filters.push(eq(loginThrottle.organisationId, opts.organisationId));
  const removed = await db
    .delete(loginThrottle)
    .where(and(...filters))
    .returning({ key: loginThrottle.key });
  return removed.length;
}
