// Status rounds: one round, the list, the coordinator's board (who has reported),
// the "open a round" form's choices, and the administrations a user reports for.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { authorize } from "../../authz/can.ts";
import type { Context } from "../../context.ts";
import {
  administrations,
  policies,
  roleAssignments,
  roundAdministrations,
  statusReports,
  statusRounds,
  users,
} from "../../db/schema.ts";
import { answerCounts } from "../../domain/roundState.ts";
import { notFound } from "../../errors.ts";
import { administrationChoices } from "../organisation/units.ts";
import { inOrganisation, readableBy } from "../scope.ts";

/** Whether an id from a URL can be a row id at all (else "not found" without a query). */
export const isUuid = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export async function getRound(ctx: Context, roundId: string) {
  if (!isUuid(roundId)) throw notFound("The status round");
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
  /** Active reporters of the administration: with none, nobody can answer or be reminded. */
  reporters: number;
}

export async function roundBoard(
  ctx: Context,
  roundId: string,
  today = new Date().toISOString().slice(0, 10),
) {
  authorize(ctx.actor, "read", { entity: "statusRound" }, { hidden: true });
  const round = await getRound(ctx, roundId);
  const org = ctx.organisationId;
  const participants = await ctx.db
    .select({
      id: administrations.id,
      code: administrations.code,
      name: administrations.name,
      lastReminderAt: roundAdministrations.lastReminderAt,
    })
    .from(roundAdministrations)
    .innerJoin(
      administrations,
      and(
        eq(administrations.id, roundAdministrations.administrationId),
        inOrganisation(administrations, org),
      ),
    )
    .where(and(inOrganisation(roundAdministrations, org), eq(roundAdministrations.roundId, round.id)))
    .orderBy(asc(administrations.code));
  const reports = await ctx.db
    .select({ administrationId: statusReports.administrationId, state: statusReports.state })
    .from(statusReports)
    .where(
      and(
        inOrganisation(statusReports, org),
        eq(statusReports.roundId, round.id),
        readableBy(ctx.actor, "statusReport", statusReports.administrationId),
      ),
    );
  const reporterCounts = await ctx.db
    .select({ administrationId: roleAssignments.administrationId, n: sql<number>`count(*)::int` })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.id, roleAssignments.userId), inOrganisation(users, org)))
    .where(
      and(
        eq(roleAssignments.organisationId, ctx.organisationId),
        eq(roleAssignments.role, "reporter"),
        eq(users.disabled, false),
      ),
    )
    .groupBy(roleAssignments.administrationId);
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
      reporters: reporterCounts.find((r) => r.administrationId === p.id)?.n ?? 0,
    };
  });
  return { round, rows };
}

export interface RoundListRow {
  id: string;
  policyId: string;
  policyTitle: string;
  kind: string;
  period: string;
  title: string | null;
  deadline: string;
  state: string;
  isExample: boolean;
  total: number;
  /** Submitted or accepted. */
  reported: number;
}

/** Every round of the organisation, per policy, newest deadline first; with how many have reported. */
export async function roundList(ctx: Context): Promise<RoundListRow[]> {
  authorize(ctx.actor, "read", { entity: "statusRound" }, { hidden: true });
  const rounds = await ctx.db
    .select({
      id: statusRounds.id,
      policyId: statusRounds.policyId,
      policyTitle: policies.title,
      kind: statusRounds.kind,
      period: statusRounds.period,
      title: statusRounds.title,
      deadline: statusRounds.deadline,
      state: statusRounds.state,
      isExample: statusRounds.isExample,
    })
    .from(statusRounds)
    .innerJoin(
      policies,
      and(eq(policies.id, statusRounds.policyId), inOrganisation(policies, ctx.organisationId)),
    )
    .where(eq(statusRounds.organisationId, ctx.organisationId))
    .orderBy(asc(policies.title), desc(statusRounds.deadline));
  const counts = rounds.length
    ? await ctx.db
        .select({ roundId: statusReports.roundId, state: statusReports.state, n: sql<number>`count(*)::int` })
        .from(statusReports)
        .where(
          and(
            eq(statusReports.organisationId, ctx.organisationId),
            readableBy(ctx.actor, "statusReport", statusReports.administrationId),
            inArray(
              statusReports.roundId,
              rounds.map((r) => r.id),
            ),
          ),
        )
        .groupBy(statusReports.roundId, statusReports.state)
    : [];
  return rounds.map((r) => {
    const mine = counts.filter((c) => c.roundId === r.id);
    return {
      ...r,
      total: mine.reduce((s, c) => s + c.n, 0),
      reported: mine.filter((c) => answerCounts(c.state)).reduce((s, c) => s + c.n, 0),
    };
  });
}

/** The administrations a user reports for (their reporter grants). */
export function reporterAdministrationIds(ctx: Context): string[] {
  if (ctx.actor.kind !== "user") return [];
  return ctx.actor.grants
    .filter((g) => g.role === "reporter" && g.administrationId)
    .map((g) => g.administrationId!);
}

/** What the "open a round" form offers: the policies and the administrations. */
export async function roundFormOptions(ctx: Context) {
  authorize(ctx.actor, "manage", { entity: "statusRound" }, { hidden: true });
  const [policyRows, administrationRows] = await Promise.all([
    ctx.db
      .select({ id: policies.id, title: policies.title })
      .from(policies)
      .where(eq(policies.organisationId, ctx.organisationId))
      .orderBy(asc(policies.title)),
    administrationChoices(ctx),
  ]);
  return { policies: policyRows, administrations: administrationRows };
}
