// Adds a user with one role; reporters are bound to one administration.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "../auth/password.ts";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import { roleAssignments, users } from "../db/schema.ts";
import { roles } from "../domain/enums.ts";
import { AppError, validationFailed } from "../errors.ts";
import { recordAudit } from "./audit.ts";
import { administrationIdOf } from "./users/administrationByCode.ts";

export const userCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().transform((e) => e.toLowerCase()),
    role: z.enum(roles),
    administration: z.string().trim().min(1).optional(),
    password: z.string().min(12, "must be at least 12 characters").max(200),
  })
  .refine((u) => u.role !== "reporter" || !!u.administration, {
    message: "a reporter must belong to an administration (--administration CODE)",
    path: ["administration"],
    // Judged even when another field is refused, so a form can name every problem at once.
    when: (payload) => typeof (payload.value as { role?: unknown }).role === "string",
  });

export async function userCreator(ctx: Context, input: unknown) {
  const parsed = userCreateSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  authorize(ctx.actor, "manage", { entity: "user" });
  const passwordHash = await hashPassword(data.password);
  return inTransaction(ctx, async (tx) => {
    const administrationId = await administrationIdOf(tx, data.administration);
    const [existing] = await tx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, data.email), eq(users.organisationId, tx.organisationId)));
    if (existing) throw new AppError("duplicate", `A user with the e-mail ${data.email} already exists.`);
    const [user] = await tx.db
      .insert(users)
      .values({ organisationId: tx.organisationId, name: data.name, email: data.email, passwordHash })
      .returning({ id: users.id, name: users.name, email: users.email });
    await tx.db
      .insert(roleAssignments)
      .values({ organisationId: tx.organisationId, userId: user!.id, role: data.role, administrationId });
    await recordAudit(tx, {
      action: "user.create",
      entity: "user",
      entityId: user!.id,
      after: {
        name: data.name,
        email: data.email,
        role: data.role,
        administration: data.administration ?? null,
      },
    });
    return { ...user!, role: data.role, administration: data.administration ?? null };
  });
}
