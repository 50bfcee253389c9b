// Registers a response the administration received otherwise (letter, e-mail,
// meeting): who, what, which sections, received when, and whether a private
// person agreed to have their name published. A response read from an imported
// letter may concern a policy that was never put to a hearing in Pejl: it then
// names the policy and the goals it chose in the letter's own words.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { committees, hearingResponses } from "../../db/schema.ts";
import { checkOrder } from "../../domain/entities/fieldTypes.ts";
import { hearingResponseFields as h } from "../../domain/entities/hearingResponse.ts";
import { respondentKinds } from "../../domain/enums.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { chosenSections, hearingWithGoals } from "./load.ts";

export const responseRegisterSchema = z
  .object({
    hearingId: z.uuid().optional(),
    respondentKind: z.enum(respondentKinds),
    fromCommitteeCode: z.string().trim().max(20).optional(),
    fromName: z.string().trim().max(200).optional(),
    /** Optional only for a response read from a document, which holds the text. */
    text: z.string().trim().min(1).max(50_000).optional(),
    /** Goal ids of the hearing's policy (or "general"); without a hearing, the goals in the letter's words. */
    sections: z.array(z.string().trim().min(1).max(1_000)).max(200).default([]),
    consentToPublishName: z.boolean().default(false),
    receivedOn: z.iso.date().optional(),
    caseNumber: z.string().trim().max(100).optional(),
    documentNumber: z.string().trim().max(100).optional(),
    published: z.boolean().default(false),
    policyTitle: h.policy_title.optional(),
    periodStart: h.period_start.optional(),
    periodEnd: h.period_end.optional(),
    addressedTo: h.addressed_to.optional(),
    addressedToRole: h.addressed_to_role.optional(),
    meetingDate: h.meeting_date.optional(),
    signedBy: h.signed_by.optional(),
    documentId: z.uuid().optional(),
  })
  .refine((d) => (d.respondentKind === "committee" ? !!d.fromCommitteeCode : !!d.fromName), {
    path: ["fromName"],
    message: "name the committee or the sender",
  })
  .refine((d) => d.hearingId || d.policyTitle, {
    path: ["policyTitle"],
    message: "name the hearing or the policy the response concerns",
  })
  .refine((d) => d.text || d.documentId, { path: ["text"], message: "give the response's text" })
  .superRefine(checkOrder("periodStart", "periodEnd"));
export type ResponseRegisterInput = z.input<typeof responseRegisterSchema>;

export async function hearingResponseRegistrar(ctx: Context, input: ResponseRegisterInput) {
  authorize(ctx.actor, "manage", { entity: "hearing" });
  const parsed = responseRegisterSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const detail = data.hearingId ? await hearingWithGoals(tx, data.hearingId) : null;
    const sections = detail ? chosenSections(detail.goals, data.sections) : [...new Set(data.sections)];
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
        hearingId: detail?.hearing.id ?? null,
        policyTitle: detail ? (detail.policy?.title ?? detail.hearing.title) : data.policyTitle,
        periodStart: data.periodStart ?? null,
        periodEnd: data.periodEnd ?? null,
        respondentKind: data.respondentKind,
        fromCommitteeId,
        fromName: data.respondentKind === "committee" ? null : data.fromName,
        text: data.text ?? null,
        addressedTo: data.addressedTo ?? null,
        addressedToRole: data.addressedToRole ?? null,
        meetingDate: data.meetingDate ?? null,
        signedBy: data.signedBy ?? null,
        documentId: data.documentId ?? null,
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
        hearingId: detail?.hearing.id ?? null,
        respondentKind: data.respondentKind,
        sections,
        published: data.published,
      },
    });
    return row!;
  });
}
