// The demo's example status round: open, for the policy with the most
// initiatives, with answers from the two demo reporters (one draft, the rest
// submitted, and all submitted but one accepted by the coordinator, so the round
// shows the whole path) so the board and the committee report have content at
// once. Every answer says it is example data, and the round is flagged is_example.
import { and, eq, sql } from "drizzle-orm";
import { roundOpener } from "../commands/rounds/roundOpener.ts";
import { statusReportReviewer } from "../commands/rounds/statusReportReviewer.ts";
import { statusReportSaver } from "../commands/rounds/statusReportSaver.ts";
import type { Context } from "../context.ts";
import { administrations, initiatives, policies, statusRounds } from "../db/schema.ts";
import type { Rating } from "../domain/enums.ts";
import { roundAnswers } from "../queries/rounds/answers.ts";
import { type DemoUser, demoReporterActor } from "./demoUsers.ts";

export const EXAMPLE_LABEL = "Eksempeldata";

/** The policy (kind policy) with the most initiatives, its action plans' included. */
async function busiestPolicy(ctx: Context) {
  const all = await ctx.db
    .select({
      id: policies.id,
      title: policies.title,
      kind: policies.kind,
      parentId: policies.parentPolicyId,
    })
    .from(policies)
    .where(eq(policies.organisationId, ctx.organisationId));
  const counts = await ctx.db
    .select({ policyId: initiatives.policyId, n: sql<number>`count(*)::int` })
    .from(initiatives)
    .where(eq(initiatives.organisationId, ctx.organisationId))
    .groupBy(initiatives.policyId);
  const n = new Map(counts.map((c) => [c.policyId, c.n]));
  const total = (id: string) =>
    (n.get(id) ?? 0) + all.filter((p) => p.parentId === id).reduce((sum, p) => sum + (n.get(p.id) ?? 0), 0);
  return all
    .filter((p) => p.kind === "policy")
    .map((p) => ({ ...p, n: total(p.id) }))
    .sort((a, b) => b.n - a.n || a.title.localeCompare(b.title, "da"))[0];
}

const examples: { rating: Rating; progressPct: number; text: string; spendDkk?: number; fte?: number }[] = [
  {
    rating: "on_track",
    progressPct: 60,
    text: "Indsatsen kører efter planen. Der er afholdt de planlagte aktiviteter, og deltagertallet ligger som forventet.",
    spendDkk: 250_000,
    fte: 0.5,
  },
  {
    rating: "at_risk",
    progressPct: 35,
    text: "Indsatsen er forsinket, fordi en nøglemedarbejder har været fraværende. En ny tidsplan er lagt.",
    spendDkk: 120_000,
    fte: 0.3,
  },
  {
    rating: "completed",
    progressPct: 100,
    text: "Indsatsen er gennemført. Erfaringerne er samlet i et notat og deles med de øvrige forvaltninger.",
    spendDkk: 400_000,
    fte: 1,
  },
  {
    rating: "paused_awaiting_funding",
    progressPct: 10,
    text: "Indsatsen er sat på pause, indtil der er fundet finansiering i budgetprocessen.",
  },
];

function narrative(text: string) {
  return `${EXAMPLE_LABEL}: ${text} (Dette svar er opdigtet til demonstration og er ikke en rigtig indmelding.)`;
}

function isoDay(date: Date) {
  return date.toISOString().slice(0, 10);
}

/**
 * Opens the example round unless the organisation has one already. Each demo
 * reporter submits all but one of up to four answers; BIF's last one stays a draft.
 */
export async function createDemoRound(ctx: Context, reporters: DemoUser[], opts: { now?: Date } = {}) {
  const [existing] = await ctx.db
    .select({ id: statusRounds.id })
    .from(statusRounds)
    .where(and(eq(statusRounds.organisationId, ctx.organisationId), eq(statusRounds.isExample, true)));
  if (existing) return null;
  const policy = await busiestPolicy(ctx);
  if (!policy || policy.n === 0) return null;
  const now = opts.now ?? new Date();
  const year = now.getUTCFullYear();
  const codes = (
    await ctx.db
      .select({ code: administrations.code })
      .from(administrations)
      .where(eq(administrations.organisationId, ctx.organisationId))
  ).map((a) => a.code);
  const round = await roundOpener(ctx, {
    policyId: policy.id,
    kind: "annual",
    period: String(year - 1),
    title: `${EXAMPLE_LABEL}: årlig status ${year - 1}`,
    deadline: isoDay(new Date(now.getTime() + 21 * 86_400_000)),
    administrations: codes,
    isExample: true,
  });

  let submitted = 0;
  let drafts = 0;
  const toReview: { id: string; version: number }[] = [];
  for (const [r, reporter] of reporters.filter((u) => u.role === "reporter").entries()) {
    const reporterCtx = { ...ctx, actor: await demoReporterActor(ctx, reporter) };
    const mine = (await roundAnswers(reporterCtx, round.id)).filter((a) => a.report.initiativeId).slice(0, 4);
    for (const [i, answer] of mine.entries()) {
      // The first reporter leaves the last answer as a draft; the others submit all theirs but one.
      const leaveOpen = i === mine.length - 1;
      if (leaveOpen && r > 0) continue;
      const example = examples[(i + r) % examples.length]!;
      const saved = await statusReportSaver(reporterCtx, {
        id: answer.report.id,
        version: answer.report.version,
        rating: example.rating,
        progressPct: example.progressPct,
        narrative: narrative(example.text),
        numbers:
          example.spendDkk !== undefined
            ? { spendDkk: example.spendDkk, fte: example.fte ?? null }
            : undefined,
        submit: !leaveOpen,
      });
      if (leaveOpen) drafts++;
      else {
        submitted++;
        toReview.push({ id: saved.id, version: saved.version });
      }
    }
  }
  // The coordinator accepts all submitted answers but the last, which waits for review.
  let accepted = 0;
  for (const answer of toReview.slice(0, -1)) {
    await statusReportReviewer(ctx, { ...answer, action: "accept" });
    accepted++;
  }
  return { roundId: round.id, policyTitle: policy.title, items: round.items, submitted, drafts, accepted };
}
