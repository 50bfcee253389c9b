// Accepts (optionally with edited fields, a chosen place or a chosen row to
// update) or rejects import candidates, one by one or in bulk by document,
// entity kind and confidence. Accepting goes through the registry's own
// commands (src/commands/review/acceptor.ts); in bulk, a candidate that cannot
// be accepted yet is skipped with the reason and stays in the queue.
import { and, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import { candidates } from "../db/schema.ts";
import { entityTitle } from "../domain/entities/labels.ts";
import { AppError, isAppError, validationFailed } from "../errors.ts";
import { type AuditInput, recordAudits } from "./audit.ts";
import { Acceptor, entityDepth } from "./review/acceptor.ts";
import type { CandidateRow } from "./review/writer.ts";

/** A review's fields, as the API's request body takes them; reviewSchema adds the rules across them. */
export const reviewFields = z.object({
  action: z.enum(["accept", "reject"]),
  ids: z.array(z.uuid()).max(10_000).optional(),
  documentId: z.uuid().optional(),
  entity: z.string().trim().min(1).max(50).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  /** Edited fields, for accepting a single candidate (merged over the recognized ones). */
  fields: z.record(z.string(), z.unknown()).optional(),
  /** Version of the single candidate being reviewed. */
  version: z.number().int().positive().optional(),
  /** Where to place the single candidate (an initiative, policy, theme, goal or indicator). */
  parentId: z.uuid().optional(),
  /** "new", or the registry row the single candidate is a new version of. */
  target: z.union([z.literal("new"), z.uuid()]).optional(),
});

export const reviewSchema = reviewFields
  .refine((r) => r.ids?.length || r.documentId, { message: "name candidate ids or a document" })
  .refine((r) => (!r.fields && !r.parentId && !r.target) || r.ids?.length === 1, {
    message: "fields, parentId and target apply to exactly one candidate",
  });
export type ReviewInput = z.input<typeof reviewSchema>;

export interface ReviewResult {
  accepted: number;
  rejected: number;
  /** Of those accepted, how many brought an existing registry row up to date. */
  updated: number;
  skipped: { id: string; reason: string; danish: string }[];
}

/** Problems that leave one candidate in the queue in a bulk review; any other error stops the review. */
const skippable = new Set(["invalid_state", "validation_failed", "not_found", "duplicate", "stale_version"]);

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
    // One named candidate is reviewed on its own: its problem is the answer, not a skip.
    const single = r.ids?.length === 1 && r.documentId === undefined;
    if (single && rows.length === 0)
      throw new AppError("not_found", "The candidate was not found, or it was already reviewed.");
    if (single && r.version !== undefined && rows[0]!.version !== r.version)
      throw new AppError(
        "stale_version",
        "Someone else reviewed or edited this candidate since you opened it.",
      );
    const reviewedAt = new Date().toISOString();
    const reviewedBy = tx.actor.kind === "user" ? tx.actor.userId : null;
    if (r.action === "reject") return reject(tx, rows, reviewedAt, reviewedBy);

    const result: ReviewResult = { accepted: 0, rejected: 0, updated: 0, skipped: [] };
    // The commands' audit events wait and go in with the batch's own, in one insert.
    const audits: AuditInput[] = [];
    const batch = { ...tx, auditBuffer: audits };
    const acceptor = new Acceptor(batch);
    const acceptedRows: AcceptedRow[] = [];
    rows.sort(
      (a, b) =>
        (entityDepth[a.entity] ?? 9) - (entityDepth[b.entity] ?? 9) ||
        a.key.localeCompare(b.key, "en", { numeric: true }),
    );
    for (const row of rows) {
      let done: Awaited<ReturnType<Acceptor["accept"]>>;
      const auditsBefore = audits.length;
      try {
        done = await acceptor.accept(
          row,
          single ? { fields: r.fields, parentId: r.parentId, target: r.target } : {},
        );
      } catch (error) {
        // Every command checks before it writes, so a refused candidate has written nothing (a
        // database error, which would leave the transaction unusable, is not skipped but stops all).
        if (single || !isAppError(error) || !skippable.has(error.id)) throw error;
        audits.length = auditsBefore;
        result.skipped.push({ id: row.id, reason: error.message, danish: error.danish });
        continue;
      }
      const edited = done.fields !== row.fields;
      acceptedRows.push({ id: row.id, entityId: done.entityId, fields: done.fields, edited });
      audits.push({
        action: "candidate.accept",
        entity: row.entity,
        entityId: done.entityId,
        after: {
          candidate: row.id,
          label: entityTitle(row.fields, 80),
          fields: done.fields,
          updated: done.updated,
        },
      });
      result.accepted++;
      if (done.updated) result.updated++;
    }
    await acceptor.flush();
    await markAccepted(tx, acceptedRows, reviewedAt, reviewedBy);
    await recordAudits(tx, audits);
    return result;
  });
}

async function reject(ctx: Context, rows: CandidateRow[], reviewedAt: string, reviewedBy: string | null) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await ctx.db
      .update(candidates)
      .set({
        state: "rejected",
        reviewedAt,
        reviewedBy,
        version: sql`${candidates.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(
        inArray(
          candidates.id,
          chunk.map((c) => c.id),
        ),
      );
  }
  await recordAudits(
    ctx,
    rows.map((row) => ({
      action: "candidate.reject",
      entity: "candidate",
      entityId: row.id,
      before: { fields: row.fields },
    })),
  );
  return { accepted: 0, rejected: rows.length, updated: 0, skipped: [] };
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
