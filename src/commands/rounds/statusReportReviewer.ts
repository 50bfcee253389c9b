// The coordinator returns a submitted answer with a comment (it goes back to the
// reporter) or accepts it. Accepting writes the answer's numbers to the registry
// in the same transaction (answerRegistryWriter.ts); returning writes nothing there.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { actorId, type Context, inTransaction } from "../../context.ts";
import { statusReports, statusRounds } from "../../db/schema.ts";
import { AppError, notFound, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";
import { writeAnswerToRegistry } from "./answerRegistryWriter.ts";

export const statusReportReviewSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    action: z.enum(["return", "accept"]),
    comment: z.string().trim().max(5_000).optional(),
  })
  .refine((r) => r.action !== "return" || !!r.comment, {
    message: "say why the answer is returned",
    path: ["comment"],
  });

export async function statusReportReviewer(ctx: Context, input: z.input<typeof statusReportReviewSchema>) {
  const parsed = statusReportReviewSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const r = parsed.data;
  authorize(ctx.actor, "manage", { entity: "statusRound" });
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({
        report: statusReports,
        roundState: statusRounds.state,
        roundPeriod: statusRounds.period,
        roundTitle: statusRounds.title,
      })
      .from(statusReports)
      .innerJoin(statusRounds, eq(statusRounds.id, statusReports.roundId))
      .where(and(eq(statusReports.id, r.id), eq(statusReports.organisationId, tx.organisationId)));
    if (!row) throw notFound("The status report");
    if (row.roundState === "locked" || row.roundState === "draft")
      throw new AppError("invalid_state", `The round is ${row.roundState}; answers cannot be reviewed now.`);
    if (row.report.state !== "submitted")
      throw new AppError("invalid_state", "Only a submitted answer can be returned or accepted.", {
        danish: "Kun et indsendt svar kan sendes retur eller godkendes.",
      });
    const values =
      r.action === "return"
        ? {
            state: "returned",
            returnComment: r.comment!,
            reviewedAt: new Date().toISOString(),
            reviewedBy: actorId(tx.actor),
          }
        : { state: "accepted", reviewedAt: new Date().toISOString(), reviewedBy: actorId(tx.actor) };
    const { before, after } = await updateVersioned(
      tx,
      statusReports,
      r.id,
      r.version,
      values,
      "The status report",
    );
    const registry =
      r.action === "accept"
        ? await writeAnswerToRegistry(tx, after, { period: row.roundPeriod, title: row.roundTitle })
        : [];
    await recordAudit(tx, {
      action: r.action === "return" ? "status_report.return" : "status_report.accept",
      entity: "status_report",
      entityId: r.id,
      before,
      // What the acceptance changed in the registry, beside the answer itself.
      after: r.action === "accept" ? { ...after, registryChanges: registry } : after,
    });
    return after;
  });
}
