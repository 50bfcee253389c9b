// The audit log: who did what, when, with before and after; filtered and paged
// for the log page, and in full for the CSV export. Staff only; others get 404.
import { and, asc, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { auditEvents } from "../db/schema.ts";

export interface AuditFilter {
  entity?: string;
  /** Prefix of the action, e.g. "candidate" or "user.login". */
  action?: string;
  /** Part of the actor's label (their e-mail, "cli", "demo" …). */
  actor?: string;
  /** ISO dates (yyyy-mm-dd), inclusive. */
  from?: string;
  to?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function conditions(ctx: Context, f: AuditFilter): SQL[] {
  const where: SQL[] = [eq(auditEvents.organisationId, ctx.organisationId)];
  if (f.entity) where.push(eq(auditEvents.entity, f.entity));
  if (f.action) where.push(ilike(auditEvents.action, `${escapeLike(f.action)}%`));
  if (f.actor) where.push(ilike(auditEvents.actorLabel, `%${escapeLike(f.actor)}%`));
  if (f.from) where.push(gte(auditEvents.at, `${f.from}T00:00:00Z`));
  if (f.to) {
    const next = new Date(`${f.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    where.push(lt(auditEvents.at, next.toISOString()));
  }
  return where;
}

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorLabel: auditEvents.actorLabel,
  action: auditEvents.action,
  entity: auditEvents.entity,
  entityId: auditEvents.entityId,
  before: auditEvents.before,
  after: auditEvents.after,
};

export async function listAuditEvents(
  ctx: Context,
  filter: AuditFilter,
  page: { number: number; size: number },
) {
  authorize(ctx.actor, "read", { entity: "audit" }, { hidden: true });
  const where = and(...conditions(ctx, filter));
  const [total] = await ctx.db.select({ n: count() }).from(auditEvents).where(where);
  const rows = await ctx.db
    .select(columns)
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(page.size)
    .offset((page.number - 1) * page.size);
  return { total: total?.n ?? 0, rows };
}

/** Every matching event, oldest first, for the CSV export (capped, so one request cannot exhaust memory). */
export async function auditEventsForExport(ctx: Context, filter: AuditFilter, cap = 100_000) {
  authorize(ctx.actor, "read", { entity: "audit" }, { hidden: true });
  return ctx.db
    .select(columns)
    .from(auditEvents)
    .where(and(...conditions(ctx, filter)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .limit(cap);
}

/** The entity kinds present in the log, for the filter's list. */
export async function auditEntities(ctx: Context): Promise<string[]> {
  authorize(ctx.actor, "read", { entity: "audit" }, { hidden: true });
  const rows = await ctx.db
    .selectDistinct({ entity: auditEvents.entity })
    .from(auditEvents)
    .where(eq(auditEvents.organisationId, ctx.organisationId))
    .orderBy(asc(auditEvents.entity));
  return rows.map((r) => r.entity);
}
