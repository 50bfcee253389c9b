// The policy page's read is one statement, counted at the driver: each list a subquery of the
// policy's row, so an uncached page holds one pooled connection for one round trip.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../../test/db.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  buildTheme,
} from "../../../test/factories.ts";
import { statementsOf } from "../../../test/statements.ts";
import { budgetLines, observations } from "../../db/schema.ts";
import { policyDetail } from "./detail.ts";

describe("policyDetail", () => {
  it("reads the policy and all its parts in one statement", async () => {
    const org = await buildOrganisation();
    const parent = await buildPolicy(org, { title: "Overordnet politik" });
    const policy = await buildPolicy(org, { parentPolicyId: parent.id });
    const child = await buildPolicy(org, { parentPolicyId: policy.id, title: "Handleplan" });
    const theme = await buildTheme(org, policy.id);
    const goal = await buildGoal(org, policy.id, { themeId: theme.id });
    const indicator = await buildIndicator(org, goal.id);
    await org.db.insert(observations).values({
      organisationId: org.organisationId,
      indicatorId: indicator.id,
      period: "2023",
      year: 2023,
      value: 65,
    });
    const initiative = await buildInitiative(org, policy.id);
    await org.db.insert(budgetLines).values({
      organisationId: org.organisationId,
      initiativeId: initiative.id,
      year: 2025,
      amountDkk: 500_000,
    });
    const database = await testDatabase();
    let detail: Awaited<ReturnType<typeof policyDetail>>;
    const count = await statementsOf(database, async () => {
      detail = await policyDetail(org.ctx(), policy.slug, 5);
    });
    expect(count).toBe(1);
    expect(detail!.policy.title).toBe(policy.title);
    expect(detail!.parent?.title).toBe(parent.title);
    expect(detail!.children.map((c) => c.title)).toEqual([child.title]);
    expect(detail!.themes.map((t) => t.id)).toEqual([theme.id]);
    expect(detail!.goals.map((g) => g.indicators.map((i) => i.observations.map((o) => o.value)))).toEqual([
      [[65]],
    ]);
    expect(detail!.initiatives.map((i) => i.id)).toEqual([initiative.id]);
    expect(detail!.budget.totals.get(2025)).toBe(500_000);
  });
});
