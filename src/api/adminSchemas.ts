// Request schemas of the authenticated API (review queue and upload).
import { z } from "zod";
import { reviewFields } from "../commands/candidateReviewer.ts";

export const queueQuerySchema = z.object({
  documentId: z.uuid().optional(),
  entity: z.string().trim().min(1).max(50).optional(),
  minConfidence: z.coerce.number().min(0).max(1).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export const reviewBodySchema = reviewFields;
export type ReviewBody = z.infer<typeof reviewBodySchema>;
