// Registers a council member's inquiry: who asked, when, the questions, the
// answering administrations, the case and document numbers, and the due date
// (given, or counted in working days from the day it was asked). An inquiry
// read from its answer letter comes with the answer's date and signatory, and
// is registered as answered (sent).
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { administrations, inquiries, inquiryAdministrations } from "../../db/schema.ts";
import { addWorkingDays } from "../../domain/danishDate.ts";
import { inquiryFields as q } from "../../domain/entities/inquiry.ts";
import { validationFailed } from "../../errors.ts";
import { inquiryDueWorkingDays } from "../../queries/organisation/settings.ts";
import { recordAudit } from "../audit.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

export const inquiryRegistrationSchema = z
  .object({
    askedBy: q.asked_by,
    askedOn: q.asked_on,
    dueOn: z.iso.date().optional(),
    questions: z
      .array(z.string().trim().max(5000))
      .transform((qs) => qs.filter(Boolean))
      .pipe(z.array(z.string()).min(1, "Give at least one question.").max(50, "Give at most 50 questions.")),
    answeredOn: q.answered_on.optional(),
    signedBy: q.signed_by.optional(),
    signerTitle: q.signer_title.optional(),
    equalityGrounds: q.equality_grounds.optional(),
    documentId: z.uuid().nullable().optional(),
    administrations: z.array(z.string().trim().min(1).max(20)).default([]),
    caseNumber: optionalText(100),
    documentNumber: optionalText(100),
  })
  .refine((v) => !v.dueOn || v.dueOn >= v.askedOn, {
    path: ["dueOn"],
    message: "The due date cannot be before the day the question was asked.",
  })
  .refine((v) => !v.answeredOn || v.answeredOn >= v.askedOn, {
    path: ["answeredOn"],
    message: "The answer cannot be dated before the day the question was asked.",
  });
export type InquiryRegistration = z.input<typeof inquiryRegistrationSchema>;

export async function inquiryRegistrar(ctx: Context, input: InquiryRegistration) {
  authorize(ctx.actor, "create", { entity: "inquiry" });
  const parsed = inquiryRegistrationSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const v = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const codes = [...new Set(v.administrations)];
    const admins = codes.length
      ? await tx.db
          .select({ id: administrations.id, code: administrations.code })
          .from(administrations)
          .where(
            and(eq(administrations.organisationId, tx.organisationId), inArray(administrations.code, codes)),
          )
      : [];
    const unknown = codes.filter((c) => !admins.some((a) => a.code === c));
    if (unknown.length)
      throw validationFailed([
        { path: ["administrations"], message: `Unknown administration: ${unknown.join(", ")}` },
      ]);
    const ordered = codes.map((c) => admins.find((a) => a.code === c)!);
    const dueOn = v.dueOn ?? addWorkingDays(v.askedOn, await inquiryDueWorkingDays(tx));
    const [row] = await tx.db
      .insert(inquiries)
      .values({
        organisationId: tx.organisationId,
        askedBy: v.askedBy,
        askedOn: v.askedOn,
        dueOn,
        questions: v.questions,
        administrationId: ordered[0]?.id ?? null,
        caseNumber: v.caseNumber,
        documentNumber: v.documentNumber,
        answeredOn: v.answeredOn ?? null,
        signedBy: v.signedBy ?? null,
        signerTitle: v.signerTitle ?? null,
        documentId: v.documentId ?? null,
        scope: v.equalityGrounds?.length ? { equality_grounds: v.equalityGrounds } : {},
        state: v.answeredOn ? "sent" : "new",
      })
      .returning();
    if (ordered.length)
      await tx.db.insert(inquiryAdministrations).values(
        ordered.map((a) => ({
          organisationId: tx.organisationId,
          inquiryId: row!.id,
          administrationId: a.id,
        })),
      );
    await recordAudit(tx, {
      action: "inquiry.create",
      entity: "inquiry",
      entityId: row!.id,
      after: { ...row, administrations: codes },
    });
    return row!;
  });
}
