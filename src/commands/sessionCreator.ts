// Logs a user in: checks the rate limits, the lock-out and the password, and
// opens a new session (a fresh id at every login: no session fixation,
// ASVS 3.2.1). A refusal is a result, not an exception, so its audit event
// and counters are committed; its reason never tells whether the e-mail exists.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { loadUserActor } from "../auth/actor.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { createSession, deleteSessionByToken, purgeExpiredSessions } from "../auth/session.ts";
import { clearFailures, isThrottled, recordFailure } from "../auth/throttle.ts";
import { type Context, inTransaction } from "../context.ts";
import { users } from "../db/schema.ts";
import { recordAudit } from "./audit.ts";

/** Consecutive failures that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(1000),
  /** The client's address, for the per-address limit. */
  address: z.string().min(1).max(100),
  /** The token of a session the browser already has; it is ended (rotation). */
  previousToken: z.string().max(200).optional(),
});

export type LoginResult =
  | { ok: true; token: string; csrfToken: string; userId: string }
  | { ok: false; reason: "invalid" | "throttled" };

// Verifying against a real hash for unknown e-mails takes as long as for known
// ones, so the response time does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function sessionCreator(ctx: Context, input: unknown, now = new Date()): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password, address, previousToken } = parsed.data;

  if (await isThrottled(ctx.db, { organisationId: ctx.organisationId, email, address }, now)) {
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, { action: "user.login_throttled", entity: "user", after: { email, address } }),
    );
    return { ok: false, reason: "throttled" };
  }

  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.email, email), eq(users.organisationId, ctx.organisationId)));
  const locked = !!user?.lockedUntil && Date.parse(user.lockedUntil) > now.getTime();
  dummyHash ??= hashPassword("not a password of anyone");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);

  if (!user || user.disabled || locked || !valid) {
    return inTransaction(ctx, async (tx) => {
      await recordFailure(tx.db, { organisationId: tx.organisationId, email, address }, now);
      if (user && !user.disabled && !locked) {
        const failures = user.failedLogins + 1;
        const lockNow = failures >= LOCK_AFTER_FAILURES;
        await tx.db
          .update(users)
          .set({
            failedLogins: lockNow ? 0 : failures,
            lockedUntil: lockNow ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null,
          })
          .where(eq(users.id, user.id));
        if (lockNow)
          await recordAudit(tx, {
            action: "user.lock",
            entity: "user",
            entityId: user.id,
            after: { email, address, minutes: LOCK_MINUTES },
          });
      }
      await recordAudit(tx, {
        action: "user.login_failed",
        entity: "user",
        entityId: user?.id ?? null,
        after: {
          email,
          address,
          reason: !user ? "unknown" : user.disabled ? "disabled" : locked ? "locked" : "password",
        },
      });
      return { ok: false as const, reason: locked ? ("throttled" as const) : ("invalid" as const) };
    });
  }

  const actor = await loadUserActor(ctx.db, ctx.organisationId, user.id);
  return inTransaction({ ...ctx, actor: actor ?? ctx.actor }, async (tx) => {
    if (previousToken) await deleteSessionByToken(tx.db, previousToken);
    await purgeExpiredSessions(tx.db, now);
    const { token, session } = await createSession(tx.db, {
      organisationId: tx.organisationId,
      userId: user.id,
      now,
    });
    await tx.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
      .where(eq(users.id, user.id));
    await clearFailures(tx.db, tx.organisationId, email);
    await recordAudit(tx, { action: "user.login", entity: "user", entityId: user.id, after: { address } });
    return { ok: true as const, token, csrfToken: session.csrfToken, userId: user.id };
  });
}
