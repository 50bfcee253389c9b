// The review queue: candidates with their quote, scoped to the organisation.
import { and, asc, desc, eq, gte, type SQL } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { candidates, documents } from "../db/schema.ts";

export interface CandidateFilter {
  documentId?: string;
  entity?: string;
  minConfidence?: number;
  state?: "pending" | "accepted" | "rejected";
  limit?: number;
}

export async function listCandidates(ctx: Context, filter: CandidateFilter = {}) {
  authorize(ctx.actor, "review", { entity: "registry" }, { hidden: true });
  const where: SQL[] = [eq(candidates.organisationId, ctx.organisationId)];
  if (filter.documentId) where.push(eq(candidates.documentId, filter.documentId));
  if (filter.entity) where.push(eq(candidates.entity, filter.entity));
  if (filter.state) where.push(eq(candidates.state, filter.state));
  if (filter.minConfidence !== undefined) where.push(gte(candidates.confidence, filter.minConfidence));
  return ctx.db
    .select({
      id: candidates.id,
      version: candidates.version,
      documentId: candidates.documentId,
      filename: documents.filename,
      key: candidates.key,
      entity: candidates.entity,
      fields: candidates.fields,
      confidence: candidates.confidence,
      evidence: candidates.evidence,
      state: candidates.state,
    })
    .from(candidates)
    .innerJoin(documents, eq(documents.id, candidates.documentId))
    .where(and(...where))
    .orderBy(asc(documents.filename), desc(candidates.confidence), asc(candidates.key))
    .limit(filter.limit ?? 10_000);
}
