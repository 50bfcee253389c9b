// Reminds the administrations that have answers left in an open round: one
// message per administration to each of its reporters, through the outbox.
// The coordinator sends it on demand, to every administration missing answers or
// to the ones named (a button per administration on the board); autoReminder.ts
// sends the same message once, N days before the deadline.
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type Context, inTransaction } from "../../context.ts";
import {
  administrations,
  outbox,
  policies,
  roleAssignments,
  roundAdministrations,
  statusReports,
  type statusRounds,
  users,
} from "../../db/schema.ts";
import { formatDanishDate } from "../../domain/danishDate.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { organisationLink } from "../../outbox/links.ts";
import { getRound } from "../../queries/rounds/rounds.ts";
import { recordAudit } from "../audit.ts";

export const reminderSchema = z.object({
  roundId: z.uuid(),
  /** Only these participating administrations; omitted = all with answers missing. */
  administrationIds: z.array(z.uuid()).min(1).max(100).optional(),
});

export async function reminderSender(ctx: Context, input: z.input<typeof reminderSchema>) {
  const parsed = reminderSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  authorize(ctx.actor, "manage", { entity: "statusRound" });
  return inTransaction(ctx, async (tx) => {
    const round = await getRound(tx, parsed.data.roundId);
    if (round.state !== "open")
      throw new AppError("invalid_state", "Reminders go out only while the round is open.", {
        danish: "Påmindelser kan kun sendes, mens runden er åben.",
      });
    const only = parsed.data.administrationIds;
    if (only) {
      const participating = await tx.db
        .select({ id: roundAdministrations.administrationId })
        .from(roundAdministrations)
        .where(
          and(
            eq(roundAdministrations.roundId, round.id),
            inArray(roundAdministrations.administrationId, only),
          ),
        );
      if (participating.length !== new Set(only).size)
        throw new AppError("validation_failed", "An administration named does not take part in the round.", {
          danish: "En af de valgte forvaltninger deltager ikke i runden.",
        });
    }
    const { administrations, messages, withoutReporters } = await queueReminders(tx, round, {
      administrationIds: only,
    });
    await recordAudit(tx, {
      action: "round.remind",
      entity: "status_round",
      entityId: round.id,
      after: only ? { messages, administrationIds: only } : { messages },
    });
    return { administrations, messages, withoutReporters };
  });
}

/**
 * Queues the reminders of one round inside the caller's transaction: to the
 * reporters of every participating administration with answers not yet
 * submitted (draft or returned). Records when each administration was reminded.
 */
export async function queueReminders(
  tx: Context,
  round: typeof statusRounds.$inferSelect,
  opts: { now?: Date; administrationIds?: readonly string[] } = {},
) {
  const now = (opts.now ?? new Date()).toISOString();
  const [policy] = await tx.db
    .select({ title: policies.title })
    .from(policies)
    .where(eq(policies.id, round.policyId));
  const pending = await tx.db
    .select({
      administrationId: statusReports.administrationId,
      administrationName: administrations.name,
      administrationCode: administrations.code,
      n: sql<number>`count(*)::int`,
    })
    .from(statusReports)
    .innerJoin(
      roundAdministrations,
      and(
        eq(roundAdministrations.roundId, statusReports.roundId),
        eq(roundAdministrations.administrationId, statusReports.administrationId),
      ),
    )
    .innerJoin(administrations, eq(administrations.id, statusReports.administrationId))
    .where(
      and(
        eq(statusReports.roundId, round.id),
        inArray(statusReports.state, ["draft", "returned"]),
        opts.administrationIds
          ? inArray(statusReports.administrationId, [...opts.administrationIds])
          : undefined,
      ),
    )
    .groupBy(statusReports.administrationId, administrations.name, administrations.code)
    .orderBy(administrations.name);
  const deadline = formatDanishDate(round.deadline);
  const roundName = round.title ?? `Statusrunde ${round.period}`;
  const myReports = await organisationLink(tx.db, tx.organisationId, "/admin/indmeldinger");
  let messages = 0;
  /** Administrations with answers missing but no active reporter: nobody was reminded there. */
  const withoutReporters: { code: string; name: string }[] = [];
  for (const { administrationId, administrationName, administrationCode, n } of pending) {
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
        kind: "reminder",
        subject: `Påmindelse: statusindmelding senest ${deadline}`,
        body: [
          `Kære ${reporter.name}`,
          "",
          `Der mangler ${n} ${n === 1 ? "indmelding" : "indmeldinger"} fra ${administrationName} i ${roundName}` +
            (policy ? ` (${policy.title}).` : "."),
          `Fristen er ${deadline}.`,
          "",
          `Du finder dine indmeldinger her: ${myReports}`,
          "",
          "Venlig hilsen",
          "Pejl",
          "",
          "Denne besked er sendt automatisk. Du får den, fordi du er indmelder for din forvaltning.",
        ].join("\n"),
      });
      messages++;
    }
    if (reporters.length === 0) withoutReporters.push({ code: administrationCode, name: administrationName });
    if (reporters.length)
      await tx.db
        .update(roundAdministrations)
        .set({ lastReminderAt: now })
        .where(
          and(
            eq(roundAdministrations.roundId, round.id),
            eq(roundAdministrations.administrationId, administrationId),
          ),
        );
  }
  return { administrations: pending.length, messages, withoutReporters };
}
