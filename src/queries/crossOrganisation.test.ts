// Every organisation-scoped table a query reads carries the organisation's condition,
// the joined and correlated ones too: a row's foreign key may name another
// organisation's row (ids are global), and such a row must not leak into this
// organisation's portal, API, admin or reports. The rows below are inserted directly,
// as no command would write them.
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { withoutReferenceChecks } from "../../test/crossReferences.ts";
import {
  buildGoal,
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
} from "../../test/factories.ts";
import { roundOpener } from "../commands/rounds/roundOpener.ts";
import {
  administrations,
  budgetLines,
  committees,
  goalCommittees,
  initiativeGoals,
  initiatives,
  roundAdministrations,
  statusReports,
} from "../db/schema.ts";
import { browseInitiatives } from "./initiatives/browse.ts";
import { policyBudget } from "./policies/budget.ts";
import { policyDetail } from "./policies/detail.ts";
import { registryOverview } from "./registry.ts";
import { roundBoard } from "./rounds/rounds.ts";

const FOREIGN_AMOUNT = 7_777_777;

async function world() {
  const own = await buildOrganisation();
  const other = await buildOrganisation(own.db);
  const db = own.db;
  const policy = await buildPolicy(own, { periodStart: 2024, periodEnd: 2027 });
  const goal = await buildGoal(own, policy.id, { text: "Vores mål" });
  const unlinkedGoal = await buildGoal(own, policy.id, { text: "Et andet mål", number: "2" });
  const initiative = await buildInitiative(own, policy.id, { title: "Vores initiativ" });
  await db
    .insert(initiativeGoals)
    .values({ organisationId: own.organisationId, initiativeId: initiative.id, goalId: goal.id });
  await db.insert(budgetLines).values({
    organisationId: own.organisationId,
    initiativeId: initiative.id,
    year: 2025,
    amountDkk: 100_000,
    fte: 1,
  });
  const { misfiled, theirs } = await withoutReferenceChecks(db, async (tx) => {
    // The other organisation's rows that name ours.
    await tx.insert(budgetLines).values({
      organisationId: other.organisationId,
      initiativeId: initiative.id,
      year: 2031,
      amountDkk: FOREIGN_AMOUNT,
      fte: 9,
    });
    await tx.insert(initiativeGoals).values({
      organisationId: other.organisationId,
      initiativeId: initiative.id,
      goalId: unlinkedGoal.id,
    });
    // Lookup rows of the other organisation that our rows name.
    const [foreignAdministration] = await tx
      .insert(administrations)
      .values({ organisationId: other.organisationId, code: "FRM", name: "Fremmed forvaltning" })
      .returning();
    const [foreignCommittee] = await tx
      .insert(committees)
      .values({ organisationId: other.organisationId, code: "FRU", name: "Fremmed udvalg" })
      .returning();
    const misfiled = await buildInitiative({ ...own, db: tx }, policy.id, {
      title: "Forkert forvaltning",
      administrationId: foreignAdministration!.id,
      committeeId: foreignCommittee!.id,
    });
    await tx.insert(goalCommittees).values({
      organisationId: own.organisationId,
      goalId: goal.id,
      committeeId: foreignCommittee!.id,
    });
    // Their initiative under our policy, with one of our budget lines pointing at it.
    const [theirs] = await tx
      .insert(initiatives)
      .values({
        organisationId: other.organisationId,
        policyId: policy.id,
        title: "Fremmed initiativ",
        fundingStatus: "within_frame",
        status: "ongoing",
      })
      .returning();
    await tx.insert(budgetLines).values({
      organisationId: own.organisationId,
      initiativeId: theirs!.id,
      year: 2025,
      amountDkk: FOREIGN_AMOUNT,
    });
    return { misfiled, theirs: theirs! };
  });
  return { own, other, policy, goal, unlinkedGoal, initiative, misfiled, theirs };
}

type Json = Record<string, unknown>;

describe("rows that name another organisation's rows", () => {
  it("stay out of the API's initiatives: money, goals, year filter and codes", async () => {
    const w = await world();
    const app = await buildTestApp(w.own);
    const get = async (path: string) => (await (await app.request(path)).json()) as { data: Json | Json[] };

    const one = (await get(`/api/v1/initiatives/${w.initiative.id}`)).data as Json;
    expect(one.budget).toEqual([
      { year: 2025, period_start: 2025, period_end: 2025, amount_dkk: 100_000, fte: 1 },
    ]);
    expect(one.goal_ids).toEqual([w.goal.id]);

    const byGoal = (await get(`/api/v1/initiatives?goal_id=${w.unlinkedGoal.id}`)).data as Json[];
    expect(byGoal).toEqual([]);
    const in2031 = (await get("/api/v1/initiatives?year=2031")).data as Json[];
    expect(in2031).toEqual([]);

    const misfiled = (await get(`/api/v1/initiatives/${w.misfiled.id}`)).data as Json;
    expect(misfiled.administration).toBeNull();
    expect(misfiled.committee).toBeNull();
    expect((await get("/api/v1/initiatives?administration=FRM")).data).toEqual([]);

    const goal = (await get(`/api/v1/goals/${w.goal.id}`)).data as Json;
    expect(goal.committees).toEqual([]);
  });

  it("stay out of the portal's initiative list, policy page and budget table", async () => {
    const w = await world();
    const ctx = w.own.ctx();
    const list = await browseInitiatives(ctx, {}, { all: true });
    const row = list.rows.find((r) => r.id === w.initiative.id)!;
    expect(row.amount).toBe(100_000);
    expect(list.amount).toBe(100_000);
    expect(list.money.years.map((y) => y.amountDkk)).toEqual([100_000]);
    expect((await browseInitiatives(ctx, { year: 2031 })).count).toBe(0);
    const misfiled = list.rows.find((r) => r.id === w.misfiled.id)!;
    expect(misfiled.administrationCode).toBeNull();
    expect((await browseInitiatives(ctx, { administration: "FRM" })).count).toBe(0);

    const detail = (await policyDetail(ctx, w.policy.slug, 5))!;
    expect(detail.goals.find((g) => g.id === w.goal.id)!.committees).toEqual([]);
    const budget = await policyBudget(ctx, w.policy.id);
    expect(budget.rows.map((r) => r.label)).toEqual(["Vores initiativ"]);
    expect([...budget.totals.values()]).toEqual([100_000]);
  });

  it("stay out of the admin's registry and a round's board", async () => {
    const w = await world();
    const ctx = w.own.ctx();
    const overview = await registryOverview(ctx);
    const misfiled = overview[0]!.initiatives.find((i) => i.id === w.misfiled.id)!;
    expect(misfiled.administrationCode).toBeNull();

    const coordinator = await buildLoginUser(w.own, "coordinator");
    const round = await roundOpener(coordinator.ctx, {
      policyId: w.policy.id,
      kind: "annual",
      period: "2025",
      deadline: "2026-12-01",
      administrations: ["SOF"],
    });
    // Their report and participation rows in our round.
    await withoutReferenceChecks(w.own.db, async (tx) => {
      await tx.insert(statusReports).values({
        organisationId: w.other.organisationId,
        roundId: round.id,
        administrationId: w.own.administrationIds.SOF!,
        goalId: w.unlinkedGoal.id,
      });
      await tx.insert(roundAdministrations).values({
        organisationId: w.other.organisationId,
        roundId: round.id,
        administrationId: w.own.administrationIds.BIF!,
      });
    });
    const board = await roundBoard(coordinator.ctx, round.id);
    expect(board.rows.map((r) => [r.code, r.total])).toEqual([["SOF", 1]]);
  });
});
