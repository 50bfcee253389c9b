// The automatic reminder: for every open round whose deadline is at most
// `reminderDaysBefore` days away (and not yet past), the same reminder as the
// coordinator's button, once per round. Runs on the server's periodic tick.
import { and, eq, isNull } from "drizzle-orm";
import { type Context, inTransaction } from "../../context.ts";
import { statusRounds } from "../../db/schema.ts";
import { recordAudit } from "../audit.ts";
import { queueReminders } from "./reminderSender.ts";

/** The calendar day in Copenhagen: deadlines are Danish dates, not UTC ones. */
export function copenhagenDay(now: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(now);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** True on the days from `reminderDaysBefore` days before the deadline up to the deadline itself. */
export function reminderDue(round: { deadline: string; reminderDaysBefore: number }, today: string) {
  return addDays(round.deadline, -round.reminderDaysBefore) <= today && today <= round.deadline;
}

export async function autoReminder(ctx: Context, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const today = copenhagenDay(now);
  const open = await ctx.db
    .select()
    .from(statusRounds)
    .where(
      and(
        eq(statusRounds.organisationId, ctx.organisationId),
        eq(statusRounds.state, "open"),
        isNull(statusRounds.autoReminderSentAt),
      ),
    );
  const sent: { roundId: string; administrations: number; messages: number }[] = [];
  for (const round of open.filter((r) => reminderDue(r, today))) {
    const result = await inTransaction(ctx, async (tx) => {
      // Claims the round first: of two servers ticking at once only one gets the row back.
      const [claimed] = await tx.db
        .update(statusRounds)
        .set({ autoReminderSentAt: now.toISOString() })
        .where(
          and(
            eq(statusRounds.id, round.id),
            eq(statusRounds.state, "open"),
            isNull(statusRounds.autoReminderSentAt),
          ),
        )
        .returning();
      if (!claimed) return null;
      const counts = await queueReminders(tx, claimed, { now });
      await recordAudit(tx, {
        action: "round.auto_remind",
        entity: "status_round",
        entityId: round.id,
        after: { ...counts, daysBefore: round.reminderDaysBefore, deadline: round.deadline },
      });
      return counts;
    });
    if (result) sent.push({ roundId: round.id, ...result });
  }
  return sent;
}
