// A response submitted through the public hearing page. Anyone may submit while
// the hearing is open, so there is no role to authorize: the checks are the
// hearing's state and period, the form's validation and the attachment's type
// and size (the route adds the rate limit, the form token and the honeypot).
// The response is stored unpublished; staff publish it. A receipt goes to the
// given e-mail address through the outbox.
import { z } from "zod";
import { type Context, inTransaction } from "../../context.ts";
import { hearingResponses, outbox } from "../../db/schema.ts";
import { formatDanishDate } from "../../domain/danishDate.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { type CheckedAttachment, storeAttachment } from "./attachment.ts";
import { chosenSections, hearingWithGoals } from "./load.ts";

/** Who may answer through the public form (committees and administrations are registered by staff). */
export const publicRespondentKinds = ["citizen", "organisation", "council"] as const;
export const MAX_RESPONSE_CHARS = 20_000;

export const publicResponseSchema = z.object({
  hearingId: z.uuid(),
  respondentKind: z.enum(publicRespondentKinds),
  fromName: z.string().trim().min(1).max(200),
  contactEmail: z.email().max(254).optional(),
  text: z.string().trim().min(1).max(MAX_RESPONSE_CHARS),
  sections: z.array(z.string().max(100)).max(200).default([]),
  consentToPublishName: z.boolean().default(false),
});
export type PublicResponseInput = z.input<typeof publicResponseSchema>;

/** Open for responses on `today` (an ISO date). */
export function acceptsResponses(
  hearing: { state: string; opensOn: string | null; closesOn: string | null },
  today: string,
): boolean {
  if (hearing.state !== "open") return false;
  if (hearing.opensOn && today < hearing.opensOn) return false;
  return !hearing.closesOn || today <= hearing.closesOn;
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

export async function publicResponseSubmitter(
  ctx: Context,
  input: PublicResponseInput,
  opts: { attachment?: CheckedAttachment; storeDir?: string; today?: string } = {},
) {
  const parsed = publicResponseSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const detail = await hearingWithGoals(tx, data.hearingId);
    const { hearing } = detail;
    if (!acceptsResponses(hearing, opts.today ?? todayIso()))
      throw new AppError("invalid_state", "The hearing does not accept responses now.", {
        danish: "Høringen er afsluttet. Der kan ikke længere indsendes høringssvar.",
      });
    const sections = chosenSections(detail.goals, data.sections);
    if (!sections) throw validationFailed([{ path: ["sections"], message: "unknown section" }]);
    const attachmentDocumentId = opts.attachment
      ? await storeAttachment(tx, opts.attachment, opts.storeDir)
      : null;
    const [row] = await tx.db
      .insert(hearingResponses)
      .values({
        organisationId: tx.organisationId,
        hearingId: hearing.id,
        policyTitle: detail.policy?.title ?? hearing.title,
        respondentKind: data.respondentKind,
        fromName: data.fromName,
        contactEmail: data.contactEmail ?? null,
        text: data.text,
        goalsChosen: sections,
        consentToPublishName: data.consentToPublishName,
        attachmentDocumentId,
        published: false,
      })
      .returning({ id: hearingResponses.id, receivedAt: hearingResponses.receivedAt });
    if (data.contactEmail)
      await tx.db.insert(outbox).values({
        organisationId: tx.organisationId,
        to: data.contactEmail,
        kind: "receipt",
        subject: `Kvittering for dit høringssvar: ${hearing.title}`,
        body: [
          `Tak for dit høringssvar om "${hearing.title}".`,
          "",
          `Vi modtog det ${formatDanishDate(row!.receivedAt.slice(0, 10))}. Dit svar har referencen ${row!.id.slice(0, 8)}.`,
          hearing.closesOn ? `Høringsfristen er ${formatDanishDate(hearing.closesOn)}.` : "",
          data.consentToPublishName || data.respondentKind !== "citizen"
            ? "Svaret kan blive offentliggjort med afsenderens navn."
            : "Svaret kan blive offentliggjort, men uden dit navn.",
          "Du kan bede om at få dine personoplysninger slettet ved at svare på denne e-mail.",
        ]
          .filter((line, i, all) => line !== "" || all[i - 1] !== "")
          .join("\n"),
      });
    // No name, e-mail or text in the audit log: it outlives an erasure.
    await recordAudit(tx, {
      action: "hearing_response.submit",
      entity: "hearing_response",
      entityId: row!.id,
      after: {
        hearingId: hearing.id,
        respondentKind: data.respondentKind,
        sections,
        attachment: !!attachmentDocumentId,
        receipt: !!data.contactEmail,
      },
    });
    return { id: row!.id, receipt: !!data.contactEmail };
  });
}
