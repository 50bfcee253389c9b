// Progress as the policy list and the national comparisons read it: from the total series when an
// indicator has one (its breakdowns are not carried), from its breakdowns when it has no total.
import { describe, expect, it } from "vitest";
import { buildGoal, buildIndicator, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { observations } from "../../db/schema.ts";
import { indicatorsWithProgress } from "./progress.ts";

describe("indicatorsWithProgress", () => {
  it("reads the total series when there is one, the breakdowns when there is none", async () => {
    const org = await buildOrganisation();
    const policy = await buildPolicy(org);
    const goal = await buildGoal(org, policy.id);
    // Baseline 60 (2018), target 70 (2022), to increase.
    const total = await buildIndicator(org, goal.id, { title: "Med total" });
    const split = await buildIndicator(org, goal.id, { title: "Kun opdelt" });
    await buildIndicator(org, goal.id, { title: "Uden tal" });
    const observe = (indicatorId: string, year: number, value: number, disaggregation = "") => ({
      organisationId: org.organisationId,
      indicatorId,
      period: String(year),
      year,
      value,
      disaggregation,
    });
    await org.db.insert(observations).values([
      observe(total.id, 2022, 70),
      observe(total.id, 2020, 65),
      // Far below the baseline: read, it would pull the total's progress down.
      observe(total.id, 2022, 20, "køn=kvinder"),
      observe(split.id, 2022, 71, "køn=kvinder"),
      observe(split.id, 2021, 64, "køn=kvinder"),
      observe(split.id, 2022, 72, "køn=mænd"),
    ]);
    const rows = await indicatorsWithProgress(org.ctx(), undefined, 5);
    const byTitle = new Map(rows.map((r) => [r.title, r]));

    const withTotal = byTitle.get("Med total")!;
    expect(withTotal.observations.map((o) => [o.period, o.value, o.disaggregation])).toEqual([
      ["2020", 65, ""],
      ["2022", 70, ""],
    ]);
    expect(withTotal.progress.status).toBe("target_achieved");

    const onlySplit = byTitle.get("Kun opdelt")!;
    expect(onlySplit.observations.map((o) => [o.period, o.value, o.disaggregation])).toEqual([
      ["2021", 64, "køn=kvinder"],
      ["2022", 71, "køn=kvinder"],
      ["2022", 72, "køn=mænd"],
    ]);
    expect(onlySplit.progress.status).toBe("target_achieved");

    expect(byTitle.get("Uden tal")!.observations).toEqual([]);
    expect(byTitle.get("Uden tal")!.progress.status).toBe("not_available");
  });
});
