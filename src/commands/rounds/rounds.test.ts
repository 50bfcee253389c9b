import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import { buildGoal, buildInitiative, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { outbox, statusReports } from "../../db/schema.ts";
import { roundAnswers } from "../../queries/rounds/answers.ts";
import { roundBoard } from "../../queries/rounds/rounds.ts";
import { reminderSender } from "./reminderSender.ts";
import { roundOpener } from "./roundOpener.ts";
import { roundStateChanger } from "./roundStateChanger.ts";
import { statusReportReviewer } from "./statusReportReviewer.ts";
import { statusReportSaver } from "./statusReportSaver.ts";

async function openRound() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org);
  const bif = await buildInitiative(org, policy.id, {
    title: "Jobmentor",
    administrationId: org.administrationIds.BIF,
  });
  const sof = await buildInitiative(org, policy.id, {
    title: "Rådgivning",
    administrationId: org.administrationIds.SOF,
  });
  await buildInitiative(org, policy.id, { title: "Bibliotek", administrationId: org.administrationIds.KFF });
  await buildGoal(org, policy.id, { text: "Færre hjemløse", administrationId: org.administrationIds.SOF });
  const coordinator = await buildActor(org, "coordinator");
  const round = await roundOpener(coordinator.ctx, {
    policyId: policy.id,
    kind: "annual",
    period: "2025",
    deadline: "2026-01-31",
    administrations: ["BIF", "SOF"],
  });
  return { org, policy, bif, sof, coordinator, round };
}

describe("status rounds", () => {
  it("opens a round with one answer per initiative and goal of the participating administrations", async () => {
    const { org, round } = await openRound();
    expect(round.state).toBe("open");
    const answers = await org.db.select().from(statusReports).where(eq(statusReports.roundId, round.id));
    // BIF's and SOF's initiatives and SOF's goal; KFF does not take part.
    expect(answers).toHaveLength(3);
    expect(answers.filter((a) => a.goalId)).toHaveLength(1);
  });

  it("lets a reporter save, submit and, after a return, correct their own administration's answer only", async () => {
    const { org, round, bif, coordinator } = await openRound();
    const bifReporter = await buildActor(org, "reporter", "BIF");
    const sofReporter = await buildActor(org, "reporter", "SOF");
    const mine = await roundAnswers(bifReporter.ctx, round.id);
    expect(mine.map((a) => a.initiativeTitle)).toEqual(["Jobmentor"]);
    const answer = mine[0]!.report;
    expect(answer.initiativeId).toBe(bif.id);

    await expect(
      statusReportSaver(sofReporter.ctx, { id: answer.id, version: answer.version, rating: "on_track" }),
    ).rejects.toMatchObject({ id: "not_found" });
    await expect(
      statusReportSaver(bifReporter.ctx, { id: answer.id, version: 1, submit: true }),
    ).rejects.toMatchObject({
      id: "validation_failed",
    });

    const draft = await statusReportSaver(bifReporter.ctx, {
      id: answer.id,
      version: 1,
      rating: "at_risk",
      narrative: "Udkast",
    });
    expect(draft.state).toBe("draft");
    const submitted = await statusReportSaver(bifReporter.ctx, {
      id: answer.id,
      version: draft.version,
      rating: "on_track",
      progressPct: 40,
      narrative: "100 deltagere i 2025",
      numbers: { spendDkk: 1_250_000, fte: 2.5 },
      submit: true,
    });
    expect(submitted.state).toBe("submitted");

    const returned = await statusReportReviewer(coordinator.ctx, {
      id: answer.id,
      version: submitted.version,
      action: "return",
      comment: "Angiv udgifter for hele året",
    });
    expect(returned.state).toBe("returned");
    await roundStateChanger(coordinator.ctx, { id: round.id, version: round.version, to: "in_review" });
    const corrected = await statusReportSaver(bifReporter.ctx, {
      id: answer.id,
      version: returned.version,
      rating: "on_track",
      numbers: { spendDkk: 1_400_000, fte: 2.5 },
      submit: true,
    });
    expect(corrected.state).toBe("submitted");
    expect(corrected.numbers).toMatchObject({ spendDkk: 1_400_000 });
  });

  it("refuses a stale answer version instead of overwriting the newer one", async () => {
    const { org, round } = await openRound();
    const reporter = await buildActor(org, "reporter", "SOF");
    const [answer] = (await roundAnswers(reporter.ctx, round.id)).filter((a) => a.report.initiativeId);
    await statusReportSaver(reporter.ctx, { id: answer!.report.id, version: 1, narrative: "Første" });
    await expect(
      statusReportSaver(reporter.ctx, { id: answer!.report.id, version: 1, narrative: "Anden" }),
    ).rejects.toMatchObject({ id: "stale_version", status: 409 });
  });

  it("shows who has reported and writes reminders to the outbox for the administrations still missing", async () => {
    const { org, round, coordinator } = await openRound();
    await buildActor(org, "reporter", "SOF");
    const bifReporter = await buildActor(org, "reporter", "BIF");
    const [answer] = await roundAnswers(bifReporter.ctx, round.id);
    await statusReportSaver(bifReporter.ctx, {
      id: answer!.report.id,
      version: 1,
      rating: "completed",
      submit: true,
    });
    const board = await roundBoard(coordinator.ctx, round.id, "2026-02-01");
    const byCode = Object.fromEntries(board.rows.map((r) => [r.code, r]));
    expect(byCode.BIF).toMatchObject({ total: 1, submitted: 1, late: false });
    expect(byCode.SOF).toMatchObject({ total: 2, draft: 2, late: true });
    const sent = await reminderSender(coordinator.ctx, { roundId: round.id });
    expect(sent).toEqual({ administrations: 1, messages: 1, withoutReporters: [] });
    const mails = await org.db.select().from(outbox).where(eq(outbox.organisationId, org.organisationId));
    expect(mails[0]!.body).toContain("2 indmelding");
  });

  it("locks a round: its answers are read-only for the commands and for the database itself", async () => {
    const { org, round, coordinator } = await openRound();
    const reporter = await buildActor(org, "reporter", "BIF");
    const [answer] = await roundAnswers(reporter.ctx, round.id);
    const inReview = await roundStateChanger(coordinator.ctx, {
      id: round.id,
      version: round.version,
      to: "in_review",
    });
    await expect(
      roundStateChanger(coordinator.ctx, { id: round.id, version: inReview.version, to: "draft" }),
    ).rejects.toMatchObject({ id: "invalid_state" });
    await roundStateChanger(coordinator.ctx, { id: round.id, version: inReview.version, to: "locked" });
    await expect(
      statusReportSaver(reporter.ctx, { id: answer!.report.id, version: 1, narrative: "for sent" }),
    ).rejects.toMatchObject({ id: "invalid_state" });
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => "written",
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    const id = answer!.report.id;
    expect(
      await refusal(
        org.db.update(statusReports).set({ narrative: "bagdør" }).where(eq(statusReports.id, id)),
      ),
    ).toMatch(/is locked/);
    expect(await refusal(org.db.delete(statusReports).where(eq(statusReports.id, id)))).toMatch(/is locked/);
  });

  it("does not let a reporter open or lock rounds", async () => {
    const { org, policy, round } = await openRound();
    const reporter = await buildActor(org, "reporter", "BIF");
    await expect(
      roundOpener(reporter.ctx, {
        policyId: policy.id,
        kind: "annual",
        period: "2026",
        deadline: "2027-01-31",
        administrations: ["BIF"],
      }),
    ).rejects.toMatchObject({ id: "forbidden" });
    await expect(
      roundStateChanger(reporter.ctx, { id: round.id, version: 1, to: "in_review" }),
    ).rejects.toMatchObject({
      id: "forbidden",
    });
  });
});
