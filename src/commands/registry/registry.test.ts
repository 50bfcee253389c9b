// The registry commands: each change is version-guarded, audited with before
// and after, and refused to anyone but staff.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActor } from "../../../test/actors.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  buildTheme,
} from "../../../test/factories.ts";
import { auditEvents, initiativeGoals, observations, policies } from "../../db/schema.ts";
import { initiativeUpdater } from "../initiativeUpdater.ts";
import { annualTargetSaver } from "./annualTargetSaver.ts";
import { budgetLineSaver } from "./budgetLineSaver.ts";
import { budgetLineDeleter, observationDeleter } from "./deleters.ts";
import { goalUpdater } from "./goalUpdater.ts";
import { indicatorUpdater } from "./indicatorUpdater.ts";
import { observationSaver } from "./observationSaver.ts";
import { policyUpdater } from "./policyUpdater.ts";
import { themeUpdater } from "./themeUpdater.ts";

async function setup() {
  const org = await buildOrganisation();
  const policy = await buildPolicy(org);
  const theme = await buildTheme(org, policy.id, 1, "Job");
  const goal = await buildGoal(org, policy.id, { themeId: theme.id });
  const indicator = await buildIndicator(org, goal.id);
  const initiative = await buildInitiative(org, policy.id);
  return { org, policy, theme, goal, indicator, initiative };
}

const policyInput = (id: string, version: number, title: string) => ({
  id,
  version,
  title,
  kind: "policy",
  status: "adopted",
  periodStart: 2024,
  periodEnd: 2027,
  ownerAdministrationId: null,
  adoptedOn: "2024-05-30",
  followUp: null,
});

describe("registry commands", () => {
  it("policyUpdater saves, bumps the version, audits before/after and refuses a stale version", async () => {
    const { org, policy } = await setup();
    const after = await policyUpdater(org.ctx(), policyInput(policy.id, 1, "Ny titel"));
    expect(after).toMatchObject({ title: "Ny titel", version: 2, adoptedOn: "2024-05-30" });
    const [event] = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, policy.id));
    expect(event).toMatchObject({
      action: "policy.update",
      before: { title: policy.title },
      after: { title: "Ny titel" },
    });
    await expect(policyUpdater(org.ctx(), policyInput(policy.id, 1, "Anden"))).rejects.toMatchObject({
      id: "stale_version",
    });
    const [row] = await org.db.select().from(policies).where(eq(policies.id, policy.id));
    expect(row!.title).toBe("Ny titel");
  });

  it("refuses a reporter and a viewer (they read the registry but may not change it) and changes nothing", async () => {
    const { org, policy } = await setup();
    for (const [role, admin] of [
      ["reporter", "BIF"],
      ["viewer", undefined],
    ] as const) {
      const { ctx } = await buildActor(org, role, admin);
      await expect(policyUpdater(ctx, policyInput(policy.id, 1, "Kapret"))).rejects.toMatchObject({
        status: 403,
      });
    }
    const [row] = await org.db.select().from(policies).where(eq(policies.id, policy.id));
    expect(row!.version).toBe(1);
  });

  it("a coordinator edits themes, goals and indicators; a theme number may not repeat within a policy", async () => {
    const { org, policy, theme, goal, indicator } = await setup();
    const { ctx } = await buildActor(org, "coordinator");
    await buildTheme(org, policy.id, 2, "Uddannelse");
    await expect(
      themeUpdater(ctx, { id: theme.id, version: 1, number: 2, title: "Job", description: null }),
    ).rejects.toMatchObject({ id: "duplicate" });
    expect(
      await themeUpdater(ctx, { id: theme.id, version: 1, number: 3, title: "Job", description: null }),
    ).toMatchObject({ number: 3, version: 2 });
    const other = await buildPolicy(org);
    const foreign = await buildTheme(org, other.id, 1, "Fremmed");
    const goalInput = {
      id: goal.id,
      version: 1,
      kind: "result_goal",
      number: "2",
      text: "Ny",
      administrationId: null,
      sortOrder: 0,
    };
    await expect(goalUpdater(ctx, { ...goalInput, themeId: foreign.id })).rejects.toMatchObject({
      id: "validation_failed",
    });
    expect(await goalUpdater(ctx, { ...goalInput, themeId: null })).toMatchObject({
      kind: "result_goal",
      themeId: null,
    });
    const updated = await indicatorUpdater(ctx, {
      id: indicator.id,
      version: 1,
      title: "Andel",
      unit: "pct.",
      direction: "decrease",
      baselineValue: 12.5,
      baselinePeriod: "skoleåret 2016/17",
      targetValue: 10,
      targetPeriod: "2019–2022",
      source: null,
    });
    expect(updated).toMatchObject({
      baselinePeriod: "2016/17",
      targetPeriod: "2019-2022",
      direction: "decrease",
    });
    await expect(
      indicatorUpdater(ctx, { ...updated, version: 2, baselinePeriod: "snart", source: null }),
    ).rejects.toMatchObject({ id: "validation_failed" });
  });

  it("observationSaver adds and edits measurements by canonical period; a duplicate and a stale delete are refused", async () => {
    const { org, indicator } = await setup();
    const base = { disaggregation: "", n: 40, footnote: null, source: "DST" };
    const added = await observationSaver(org.ctx(), {
      indicatorId: indicator.id,
      period: "2016/2017",
      value: 3,
      ...base,
    });
    expect(added).toMatchObject({ period: "2016/17", year: 2017, version: 1 });
    await expect(
      observationSaver(org.ctx(), { indicatorId: indicator.id, period: "2016/17", value: 4, ...base }),
    ).rejects.toMatchObject({ id: "duplicate" });
    const women = await observationSaver(org.ctx(), {
      indicatorId: indicator.id,
      period: "2016/17",
      value: 4,
      ...base,
      disaggregation: "køn=kvinder",
    });
    await expect(
      observationSaver(org.ctx(), { id: women.id, version: 1, period: "2016/17", value: 4, ...base }),
    ).rejects.toMatchObject({ id: "duplicate" });
    const edited = await observationSaver(org.ctx(), {
      id: added.id,
      version: 1,
      period: "2018Q2",
      value: 5,
      ...base,
    });
    expect(edited).toMatchObject({ period: "2018Q2", year: 2018, version: 2 });
    await expect(observationDeleter(org.ctx(), { id: added.id, version: 1 })).rejects.toMatchObject({
      id: "stale_version",
    });
    await observationDeleter(org.ctx(), { id: added.id, version: 2 });
    expect(
      await org.db.select().from(observations).where(eq(observations.indicatorId, indicator.id)),
    ).toHaveLength(1);
    const actions = (
      await org.db.select().from(auditEvents).where(eq(auditEvents.organisationId, org.organisationId))
    ).map((e) => e.action);
    expect(actions.sort()).toEqual([
      "observation.create",
      "observation.create",
      "observation.delete",
      "observation.update",
    ]);
  });

  it("budget lines and annual targets are added, edited and deleted under an initiative of the organisation only", async () => {
    const { org, initiative } = await setup();
    const line = await budgetLineSaver(org.ctx(), {
      initiativeId: initiative.id,
      year: null,
      amountDkk: 1_000_000,
      fte: 2,
      fundingStatus: "funded",
      label: null,
    });
    const edited = await budgetLineSaver(org.ctx(), {
      id: line.id,
      version: 1,
      year: 2025,
      amountDkk: 900_000,
      fte: null,
      fundingStatus: "funded",
      label: null,
    });
    expect(edited).toMatchObject({ year: 2025, amountDkk: 900_000, version: 2 });
    await expect(budgetLineDeleter(org.ctx(), { id: line.id, version: 1 })).rejects.toMatchObject({
      id: "stale_version",
    });
    await budgetLineDeleter(org.ctx(), { id: line.id, version: 2 });
    const target = await annualTargetSaver(org.ctx(), {
      initiativeId: initiative.id,
      year: 2025,
      metric: "Deltagere",
      targetValue: 50,
      actualValue: 48,
      unit: "personer",
    });
    expect(target).toMatchObject({ metric: "Deltagere", actualValue: 48 });
    const elsewhere = await buildOrganisation();
    await expect(
      annualTargetSaver(elsewhere.ctx(), {
        initiativeId: initiative.id,
        year: 2025,
        metric: "X",
        targetValue: null,
        actualValue: null,
        unit: null,
      }),
    ).rejects.toMatchObject({ id: "not_found" });
  });

  it("initiativeUpdater links goals of its own policy only, and audits the links", async () => {
    const { org, goal, initiative } = await setup();
    const other = await buildPolicy(org);
    const foreignGoal = await buildGoal(org, other.id);
    await expect(
      initiativeUpdater(org.ctx(), { id: initiative.id, version: 1, goalIds: [foreignGoal.id] }),
    ).rejects.toMatchObject({ id: "validation_failed" });
    await initiativeUpdater(org.ctx(), {
      id: initiative.id,
      version: 1,
      goalIds: [goal.id],
      administrationId: org.administrationIds.BIF,
    });
    expect(
      await org.db.select().from(initiativeGoals).where(eq(initiativeGoals.initiativeId, initiative.id)),
    ).toMatchObject([{ goalId: goal.id }]);
    const [event] = await org.db.select().from(auditEvents).where(eq(auditEvents.entityId, initiative.id));
    expect(event).toMatchObject({
      before: { goalIds: [] },
      after: { goalIds: [goal.id], administrationId: org.administrationIds.BIF },
    });
  });
});
