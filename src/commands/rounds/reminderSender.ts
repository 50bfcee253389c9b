// Reminds the administrations that have answers left in an open round: one
// message per administration to its reporters, through the outbox.
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import { outbox, roleAssignments, roundAdministrations, statusReports, users } from "../../db/schema.ts";
import { formatDanishDate } from "../../domain/danishDate.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { getRound } from "../../queries/rounds.ts";
import { recordAudit } from "../audit.ts";

export const reminderSchema = z.object({ roundId: z.uuid() });

export async function reminderSender(ctx: Context, input: z.input<typeof reminderSchema>) {
  const parsed = reminderSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  authorize(ctx.actor, "manage", { entity: "statusRound" });
  return inTransaction(ctx, async (tx) => {
    const round = await getRound(tx, parsed.data.roundId);
    if (round.state !== "open")
      throw new AppError("invalid_state", "Reminders go out only while the round is open.");
    const pending = await tx.db
      .select({ administrationId: statusReports.administrationId, n: sql<number>`count(*)::int` })
      .from(statusReports)
      .where(and(eq(statusReports.roundId, round.id), inArray(statusReports.state, ["draft", "returned"])))
      .groupBy(statusReports.administrationId);
    let messages = 0;
    for (const { administrationId, n } of pending) {
      const reporters = await tx.db
        .select({ email: users.email, name: users.name })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            eq(roleAssignments.organisationId, tx.organisationId),
            eq(roleAssignments.role, "reporter"),
            eq(roleAssignments.administrationId, administrationId),
            eq(users.disabled, false),
          ),
        );
      for (const reporter of reporters) {
        await tx.db.insert(outbox).values({
          organisationId: tx.organisationId,
          to: reporter.email,
          subject: `Påmindelse: statusindmelding senest ${formatDanishDate(round.deadline)}`,
          body: [
            `Kære ${reporter.name}`,
            "",
            `Der mangler ${n} indmelding(er) fra din forvaltning i statusrunden ${round.title ?? round.period}.`,
            `Fristen er ${formatDanishDate(round.deadline)}. Log ind i Pejl under "Mine indmeldinger".`,
          ].join("\n"),
        });
        messages++;
      }
      await tx.db
        .update(roundAdministrations)
        .set({ lastReminderAt: new Date().toISOString() })
        .where(
          and(
            eq(roundAdministrations.roundId, round.id),
            eq(roundAdministrations.administrationId, administrationId),
          ),
        );
    }
    await recordAudit(tx, {
      action: "round.remind",
      entity: "status_round",
      entityId: round.id,
      after: { messages },
    });
    return { administrations: pending.length, messages };
  });
}
