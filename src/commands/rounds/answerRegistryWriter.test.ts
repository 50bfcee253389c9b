import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
} from "../../../test/factories.ts";
import { annualTargets, auditEvents, observations } from "../../db/schema.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../../domain/suppression.ts";
import { indicatorsWithProgress } from "../../queries/indicators/progress.ts";
import { roundAnswers } from "../../queries/rounds/answers.ts";
import { roundOpener } from "./roundOpener.ts";
import { statusReportReviewer } from "./statusReportReviewer.ts";
import { statusReportSaver } from "./statusReportSaver.ts";

async function roundWithNumbers(title = "Årsstatus 2025") {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org);
  const goal = await buildGoal(org, policy.id, {
    text: "Flere i job",
    administrationId: org.administrationIds.SOF,
  });
  // Baseline 60 in 2018, target 70 in 2022 (the factory's defaults).
  const indicator = await buildIndicator(org, goal.id);
  const initiative = await buildInitiative(org, policy.id, {
    title: "Jobmentor",
    administrationId: org.administrationIds.SOF,
  });
  const [target2025, target2024] = await org.db
    .insert(annualTargets)
    .values([
      {
        organisationId: org.organisationId,
        initiativeId: initiative.id,
        year: 2025,
        metric: "Deltagere",
        targetValue: 100,
      },
      {
        organisationId: org.organisationId,
        initiativeId: initiative.id,
        year: 2024,
        metric: "Deltagere",
        targetValue: 80,
      },
    ])
    .returning();
  const coordinator = await buildActor(org, "coordinator");
  const reporter = await buildActor(org, "reporter", "SOF");
  const open = (period: string, roundTitle?: string) =>
    roundOpener(coordinator.ctx, {
      policyId: policy.id,
      kind: "annual",
      period,
      title: roundTitle,
      deadline: "2026-01-31",
      administrations: ["SOF"],
    });
  const round = await open("2025", title);
  const answers = async (roundId: string) => {
    const rows = await roundAnswers(reporter.ctx, roundId);
    return {
      goalAnswer: rows.find((a) => a.report.goalId)!.report,
      initiativeAnswer: rows.find((a) => a.report.initiativeId)!.report,
    };
  };
  // The reporter submits 72 % (n = 140) for the goal and 104 participants for both years' targets.
  const submit = async (roundId: string, value: number) => {
    const { goalAnswer, initiativeAnswer } = await answers(roundId);
    const g = await statusReportSaver(reporter.ctx, {
      id: goalAnswer.id,
      version: goalAnswer.version,
      rating: "on_track",
      numbers: { observations: [{ indicatorId: indicator.id, period: "2025", value, n: 140 }] },
      submit: true,
    });
    const i = await statusReportSaver(reporter.ctx, {
      id: initiativeAnswer.id,
      version: initiativeAnswer.version,
      rating: "on_track",
      numbers: {
        spendDkk: 1_000_000,
        annualTargets: [
          { id: target2025!.id, actualValue: 104 },
          // Not the round's year: the form never offers it, and approval must not write it.
          { id: target2024!.id, actualValue: 999 },
        ],
      },
      submit: true,
    });
    return { g, i };
  };
  const review = (report: { id: string; version: number }, action: "accept" | "return") =>
    statusReportReviewer(coordinator.ctx, {
      id: report.id,
      version: report.version,
      action,
      comment: action === "return" ? "Tjek tallet" : undefined,
    });
  const obsRows = () => org.db.select().from(observations).where(eq(observations.indicatorId, indicator.id));
  const targetRow = async (id: string) =>
    (await org.db.select().from(annualTargets).where(eq(annualTargets.id, id)))[0]!;
  return {
    org,
    policy,
    indicator,
    round,
    open,
    submit,
    review,
    obsRows,
    targetRow,
    target2025,
    target2024,
    coordinator,
  };
}

describe("accepting an answer updates the registry", () => {
  it("writes the indicator value as an observation the progress rule uses, and the year's target actual", async () => {
    const s = await roundWithNumbers();
    const before = (
      await indicatorsWithProgress(s.coordinator.ctx, [s.policy.id], DEFAULT_SUPPRESSION_THRESHOLD)
    )[0]!;
    expect(before.observations).toHaveLength(0);

    const { g, i } = await s.submit(s.round.id, 72);
    await s.review(g, "accept");
    await s.review(i, "accept");

    const rows = await s.obsRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ period: "2025", year: 2025, value: 72, n: 140, disaggregation: "" });
    expect(rows[0]!.source).toBe("Statusrunde Årsstatus 2025");

    const after = (
      await indicatorsWithProgress(s.coordinator.ctx, [s.policy.id], DEFAULT_SUPPRESSION_THRESHOLD)
    )[0]!;
    // 72 in 2025 is past the 2022 target of 70: the indicator's progress now rests on the answer.
    expect(after.progress.series[0]!.current).toMatchObject({ year: 2025, value: 72 });
    expect(after.progress.status).toBe("target_achieved");

    expect((await s.targetRow(s.target2025!.id)).actualValue).toBe(104);
    expect((await s.targetRow(s.target2024!.id)).actualValue).toBeNull();

    const [audit] = await s.org.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organisationId, s.org.organisationId),
          eq(auditEvents.entityId, g.id),
          eq(auditEvents.action, "status_report.accept"),
        ),
      );
    expect((audit!.after as { registryChanges: unknown[] }).registryChanges).toEqual([
      expect.objectContaining({ entity: "observation", action: "create", value: 72, n: 140 }),
    ]);
    const observationEvents = await s.org.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.organisationId, s.org.organisationId), eq(auditEvents.entity, "observation")),
      );
    expect(observationEvents.map((e) => e.action)).toEqual(["observation.create"]);
  });

  it("writes nothing when the answer is returned, and the value accepted after the correction", async () => {
    const s = await roundWithNumbers();
    const { g, i } = await s.submit(s.round.id, 65);
    const returned = await s.review(g, "return");
    await s.review(i, "return");
    expect(await s.obsRows()).toHaveLength(0);
    expect((await s.targetRow(s.target2025!.id)).actualValue).toBeNull();

    const reporter = await buildActor(s.org, "reporter", "SOF");
    const corrected = await statusReportSaver(reporter.ctx, {
      id: returned.id,
      version: returned.version,
      rating: "on_track",
      numbers: { observations: [{ indicatorId: s.indicator.id, period: "2025", value: 66, n: 140 }] },
      submit: true,
    });
    await s.review(corrected, "accept");
    const rows = await s.obsRows();
    expect(rows.map((r) => r.value)).toEqual([66]);
  });

  it("updates the period's existing observation instead of adding a second one", async () => {
    const s = await roundWithNumbers();
    const { g } = await s.submit(s.round.id, 68);
    await s.review(g, "accept");
    const [first] = await s.obsRows();

    // A later round for the same period (e.g. a corrected figure) is approved too.
    const second = await s.open("2025", "Slutstatus 2025");
    const { g: g2 } = await s.submit(second.id, 71);
    await s.review(g2, "accept");

    const rows = await s.obsRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first!.id, value: 71, source: "Statusrunde Slutstatus 2025" });
    expect(rows[0]!.version).toBe(first!.version + 1);
  });
});
