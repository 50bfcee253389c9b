// Creates an API token for a user. The token is returned once; only its
// sha256 is stored, so a lost token is replaced, never recovered.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { newApiToken, sha256Hex } from "../auth/tokens.ts";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import { apiTokens, users } from "../db/schema.ts";
import { AppError, validationFailed } from "../errors.ts";
import { recordAudit } from "./audit.ts";

export const apiTokenCreateSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(200),
});

export async function apiTokenCreator(ctx: Context, input: unknown) {
  const parsed = apiTokenCreateSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  authorize(ctx.actor, "manage", { entity: "user" });
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, parsed.data.email), eq(users.organisationId, tx.organisationId)));
    if (!user) throw new AppError("not_found", `There is no user with the e-mail ${parsed.data.email}.`);
    const token = newApiToken();
    const [row] = await tx.db
      .insert(apiTokens)
      .values({
        organisationId: tx.organisationId,
        userId: user.id,
        name: parsed.data.name,
        tokenHash: sha256Hex(token),
      })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      action: "api_token.create",
      entity: "api_token",
      entityId: row!.id,
      after: { user: parsed.data.email, name: parsed.data.name },
    });
    return { id: row!.id, token };
  });
}
