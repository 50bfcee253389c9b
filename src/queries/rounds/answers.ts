// The answers (status reports) of a round: a reporter's own ("Mine indmeldinger"),
// one answer with what its form needs, and the links that roll ratings up per goal.
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { authorize } from "../../authz/can.ts";
import type { Context } from "../../context.ts";
import {
  administrations,
  goals,
  initiativeGoals,
  initiatives,
  policies,
  roundAdministrations,
  statusReports,
  statusRounds,
} from "../../db/schema.ts";
import { countedReportStates } from "../../domain/roundState.ts";
import { notFound } from "../../errors.ts";
import { indicatorsOf } from "../indicators/indicators.ts";
import { annualTargetsOf } from "../initiatives/annualTargets.ts";
import { budgetLinesOf } from "../initiatives/budgetLines.ts";
import { inOrganisation, readableBy } from "../scope.ts";
import { getRound, isUuid, reporterAdministrationIds } from "./rounds.ts";

/** A status report's administration and subject, of the organisation. */
const reportJoins = (organisationId: string) => ({
  administration: and(
    eq(administrations.id, statusReports.administrationId),
    inOrganisation(administrations, organisationId),
  ) as SQL,
  initiative: and(
    eq(initiatives.id, statusReports.initiativeId),
    inOrganisation(initiatives, organisationId),
  ) as SQL,
  goal: and(eq(goals.id, statusReports.goalId), inOrganisation(goals, organisationId)) as SQL,
});

/** The answers a reporter (or a coordinator looking at one administration) works on in a round. */
export async function roundAnswers(ctx: Context, roundId: string, administrationIds?: string[]) {
  const round = await getRound(ctx, roundId);
  // Reporters see only their own administration's answers: scoped in the query, not after it.
  const where = [
    eq(statusReports.organisationId, ctx.organisationId),
    eq(statusReports.roundId, round.id),
    readableBy(ctx.actor, "statusReport", statusReports.administrationId),
  ];
  if (administrationIds) where.push(inArray(statusReports.administrationId, administrationIds));
  return ctx.db
    .select({
      report: statusReports,
      initiativeTitle: initiatives.title,
      goalText: goals.text,
      administrationCode: administrations.code,
    })
    .from(statusReports)
    .innerJoin(administrations, reportJoins(ctx.organisationId).administration)
    .leftJoin(initiatives, reportJoins(ctx.organisationId).initiative)
    .leftJoin(goals, reportJoins(ctx.organisationId).goal)
    .where(and(...where))
    .orderBy(asc(administrations.code), asc(initiatives.title), asc(goals.sortOrder));
}

/** "Mine indmeldinger": the rounds (not drafts) where the user's administrations have answers to write. */
export async function myRounds(ctx: Context) {
  const adminIds = reporterAdministrationIds(ctx);
  if (!adminIds.length) return [];
  const rounds = await ctx.db
    .selectDistinct({
      id: statusRounds.id,
      title: statusRounds.title,
      period: statusRounds.period,
      kind: statusRounds.kind,
      deadline: statusRounds.deadline,
      state: statusRounds.state,
      policyTitle: policies.title,
    })
    .from(statusRounds)
    .innerJoin(
      policies,
      and(eq(policies.id, statusRounds.policyId), inOrganisation(policies, ctx.organisationId)),
    )
    .innerJoin(
      roundAdministrations,
      and(
        eq(roundAdministrations.roundId, statusRounds.id),
        inOrganisation(roundAdministrations, ctx.organisationId),
      ),
    )
    .where(
      and(
        eq(statusRounds.organisationId, ctx.organisationId),
        inArray(roundAdministrations.administrationId, adminIds),
        inArray(statusRounds.state, ["open", "in_review", "locked"]),
      ),
    )
    .orderBy(desc(statusRounds.deadline));
  const result = [];
  for (const round of rounds) {
    result.push({ round, answers: await roundAnswers(ctx, round.id, adminIds) });
  }
  return result;
}

/**
 * One answer with what its form needs: the round, the subject, the goal's
 * indicators or the initiative's annual targets. Someone who may not read it
 * (another administration's reporter) gets "not found".
 */
export async function answerForEdit(ctx: Context, reportId: string) {
  if (!isUuid(reportId)) throw notFound("The status report");
  const [row] = await ctx.db
    .select({
      report: statusReports,
      initiativeTitle: initiatives.title,
      goalText: goals.text,
      administrationCode: administrations.code,
      administrationName: administrations.name,
    })
    .from(statusReports)
    .innerJoin(administrations, reportJoins(ctx.organisationId).administration)
    .leftJoin(initiatives, reportJoins(ctx.organisationId).initiative)
    .leftJoin(goals, reportJoins(ctx.organisationId).goal)
    .where(and(eq(statusReports.id, reportId), eq(statusReports.organisationId, ctx.organisationId)));
  if (!row) throw notFound("The status report");
  authorize(
    ctx.actor,
    "read",
    { entity: "statusReport", administrationId: row.report.administrationId },
    { hidden: true },
  );
  const round = await getRound(ctx, row.report.roundId);
  const goalIndicators = row.report.goalId ? await indicatorsOf(ctx, row.report.goalId) : [];
  const year = Number.parseInt(round.period.slice(-4), 10);
  // The targets for the round's year, and those without a year (the whole period).
  const targets = row.report.initiativeId
    ? await annualTargetsOf(ctx, row.report.initiativeId, { year })
    : [];
  const [context, previous] = await Promise.all([
    answerContext(ctx, row.report.initiativeId),
    previousAnswer(ctx, row.report, round),
  ]);
  return {
    ...row,
    context,
    previous,
    subject: row.initiativeTitle ?? row.goalText ?? "",
    kind: row.report.initiativeId ? ("initiative" as const) : ("goal" as const),
    round,
    indicators: goalIndicators,
    annualTargets: targets,
  };
}

/** What a reporter needs beside the form: the initiative's description and its registered budget. */
async function answerContext(ctx: Context, initiativeId: string | null) {
  if (!initiativeId) return null;
  const [[initiative], budget] = await Promise.all([
    ctx.db
      .select({
        description: initiatives.description,
        policyTitle: policies.title,
        periodStart: policies.periodStart,
        periodEnd: policies.periodEnd,
      })
      .from(initiatives)
      .innerJoin(
        policies,
        and(eq(policies.id, initiatives.policyId), inOrganisation(policies, ctx.organisationId)),
      )
      .where(and(eq(initiatives.id, initiativeId), eq(initiatives.organisationId, ctx.organisationId))),
    budgetLinesOf(ctx, initiativeId),
  ]);
  return initiative ? { ...initiative, budget } : null;
}

/** The same initiative's or goal's submitted answer in the latest earlier round, if any. */
async function previousAnswer(
  ctx: Context,
  report: typeof statusReports.$inferSelect,
  round: typeof statusRounds.$inferSelect,
) {
  const subject = report.initiativeId
    ? eq(statusReports.initiativeId, report.initiativeId)
    : report.goalId
      ? and(
          eq(statusReports.goalId, report.goalId),
          eq(statusReports.administrationId, report.administrationId),
        )
      : undefined;
  if (!subject) return null;
  const [prev] = await ctx.db
    .select({
      roundTitle: statusRounds.title,
      period: statusRounds.period,
      rating: statusReports.rating,
      progressPct: statusReports.progressPct,
      narrative: statusReports.narrative,
      numbers: statusReports.numbers,
    })
    .from(statusReports)
    .innerJoin(
      statusRounds,
      and(eq(statusRounds.id, statusReports.roundId), inOrganisation(statusRounds, ctx.organisationId)),
    )
    .where(
      and(
        eq(statusReports.organisationId, ctx.organisationId),
        // An initiative may have moved to another administration since: its earlier answers stay theirs.
        readableBy(ctx.actor, "statusReport", statusReports.administrationId),
        subject,
        sql`${statusReports.roundId} <> ${round.id}`,
        sql`${statusRounds.deadline} < ${round.deadline}`,
        inArray(statusReports.state, countedReportStates),
      ),
    )
    .orderBy(desc(statusRounds.deadline))
    .limit(1);
  return prev ?? null;
}

/** Initiative ↔ goal links of a round's initiatives, to roll ratings up per goal. */
export async function roundInitiativeGoals(ctx: Context, roundId: string) {
  return ctx.db
    .select({
      initiativeId: initiativeGoals.initiativeId,
      goalId: initiativeGoals.goalId,
      goalText: goals.text,
    })
    .from(initiativeGoals)
    .innerJoin(
      statusReports,
      and(
        eq(statusReports.initiativeId, initiativeGoals.initiativeId),
        inOrganisation(statusReports, ctx.organisationId),
      ),
    )
    .innerJoin(goals, and(eq(goals.id, initiativeGoals.goalId), inOrganisation(goals, ctx.organisationId)))
    .where(and(eq(statusReports.roundId, roundId), eq(initiativeGoals.organisationId, ctx.organisationId)))
    .orderBy(asc(goals.sortOrder), asc(goals.text));
}
