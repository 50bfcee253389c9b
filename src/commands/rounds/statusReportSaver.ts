// A reporter saves (draft) or submits an answer for their own administration's
// initiative or goal: rating, progress, the year's numbers and a narrative.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { actorId, type Context, inTransaction } from "../../context.ts";
import { statusReports, statusRounds } from "../../db/schema.ts";
import { type RoundState, ratings } from "../../domain/enums.ts";
import { reportersMayWrite } from "../../domain/roundState.ts";
import { AppError, notFound, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { updateVersioned } from "../versioned.ts";

const numbersSchema = z
  .object({
    spendDkk: z.number().int().min(0).max(1e12).nullable().optional(),
    fte: z.number().min(0).max(100_000).nullable().optional(),
    annualTargets: z.array(z.object({ id: z.uuid(), actualValue: z.number().nullable() })).optional(),
    observations: z
      .array(
        z.object({
          indicatorId: z.uuid(),
          period: z.string().min(4).max(20),
          value: z.number(),
          n: z.number().int().min(0).nullable().optional(),
        }),
      )
      .optional(),
  })
  .strict();

export const statusReportSaveSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    rating: z.enum(ratings).nullable().optional(),
    progressPct: z.number().int().min(0).max(100).nullable().optional(),
    narrative: z.string().max(20_000).nullable().optional(),
    numbers: numbersSchema.optional(),
    submit: z.boolean().default(false),
  })
  .refine((r) => !r.submit || !!r.rating, { message: "choose a rating before submitting", path: ["rating"] });
export type StatusReportSaveInput = z.input<typeof statusReportSaveSchema>;

export async function statusReportSaver(ctx: Context, input: StatusReportSaveInput) {
  const parsed = statusReportSaveSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const { id, version, submit, ...answer } = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({ report: statusReports, roundState: statusRounds.state })
      .from(statusReports)
      .innerJoin(statusRounds, eq(statusRounds.id, statusReports.roundId))
      .where(and(eq(statusReports.id, id), eq(statusReports.organisationId, tx.organisationId)));
    if (!row) throw notFound("The status report");
    // Someone who may not even read another administration's answer gets "not found".
    authorize(
      tx.actor,
      "read",
      { entity: "statusReport", administrationId: row.report.administrationId },
      { hidden: true },
    );
    authorize(tx.actor, "report", { entity: "statusReport", administrationId: row.report.administrationId });
    if (!reportersMayWrite(row.roundState as RoundState, row.report.state))
      throw new AppError(
        "invalid_state",
        "The round is not open for answers, so this answer cannot change.",
        {
          danish: "Runden er ikke åben for indmeldinger, så svaret kan ikke ændres.",
        },
      );
    if (row.report.state === "accepted")
      throw new AppError("invalid_state", "This answer was accepted by the coordinator and cannot change.");
    const now = new Date().toISOString();
    const { before, after } = await updateVersioned(
      tx,
      statusReports,
      id,
      version,
      {
        ...answer,
        numbers: answer.numbers ?? row.report.numbers,
        authorId: actorId(tx.actor),
        ...(submit ? { state: "submitted", submittedAt: now } : {}),
      },
      "The status report",
    );
    await recordAudit(tx, {
      action: submit ? "status_report.submit" : "status_report.save",
      entity: "status_report",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
