// Disables a user (their sessions end at once; a disabled user acts as nobody,
// src/auth/actor.ts) or enables them again. Nobody disables themselves.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { actorId, type Context, inTransaction } from "../../context.ts";
import { sessions, users } from "../../db/schema.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { parseInput } from "../registry/shared.ts";

export const userDisableSchema = z.object({ userId: z.uuid(), disabled: z.boolean() });

export async function userDisabler(ctx: Context, input: unknown) {
  const data = parseInput(userDisableSchema, input);
  authorize(ctx.actor, "manage", { entity: "user" });
  if (data.disabled && data.userId === actorId(ctx.actor))
    throw new AppError("invalid_state", "You cannot disable yourself.", {
      danish: "Du kan ikke deaktivere dig selv.",
    });
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ id: users.id, email: users.email, disabled: users.disabled })
      .from(users)
      .where(and(eq(users.id, data.userId), eq(users.organisationId, tx.organisationId)));
    if (!user) throw notFound("The user");
    await tx.db.update(users).set({ disabled: data.disabled }).where(eq(users.id, user.id));
    if (data.disabled) await tx.db.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, {
      action: data.disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: user.id,
      before: { email: user.email, disabled: user.disabled },
      after: { email: user.email, disabled: data.disabled },
    });
    return { id: user.id, disabled: data.disabled };
  });
}
