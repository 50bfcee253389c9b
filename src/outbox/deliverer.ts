// Sends what waits in the outbox. A message is claimed in a short transaction
// (FOR UPDATE SKIP LOCKED, attempts + 1), sent outside it, then marked sent or
// given the error. Two instances never claim the same row, a row is never
// deleted, and a failed one is retried later with a growing pause. Only a
// crash between "sent" and "marked sent" can send a message twice; nothing
// can lose one.
import { and, asc, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { outbox } from "../db/schema.ts";
import type { Logger } from "../logger.ts";
import type { Transport } from "./transports.ts";

/** Marks a claimed row while it is being sent; replaced by null (sent) or the error. */
export const IN_DELIVERY = "in delivery";
/** A failed row waits 2^attempts minutes before the next try, at most an hour. */
export const MAX_PAUSE_MINUTES = 60;
/** How long a claim holds: longer than sending one batch can take with every timeout hit. */
export const CLAIM_MINUTES = 15;

export interface DeliveryResult {
  sent: number;
  failed: number;
}

export async function deliverOutbox(
  db: Executor,
  transport: Transport,
  opts: { logger: Logger; organisationId?: string; now?: Date; limit?: number; force?: boolean },
): Promise<DeliveryResult> {
  const now = (opts.now ?? new Date()).toISOString();
  const result: DeliveryResult = { sent: 0, failed: 0 };
  const filters: SQL[] = [isNull(outbox.sentAt)];
  if (opts.organisationId) filters.push(eq(outbox.organisationId, opts.organisationId));
  // A row another run has claimed and is still sending is left alone, even when forced;
  // only a claim older than CLAIM_MINUTES (its process died) is taken over.
  filters.push(
    or(
      isNull(outbox.error),
      ne(outbox.error, IN_DELIVERY),
      sql`${outbox.updatedAt} <= ${now}::timestamptz - ${CLAIM_MINUTES} * interval '1 minute'`,
    )!,
  );
  if (!opts.force)
    filters.push(
      or(
        eq(outbox.attempts, 0),
        sql`${outbox.updatedAt} <= ${now}::timestamptz - least(power(2, ${outbox.attempts}), ${MAX_PAUSE_MINUTES}) * interval '1 minute'`,
      )!,
    );
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(and(...filters))
      .orderBy(asc(outbox.createdAt))
      .limit(opts.limit ?? 50)
      .for("update", { skipLocked: true });
    if (rows.length)
      await tx
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, error: IN_DELIVERY, updatedAt: now })
        .where(
          inArray(
            outbox.id,
            rows.map((r) => r.id),
          ),
        );
    return rows;
  });

  for (const message of claimed) {
    try {
      await transport.send(message);
      await db
        .update(outbox)
        .set({ sentAt: new Date().toISOString(), error: null, updatedAt: new Date().toISOString() })
        .where(eq(outbox.id, message.id));
      result.sent++;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      await db
        .update(outbox)
        .set({ error: text.slice(0, 1000), updatedAt: new Date().toISOString() })
        .where(eq(outbox.id, message.id));
      opts.logger.warn(
        { outboxId: message.id, kind: message.kind, attempts: message.attempts + 1, err: text },
        `outbox: sending "${message.subject}" by ${transport.name} failed; it stays in the outbox`,
      );
      result.failed++;
    }
  }
  return result;
}
