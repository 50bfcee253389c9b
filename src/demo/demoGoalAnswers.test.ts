// The demo corpus's goals have their responsible administration (the one under their
// committee, from the organisation's data), so a status round asks that administration for
// the goal's numbers, and an approved answer's indicator value becomes an observation.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildActor } from "../../test/actors.ts";
import { buildOrganisation, type TestOrganisation } from "../../test/factories.ts";
import { roundOpener } from "../commands/rounds/roundOpener.ts";
import { statusReportReviewer } from "../commands/rounds/statusReportReviewer.ts";
import { statusReportSaver } from "../commands/rounds/statusReportSaver.ts";
import { administrations, goalCommittees, goals, indicators, observations } from "../db/schema.ts";
import { createLogger } from "../logger.ts";
import { roundAnswers } from "../queries/rounds/answers.ts";
import { importDemoDocuments } from "./demoImport.ts";
import { demoDocuments } from "./loadDemo.ts";

let org: TestOrganisation;

beforeAll(async () => {
  org = await buildOrganisation();
  await importDemoDocuments(org.ctx(), demoDocuments(), createLogger("silent"));
}, 180_000);

describe("demo goals and the status round", () => {
  it("gives every goal with a responsible committee an administration", async () => {
    const withCommittee = await org.db
      .selectDistinct({ id: goals.id, administrationId: goals.administrationId })
      .from(goals)
      .innerJoin(goalCommittees, eq(goalCommittees.goalId, goals.id))
      .where(eq(goals.organisationId, org.organisationId));
    expect(withCommittee.length).toBeGreaterThan(0);
    expect(withCommittee.filter((g) => g.administrationId === null)).toEqual([]);
  });

  it("an approved goal answer's indicator value becomes an observation", async () => {
    // A goal with an indicator and an administration, as the demo import left it.
    const [target] = await org.db
      .select({
        goalId: goals.id,
        policyId: goals.policyId,
        indicatorId: indicators.id,
        code: administrations.code,
      })
      .from(indicators)
      .innerJoin(goals, eq(goals.id, indicators.goalId))
      .innerJoin(administrations, eq(administrations.id, goals.administrationId))
      .where(and(eq(indicators.organisationId, org.organisationId), isNotNull(goals.administrationId)))
      .limit(1);
    expect(target).toBeDefined();
    const coordinator = await buildActor(org, "coordinator");
    const reporter = await buildActor(org, "reporter", target!.code);
    const round = await roundOpener(coordinator.ctx, {
      policyId: target!.policyId,
      kind: "annual",
      period: "2021",
      deadline: "2022-01-31",
      administrations: [target!.code],
    });
    const answer = (await roundAnswers(reporter.ctx, round.id)).find(
      (a) => a.report.goalId === target!.goalId,
    );
    expect(answer).toBeDefined();
    const saved = await statusReportSaver(reporter.ctx, {
      id: answer!.report.id,
      version: answer!.report.version,
      rating: "on_track",
      numbers: { observations: [{ indicatorId: target!.indicatorId, period: "2021", value: 42.5, n: 300 }] },
      submit: true,
    });
    const before = await org.db
      .select()
      .from(observations)
      .where(inArray(observations.indicatorId, [target!.indicatorId]));
    expect(before.filter((o) => o.period === "2021")).toEqual([]);
    await statusReportReviewer(coordinator.ctx, { id: saved.id, version: saved.version, action: "accept" });
    const after = await org.db
      .select({ period: observations.period, value: observations.value, n: observations.n })
      .from(observations)
      .where(inArray(observations.indicatorId, [target!.indicatorId]));
    expect(after).toContainEqual({ period: "2021", value: 42.5, n: 300 });
  });
});
