// Opens a hearing on a draft policy document: title, period, invited parties
// (the organisation's committees by code, councils and organisations as free text).
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { committees, documents, hearings, policies } from "../../db/schema.ts";
import { AppError, notFound, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";

export const hearingOpenSchema = z
  .object({
    policyId: z.uuid(),
    draftDocumentId: z.uuid(),
    title: z.string().trim().min(3).max(300),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    invitedCommittees: z.array(z.string().trim().min(1).max(20)).max(100).default([]),
    invitedOthers: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  })
  .refine((d) => d.opensOn <= d.closesOn, {
    path: ["closesOn"],
    message: "the hearing must close on or after the day it opens",
  });
export type HearingOpenInput = z.input<typeof hearingOpenSchema>;

export async function hearingOpener(ctx: Context, input: HearingOpenInput) {
  authorize(ctx.actor, "create", { entity: "hearing" });
  const parsed = hearingOpenSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const org = tx.organisationId;
    const [policy] = await tx.db
      .select({ id: policies.id })
      .from(policies)
      .where(and(eq(policies.id, data.policyId), eq(policies.organisationId, org)));
    if (!policy) throw notFound("The policy");
    const [doc] = await tx.db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.id, data.draftDocumentId), eq(documents.organisationId, org)));
    if (!doc) throw notFound("The draft document");
    const codes = [...new Set(data.invitedCommittees)];
    const found = codes.length
      ? await tx.db
          .select({ code: committees.code, name: committees.name })
          .from(committees)
          .where(and(eq(committees.organisationId, org), inArray(committees.code, codes)))
      : [];
    const unknown = codes.filter((c) => !found.some((f) => f.code === c));
    if (unknown.length)
      throw new AppError("validation_failed", `Unknown committee code(s): ${unknown.join(", ")}.`);
    // Invited parties are kept as names: committees by their name, the rest as typed.
    const invited = [
      ...codes.map((code) => found.find((f) => f.code === code)!.name),
      ...new Set(data.invitedOthers),
    ];
    const [hearing] = await tx.db
      .insert(hearings)
      .values({
        organisationId: org,
        policyId: policy.id,
        draftDocumentId: doc.id,
        title: data.title,
        opensOn: data.opensOn,
        closesOn: data.closesOn,
        state: "open",
        invited,
      })
      .returning();
    await recordAudit(tx, {
      action: "hearing.open",
      entity: "hearing",
      entityId: hearing!.id,
      after: { title: data.title, opensOn: data.opensOn, closesOn: data.closesOn, invited },
    });
    return hearing!;
  });
}
