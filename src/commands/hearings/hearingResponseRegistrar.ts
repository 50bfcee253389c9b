// Registers a response the administration received otherwise (letter, e-mail,
// meeting): who, what, which sections, received when, and whether a private
// person agreed to have their name published.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { committees, hearingResponses } from "../../db/schema.ts";
import { respondentKinds } from "../../domain/enums.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { chosenSections, hearingWithGoals } from "./load.ts";

export const responseRegisterSchema = z
  .object({
    hearingId: z.uuid(),
    respondentKind: z.enum(respondentKinds),
    fromCommitteeCode: z.string().trim().max(20).optional(),
    fromName: z.string().trim().max(200).optional(),
    text: z.string().trim().min(1).max(50_000),
    sections: z.array(z.string().max(100)).max(200).default([]),
    consentToPublishName: z.boolean().default(false),
    receivedOn: z.iso.date().optional(),
    caseNumber: z.string().trim().max(100).optional(),
    documentNumber: z.string().trim().max(100).optional(),
    published: z.boolean().default(false),
  })
  .refine((d) => (d.respondentKind === "committee" ? !!d.fromCommitteeCode : !!d.fromName), {
    path: ["fromName"],
    message: "name the committee or the sender",
  });
export type ResponseRegisterInput = z.input<typeof responseRegisterSchema>;

export async function hearingResponseRegistrar(ctx: Context, input: ResponseRegisterInput) {
  authorize(ctx.actor, "manage", { entity: "hearing" });
  const parsed = responseRegisterSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const detail = await hearingWithGoals(tx, data.hearingId);
    const sections = chosenSections(detail.goals, data.sections);
    if (!sections) throw validationFailed([{ path: ["sections"], message: "unknown section" }]);
    let fromCommitteeId: string | null = null;
    if (data.respondentKind === "committee") {
      const [committee] = await tx.db
        .select({ id: committees.id })
        .from(committees)
        .where(
          and(eq(committees.organisationId, tx.organisationId), eq(committees.code, data.fromCommitteeCode!)),
        );
      if (!committee)
        throw new AppError("validation_failed", `Unknown committee code ${data.fromCommitteeCode}.`);
      fromCommitteeId = committee.id;
    }
    const [row] = await tx.db
      .insert(hearingResponses)
      .values({
        organisationId: tx.organisationId,
        hearingId: detail.hearing.id,
        policyTitle: detail.policy?.title ?? detail.hearing.title,
        respondentKind: data.respondentKind,
        fromCommitteeId,
        fromName: data.respondentKind === "committee" ? null : data.fromName,
        text: data.text,
        goalsChosen: sections,
        consentToPublishName: data.consentToPublishName,
        caseNumber: data.caseNumber || null,
        documentNumber: data.documentNumber || null,
        published: data.published,
        ...(data.receivedOn ? { receivedAt: `${data.receivedOn}T12:00:00Z` } : {}),
      })
      .returning();
    // No names or text in the audit log: it outlives an erasure.
    await recordAudit(tx, {
      action: "hearing_response.register",
      entity: "hearing_response",
      entityId: row!.id,
      after: {
        hearingId: detail.hearing.id,
        respondentKind: data.respondentKind,
        sections,
        published: data.published,
      },
    });
    return row!;
  });
}
