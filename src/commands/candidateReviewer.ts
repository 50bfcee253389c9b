// Accepts (optionally with edited fields) or rejects import candidates, one by
// one or in bulk by document, entity kind and confidence.
import { and, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import { candidates } from "../db/schema.ts";
import { AppError, validationFailed } from "../errors.ts";
import { entityDepth, label, Materializer } from "../ingest/materialize.ts";
import { type AuditInput, recordAudit, recordAudits } from "./audit.ts";

export const reviewSchema = z
  .object({
    action: z.enum(["accept", "reject"]),
    ids: z.array(z.uuid()).optional(),
    documentId: z.uuid().optional(),
    entity: z.string().optional(),
    minConfidence: z.number().min(0).max(1).optional(),
    /** Edited fields, for accepting a single candidate. */
    fields: z.record(z.string(), z.unknown()).optional(),
    /** Version of the single candidate being edited. */
    version: z.number().int().positive().optional(),
  })
  .refine((r) => r.ids?.length || r.documentId, { message: "name candidate ids or a document" })
  .refine((r) => !r.fields || r.ids?.length === 1, {
    message: "edited fields apply to exactly one candidate",
  });
export type ReviewInput = z.input<typeof reviewSchema>;

export interface ReviewResult {
  accepted: number;
  rejected: number;
  skipped: { id: string; reason: string }[];
}

export async function candidateReviewer(ctx: Context, input: ReviewInput): Promise<ReviewResult> {
  const parsed = reviewSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const r = parsed.data;
  authorize(ctx.actor, "review", { entity: "registry" });
  return inTransaction(ctx, async (tx) => {
    const where: SQL[] = [eq(candidates.organisationId, tx.organisationId), eq(candidates.state, "pending")];
    if (r.ids?.length) where.push(inArray(candidates.id, r.ids));
    if (r.documentId) where.push(eq(candidates.documentId, r.documentId));
    if (r.entity) where.push(eq(candidates.entity, r.entity));
    if (r.minConfidence !== undefined) where.push(gte(candidates.confidence, r.minConfidence));
    const rows = await tx.db
      .select()
      .from(candidates)
      .where(and(...where));
    if (r.ids?.length === 1 && rows.length === 0)
      throw new AppError("not_found", "The candidate was not found, or it was already reviewed.");
    const single = r.ids?.length === 1;
    if (single && r.version !== undefined && rows[0]!.version !== r.version)
      throw new AppError(
        "stale_version",
        "Someone else reviewed or edited this candidate since you opened it.",
      );
    const result: ReviewResult = { accepted: 0, rejected: 0, skipped: [] };
    const reviewedAt = new Date().toISOString();
    const reviewedBy = tx.actor.kind === "user" ? tx.actor.userId : null;

    if (r.action === "reject") {
      for (const row of rows) {
        await tx.db
          .update(candidates)
          .set({ state: "rejected", reviewedAt, reviewedBy, version: row.version + 1 })
          .where(eq(candidates.id, row.id));
        await recordAudit(tx, {
          action: "candidate.reject",
          entity: "candidate",
          entityId: row.id,
          before: { fields: row.fields },
        });
        result.rejected++;
      }
      return result;
    }

    const byDocument = new Map<string, Materializer>();
    const acceptedRows: AcceptedRow[] = [];
    const audits: AuditInput[] = [];
    rows.sort(
      (a, b) =>
        (entityDepth[a.entity] ?? 9) - (entityDepth[b.entity] ?? 9) ||
        a.key.localeCompare(b.key, "en", { numeric: true }),
    );
    for (const row of rows) {
      let materializer = byDocument.get(row.documentId);
      if (!materializer) {
        materializer = new Materializer(tx, row.documentId);
        byDocument.set(row.documentId, materializer);
      }
      const fields = single && r.fields ? { ...row.fields, ...r.fields } : row.fields;
      let entityId: string | null;
      try {
        entityId = await materializer.create(row, fields);
      } catch (error) {
        if (single || !(error instanceof AppError) || error.id !== "invalid_state") throw error;
        result.skipped.push({ id: row.id, reason: error.message });
        continue;
      }
      if (entityId) materializer.recordProvenance(row, entityId);
      materializer.noteAccepted(row.key, row.entity, entityId);
      acceptedRows.push({ id: row.id, entityId, fields, edited: fields !== row.fields });
      audits.push({
        action: "candidate.accept",
        entity: row.entity,
        entityId,
        after: { candidate: row.id, label: label(row), fields },
      });
      result.accepted++;
    }
    for (const m of byDocument.values()) await m.flush();
    await markAccepted(tx, acceptedRows, reviewedAt, reviewedBy);
    await recordAudits(tx, audits);
    return result;
  });
}

interface AcceptedRow {
  id: string;
  entityId: string | null;
  fields: Record<string, unknown>;
  edited: boolean;
}

/** One statement for the whole batch: state, the entity each became, who and when. */
async function markAccepted(
  ctx: Context,
  rows: AcceptedRow[],
  reviewedAt: string,
  reviewedBy: string | null,
) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = sql.join(
      chunk.map((r) => sql`(${r.id}::uuid, ${r.entityId}::uuid)`),
      sql`, `,
    );
    await ctx.db.execute(sql`
      UPDATE candidates AS c
         SET state = 'accepted', accepted_entity_id = v.entity_id, reviewed_at = ${reviewedAt},
             reviewed_by = ${reviewedBy}::uuid, version = c.version + 1, updated_at = now()
        FROM (VALUES ${values}) AS v(id, entity_id)
       WHERE c.id = v.id`);
  }
  for (const r of rows.filter((x) => x.edited))
    await ctx.db.update(candidates).set({ fields: r.fields }).where(eq(candidates.id, r.id));
}
