// Logs out: the session row is deleted, so the cookie is worthless even if kept.
import { deleteSessionByToken } from "../auth/session.ts";
import { actorId, type Context, inTransaction } from "../context.ts";
import { recordAudit } from "./audit.ts";

export async function sessionDestroyer(ctx: Context, input: { token: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await deleteSessionByToken(tx.db, input.token);
    await recordAudit(tx, { action: "user.logout", entity: "user", entityId: actorId(tx.actor) });
  });
}
