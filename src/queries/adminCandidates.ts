// The review queue, a page at a time, with the total the filter matches (the
// bulk actions act on all of it, so the page says how many that is).
import { and, asc, count, desc, eq, gte, inArray, type SQL } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { candidates, documents } from "../db/schema.ts";

export interface QueueFilter {
  documentId?: string;
  entity?: string;
  minConfidence?: number;
}

/** What the queue shows of a candidate: its fields beside the document and quote they came from. */
const queueColumns = {
  id: candidates.id,
  version: candidates.version,
  documentId: candidates.documentId,
  filename: documents.filename,
  key: candidates.key,
  entity: candidates.entity,
  fields: candidates.fields,
  confidence: candidates.confidence,
  evidence: candidates.evidence,
};

function conditions(ctx: Context, filter: QueueFilter): SQL[] {
  const where: SQL[] = [eq(candidates.organisationId, ctx.organisationId), eq(candidates.state, "pending")];
  if (filter.documentId) where.push(eq(candidates.documentId, filter.documentId));
  if (filter.entity) where.push(eq(candidates.entity, filter.entity));
  if (filter.minConfidence !== undefined) where.push(gte(candidates.confidence, filter.minConfidence));
  return where;
}

export async function reviewQueuePage(
  ctx: Context,
  filter: QueueFilter,
  page: { number: number; size: number },
) {
  authorize(ctx.actor, "read", { entity: "candidate" }, { hidden: true });
  const where = and(...conditions(ctx, filter));
  const [total] = await ctx.db.select({ n: count() }).from(candidates).where(where);
  const rows = await ctx.db
    .select(queueColumns)
    .from(candidates)
    .innerJoin(documents, eq(documents.id, candidates.documentId))
    .where(where)
    .orderBy(asc(documents.filename), asc(candidates.key), desc(candidates.confidence))
    .limit(page.size)
    .offset((page.number - 1) * page.size);
  const kinds = await ctx.db
    .selectDistinct({ entity: candidates.entity })
    .from(candidates)
    .where(and(eq(candidates.organisationId, ctx.organisationId), eq(candidates.state, "pending")))
    .orderBy(asc(candidates.entity));
  return { total: total?.n ?? 0, rows, kinds: kinds.map((k) => k.entity) };
}

/** The ids of every pending candidate the filter matches, for a bulk action. */
export async function queueIds(ctx: Context, filter: QueueFilter): Promise<string[]> {
  authorize(ctx.actor, "read", { entity: "candidate" }, { hidden: true });
  const rows = await ctx.db
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(...conditions(ctx, filter)));
  return rows.map((r) => r.id);
}

export async function candidateById(ctx: Context, id: string) {
  authorize(ctx.actor, "read", { entity: "candidate" }, { hidden: true });
  const [row] = await ctx.db
    .select({ ...queueColumns, state: candidates.state })
    .from(candidates)
    .innerJoin(documents, eq(documents.id, candidates.documentId))
    .where(and(eq(candidates.organisationId, ctx.organisationId), inArray(candidates.id, [id])));
  return row ?? null;
}
