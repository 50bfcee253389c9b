// The public response form's rate limit: submissions per client address in a
// fixed window, kept in the database so all instances share it. Refused
// submissions count too, so a bot cannot probe for free.
import { sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { loginThrottle } from "../../db/schema.ts";

export const RATE_WINDOW_MINUTES = 60;
/** Submissions (accepted or not) one client address may make per window. */
export const MAX_SUBMISSIONS_PER_WINDOW = 10;

/**
 * Counts one submission from `address` and tells whether it is over the limit.
 * The key names the organisation, as the table is shared across organisations.
 */
export async function hearingSubmissionCounter(
  ctx: Context,
  address: string,
  now = new Date(),
): Promise<boolean> {
  const organisationId = ctx.organisationId;
  const key = `hearing:${organisationId}:${address}`;
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000).toISOString();
  const expired = sql`${loginThrottle.windowStart} < ${windowStart}::timestamptz`;
  const [row] = await ctx.db
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
