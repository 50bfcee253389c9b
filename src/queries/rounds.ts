// Status rounds: the coordinator's board (who has reported) and a reporter's own answers.
import { and, asc, eq, inArray } from "drizzle-orm";
import { authorize, can } from "../authz/can.ts";
import type { Context } from "../context.ts";
import {
  administrations,
  goals,
  initiatives,
  roundAdministrations,
  statusReports,
  statusRounds,
} from "../db/schema.ts";
import { notFound } from "../errors.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getRound(ctx: Context, roundId: string) {
  if (!uuid.test(roundId)) throw notFound("The status round");
  const [round] = await ctx.db
    .select()
    .from(statusRounds)
    .where(and(eq(statusRounds.id, roundId), eq(statusRounds.organisationId, ctx.organisationId)));
  if (!round) throw notFound("The status round");
  return round;
}

export interface BoardRow {
  administrationId: string;
  code: string;
  name: string;
  total: number;
  draft: number;
  submitted: number;
  returned: number;
  accepted: number;
  /** Past the deadline with answers not yet submitted. */
  late: boolean;
  lastReminderAt: string | null;
}

export async function roundBoard(
  ctx: Context,
  roundId: string,
  today = new Date().toISOString().slice(0, 10),
) {
  authorize(ctx.actor, "read", { entity: "statusRound" }, { hidden: true });
  const round = await getRound(ctx, roundId);
  const participants = await ctx.db
    .select({
      id: administrations.id,
      code: administrations.code,
      name: administrations.name,
      lastReminderAt: roundAdministrations.lastReminderAt,
    })
    .from(roundAdministrations)
    .innerJoin(administrations, eq(administrations.id, roundAdministrations.administrationId))
    .where(eq(roundAdministrations.roundId, round.id))
    .orderBy(asc(administrations.code));
  const reports = await ctx.db
    .select({ administrationId: statusReports.administrationId, state: statusReports.state })
    .from(statusReports)
    .where(eq(statusReports.roundId, round.id));
  const rows: BoardRow[] = participants.map((p) => {
    const mine = reports.filter((r) => r.administrationId === p.id);
    const by = (s: string) => mine.filter((r) => r.state === s).length;
    const open = by("draft") + by("returned");
    return {
      administrationId: p.id,
      code: p.code,
      name: p.name,
      total: mine.length,
      draft: by("draft"),
      submitted: by("submitted"),
      returned: by("returned"),
      accepted: by("accepted"),
      late: open > 0 && today > round.deadline && round.state !== "locked",
      lastReminderAt: p.lastReminderAt,
    };
  });
  return { round, rows };
}

/** The answers a reporter (or a coordinator looking at one administration) works on in a round. */
export async function roundAnswers(ctx: Context, roundId: string, administrationIds?: string[]) {
  const round = await getRound(ctx, roundId);
  const where = [eq(statusReports.roundId, round.id)];
  if (administrationIds) where.push(inArray(statusReports.administrationId, administrationIds));
  const rows = await ctx.db
    .select({
      report: statusReports,
      initiativeTitle: initiatives.title,
      goalText: goals.text,
      administrationCode: administrations.code,
    })
    .from(statusReports)
    .innerJoin(administrations, eq(administrations.id, statusReports.administrationId))
    .leftJoin(initiatives, eq(initiatives.id, statusReports.initiativeId))
    .leftJoin(goals, eq(goals.id, statusReports.goalId))
    .where(and(...where))
    .orderBy(asc(administrations.code), asc(initiatives.title), asc(goals.sortOrder));
  // Reporters see only their own administration's answers: scope, don't just check.
  return rows.filter((r) =>
    can(ctx.actor, "read", { entity: "statusReport", administrationId: r.report.administrationId }),
  );
}
