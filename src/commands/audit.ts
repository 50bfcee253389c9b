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
  if (!ctx.inTransaction) throw new Error("recordAudit must run inside the command's transaction");
  await ctx.db.insert(auditEvents).values({
    organisationId: ctx.organisationId,
    actorId: actorId(ctx.actor),
    actorLabel: ctx.actor.label,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
