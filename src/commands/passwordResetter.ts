// Sets a new password for a user, lifts a lock-out, and ends every session of
// theirs (ASVS 3.3.3: a changed credential logs the old sessions out).
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "../auth/password.ts";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import { sessions, users } from "../db/schema.ts";
import { AppError, validationFailed } from "../errors.ts";
import { recordAudit } from "./audit.ts";

export const passwordResetSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  password: z.string().min(12, "must be at least 12 characters").max(200),
});

export async function passwordResetter(ctx: Context, input: unknown) {
  const parsed = passwordResetSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  authorize(ctx.actor, "manage", { entity: "user" });
  const passwordHash = await hashPassword(parsed.data.password);
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.email, parsed.data.email), eq(users.organisationId, tx.organisationId)));
    if (!user) throw new AppError("not_found", `There is no user with the e-mail ${parsed.data.email}.`);
    await tx.db
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    const ended = await tx.db
      .delete(sessions)
      .where(eq(sessions.userId, user.id))
      .returning({ id: sessions.id });
    await recordAudit(tx, {
      action: "user.password_reset",
      entity: "user",
      entityId: user.id,
      after: { email: user.email, sessionsEnded: ended.length },
    });
    return { email: user.email, sessionsEnded: ended.length };
  });
}
