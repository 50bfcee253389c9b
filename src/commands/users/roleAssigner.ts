// Gives a user one role (a reporter with their administration), replacing the
// roles they had. An admin cannot change their own role: they could lock the
// organisation out of its own user management.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { actorId, type Context, inTransaction } from "../../context.ts";
import { roleAssignments, users } from "../../db/schema.ts";
import { roles } from "../../domain/enums.ts";
import { AppError, notFound } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { parseInput } from "../registry/shared.ts";
import { administrationIdOf } from "./administrationByCode.ts";

export const roleAssignSchema = z
  .object({
    userId: z.uuid(),
    role: z.enum(roles),
    /** The administration's code; required for a reporter, kept for others when given. */
    administration: z.string().trim().min(1).nullable(),
  })
  .refine((r) => r.role !== "reporter" || !!r.administration, {
    message: "a reporter must belong to an administration",
    path: ["administration"],
    // Judged even when another field is refused, so a form can name every problem at once.
    when: (payload) => typeof (payload.value as { role?: unknown }).role === "string",
  });

export async function roleAssigner(ctx: Context, input: unknown) {
  const data = parseInput(roleAssignSchema, input);
  authorize(ctx.actor, "manage", { entity: "user" });
  if (data.userId === actorId(ctx.actor))
    throw new AppError("invalid_state", "You cannot change your own role.", {
      danish: "Du kan ikke ændre din egen rolle.",
    });
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, data.userId), eq(users.organisationId, tx.organisationId)));
    if (!user) throw notFound("The user");
    const administrationId = await administrationIdOf(tx, data.administration);
    const before = await tx.db
      .delete(roleAssignments)
      .where(eq(roleAssignments.userId, user.id))
      .returning({ role: roleAssignments.role, administrationId: roleAssignments.administrationId });
    await tx.db
      .insert(roleAssignments)
      .values({ organisationId: tx.organisationId, userId: user.id, role: data.role, administrationId });
    const after = { role: data.role, administration: data.administration };
    await recordAudit(tx, {
      action: "user.role",
      entity: "user",
      entityId: user.id,
      before: { roles: before },
      after,
    });
    return after;
  });
}
