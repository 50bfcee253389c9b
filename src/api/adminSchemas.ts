// Request schemas of the authenticated API (review queue and upload).
import { z } from "zod";

export const queueQuerySchema = z.object({
  documentId: z.uuid().optional(),
  entity: z.string().trim().min(1).max(50).optional(),
  minConfidence: z.coerce.number().min(0).max(1).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export const reviewBodySchema = z.object({
  action: z.enum(["accept", "reject"]),
  ids: z.array(z.uuid()).max(10_000).optional(),
  documentId: z.uuid().optional(),
  entity: z.string().trim().min(1).max(50).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  version: z.number().int().positive().optional(),
  /** Where to place the single candidate: an initiative, policy, theme, goal or indicator in the registry. */
  parentId: z.uuid().optional(),
  /** "new", or the registry row the single candidate is a new version of. */
  target: z.union([z.literal("new"), z.uuid()]).optional(),
});
export type ReviewBody = z.infer<typeof reviewBodySchema>;
