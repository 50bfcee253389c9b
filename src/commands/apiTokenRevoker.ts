// Revokes an API token: it stops working at once. The row stays (with
// revokedAt) so the audit log and `pejl token list` still show what it was.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import { apiTokens, users } from "../db/schema.ts";
import { AppError, validationFailed } from "../errors.ts";
import { recordAudit } from "./audit.ts";

export const apiTokenRevokeSchema = z.object({ id: z.uuid("a token id is a UUID (see `pejl token list`)") });

export async function apiTokenRevoker(ctx: Context, input: unknown) {
  const parsed = apiTokenRevokeSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  authorize(ctx.actor, "manage", { entity: "user" });
  return inTransaction(ctx, async (tx) => {
    const [token] = await tx.db
      .select({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt, email: users.email })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.id, parsed.data.id), eq(apiTokens.organisationId, tx.organisationId)))
      .for("update");
    if (!token) throw new AppError("not_found", `There is no API token with the id ${parsed.data.id}.`);
    if (token.revokedAt)
      throw new AppError(
        "invalid_state",
        `The API token ${token.id} was already revoked (${token.revokedAt}).`,
      );
    const revokedAt = new Date().toISOString();
    await tx.db.update(apiTokens).set({ revokedAt, updatedAt: revokedAt }).where(eq(apiTokens.id, token.id));
    await recordAudit(tx, {
      action: "api_token.revoke",
      entity: "api_token",
      entityId: token.id,
      before: { user: token.email, name: token.name, revokedAt: null },
      after: { user: token.email, name: token.name, revokedAt },
    });
    return { id: token.id, name: token.name, email: token.email, revokedAt };
  });
}

/** A user's tokens (or everyone's), oldest first, without anything secret. */
export async function listApiTokens(ctx: Context, opts: { email?: string } = {}) {
  authorize(ctx.actor, "manage", { entity: "user" });
  const filters = [eq(apiTokens.organisationId, ctx.organisationId)];
  if (opts.email) filters.push(eq(users.email, opts.email.trim().toLowerCase()));
  return ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      email: users.email,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(...filters))
    .orderBy(apiTokens.createdAt);
}
