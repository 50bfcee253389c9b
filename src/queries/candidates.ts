// The review queue of candidates, a page at a time, with the total the filter
// matches (the bulk actions act on all of it, so the page says how many that is).
import { and, asc, count, desc, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { candidates, documents } from "../db/schema.ts";
import { needsPlace } from "../domain/entities/index.ts";
import { inOrganisation } from "./scope.ts";

const parents = alias(candidates, "parent_candidate");

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
  parentKey: candidates.parentKey,
  parentState: parents.state,
};

/** A queue row, with whether the reviewer must choose where it goes. */
function withPlace<R extends { entity: string; parentKey: string | null; parentState: string | null }>(
  row: R,
) {
  return { ...row, needsPlace: needsPlace(row.entity, row.parentKey, row.parentState) };
}

const parentJoin = (organisationId: string) =>
  and(
    eq(parents.documentId, candidates.documentId),
    eq(parents.key, candidates.parentKey),
    inOrganisation(parents, organisationId),
  ) as SQL;

const documentJoin = (organisationId: string) =>
  and(eq(documents.id, candidates.documentId), inOrganisation(documents, organisationId)) as SQL;

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
    .innerJoin(documents, documentJoin(ctx.organisationId))
    .leftJoin(parents, parentJoin(ctx.organisationId))
    .where(where)
    .orderBy(asc(documents.filename), asc(candidates.key), desc(candidates.confidence))
    .limit(page.size)
    .offset((page.number - 1) * page.size);
  const kinds = await ctx.db
    .selectDistinct({ entity: candidates.entity })
    .from(candidates)
    .where(and(eq(candidates.organisationId, ctx.organisationId), eq(candidates.state, "pending")))
    .orderBy(asc(candidates.entity));
  return { total: total?.n ?? 0, rows: rows.map(withPlace), kinds: kinds.map((k) => k.entity) };
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
    .innerJoin(documents, documentJoin(ctx.organisationId))
    .leftJoin(parents, parentJoin(ctx.organisationId))
    .where(and(eq(candidates.organisationId, ctx.organisationId), inArray(candidates.id, [id])));
  return row ? withPlace(row) : null;
}

/**
 * The pending candidates before and after this one in the queue's order
 * (document, key), within the filter, for "previous" and "next" on its page.
 */
export async function queueNeighbours(ctx: Context, id: string, filter: QueueFilter) {
  authorize(ctx.actor, "read", { entity: "candidate" }, { hidden: true });
  const ordered = await ctx.db
    .select({
      id: candidates.id,
      position: sql<number>`(row_number() over (order by ${documents.filename}, ${candidates.key}, ${candidates.confidence} desc))::int`,
    })
    .from(candidates)
    .innerJoin(documents, documentJoin(ctx.organisationId))
    .where(and(...conditions(ctx, filter)));
  ordered.sort((a, b) => a.position - b.position);
  const at = ordered.findIndex((r) => r.id === id);
  if (at < 0) return { previous: null, next: null, position: null, total: ordered.length };
  return {
    previous: ordered[at - 1]?.id ?? null,
    next: ordered[at + 1]?.id ?? null,
    position: at + 1,
    total: ordered.length,
  };
}
