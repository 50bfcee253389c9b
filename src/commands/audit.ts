// The audit row is written in the same transaction as the change it records.
import type { Context } from "../context.ts";
import { actorId } from "../context.ts";
import { auditEvents } from "../db/schema.ts";

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(ctx: Context, event: AuditInput): Promise<void> {
  await recordAudits(ctx, [event]);
}

/** Many events of one command in one insert (bulk review, imports). */
export async function recordAudits(ctx: Context, events: AuditInput[]): Promise<void> {
  if (!ctx.inTransaction) throw new Error("recordAudit must run inside the command's transaction");
  if (ctx.auditBuffer) {
    ctx.auditBuffer.push(...events);
    return;
  }
  for (let i = 0; i < events.length; i += 500)
    await ctx.db.insert(auditEvents).values(
      events.slice(i, i + 500).map((event) => ({
        organisationId: ctx.organisationId,
        actorId: actorId(ctx.actor),
        actorLabel: ctx.actor.label,
        action: event.action,
        entity: event.entity,
        entityId: event.entityId ?? null,
        before: event.before ?? null,
        after: event.after ?? null,
      })),
    );
}
