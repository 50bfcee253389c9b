// The progress rule is one function: the portal, the API and the committee report give an
// indicator the same progress, also when it is measured only by breakdowns and one of them
// rests on too few persons.
import { describe, expect, it } from "vitest";
import { buildActor } from "../../test/actors.ts";
import { buildTestApp } from "../../test/app.ts";
import { buildGoal, buildIndicator, buildOrganisation, buildPolicy } from "../../test/factories.ts";
import { roundOpener } from "../commands/rounds/roundOpener.ts";
import { observations } from "../db/schema.ts";
import { progressStatusLabels } from "../domain/labels.ts";
import { buildRoundReport } from "./roundReportModel.ts";

describe("progress of an indicator measured by breakdowns", () => {
  it("is the same on the portal, in the API and in the committee report", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org, { title: "Politik for lige muligheder" });
    const goal = await buildGoal(org, policy.id, { text: "Flere i job" });
    const ind = await buildIndicator(org, goal.id, {
      title: "Andel i job",
      baselineValue: 60,
      baselinePeriod: "2018",
      targetValue: 70,
      targetPeriod: "2024",
    });
    const row = (disaggregation: string, period: string, value: number, n: number) => ({
      organisationId: org.organisationId,
      indicatorId: ind.id,
      period,
      year: Number(period),
      value,
      n,
      disaggregation,
    });
    // Women rise to the target; the men's 2022 value rests on 3 persons and must not count.
    await org.db
      .insert(observations)
      .values([
        row("køn=kvinder", "2018", 60, 400),
        row("køn=kvinder", "2022", 71, 420),
        row("køn=mænd", "2018", 60, 380),
        row("køn=mænd", "2022", 20, 3),
      ]);
    const app = await buildTestApp(org);

    const api = (await (await app.request(`/api/v1/indicators/${ind.id}`)).json()) as {
      data: { progress: string };
    };
    expect(api.data.progress, JSON.stringify(api)).toBe("target_achieved");

    const page = await (await app.request(`/indikatorer/${ind.id}`)).text();
    expect(page).toContain(progressStatusLabels.target_achieved);

    const coordinator = await buildActor(org, "coordinator");
    const round = await roundOpener(coordinator.ctx, {
      policyId: policy.id,
      kind: "annual",
      period: "2025",
      deadline: "2026-01-31",
      administrations: ["BIF"],
    });
    const report = await buildRoundReport(coordinator.ctx, round.id);
    const inReport = report.themes.flatMap((t) => t.goals.flatMap((g) => g.indicators));
    expect(inReport.map((i) => i.status)).toEqual(["target_achieved"]);
  });
});
