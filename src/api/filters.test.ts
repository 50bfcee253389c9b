// Every filter of every list, on the registry the factory builds (test/factories.ts
// buildRegistry): each case names the rows it must return, and nothing else.
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import {
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  buildRegistry,
  buildTheme,
} from "../../test/factories.ts";
import { publicActor } from "../context.ts";
import { budgetLines } from "../db/schema.ts";
import { browseInitiatives } from "../queries/initiatives/browse.ts";

type Row = Record<string, unknown> & { id: string };

describe("API filters", () => {
  it("filters each list by what its parameters say", async () => {
    const org = await buildOrganisation();
    const r = await buildRegistry(org);
    const draft = await buildPolicy(org, {
      title: "Udkast",
      status: "draft",
      periodStart: null,
      periodEnd: null,
    });
    const planTheme = await buildTheme(org, r.plan.id, 1, "Handleplanens tema");
    // Started before the policy's period, with no end of its own: runs until the policy ends (2027).
    const early = await buildInitiative(org, r.policy.id, {
      title: "Tidlig start",
      startYear: 2020,
      status: "completed",
    });
    // No period anywhere (its policy has none either): runs only in the years it has money for.
    const timeless = await buildInitiative(org, draft.id, { title: "Uden periode", status: "paused" });
    await org.db.insert(budgetLines).values({
      organisationId: org.organisationId,
      initiativeId: timeless.id,
      year: 2030,
      amountDkk: 100_000,
    });
    const app = await buildTestApp(org);
    const list = async (path: string) => {
      const res = await app.request(`/api/v1/${path}`);
      expect(res.status, path).toBe(200);
      return ((await res.json()) as { data: Row[] }).data;
    };
    const ids = async (path: string) => (await list(path)).map((row) => row.id).sort();
    const same = (...rows: { id: string }[]) => rows.map((row) => row.id).sort();
    const [goal1, goal2] = r.goals;
    const [indicator1, indicator2] = r.indicators;
    const [init1, init2] = r.initiatives;
    const [draftDoc, doc] = r.documents;
    const [inquiry, draftInquiry] = r.inquiries;
    const [committeeResponse, citizenResponse] = r.hearingResponses;

    expect((await list("administrations?code=BIF")).map((a) => a.code)).toEqual(["BIF"]);
    expect((await list("committees?code=ØU")).map((a) => a.code)).toEqual(["ØU"]);
    expect(await list("committees?code=XYZ")).toEqual([]);

    expect(await ids("policies?kind=action_plan")).toEqual(same(r.plan));
    expect(await ids("policies?status=draft")).toEqual(same(draft));
    expect(await ids("policies?owner_administration=BIF")).toEqual(same(r.plan));
    expect(await ids(`policies?parent_policy_id=${r.policy.id}`)).toEqual(same(r.plan));

    expect(await ids(`themes?policy_id=${r.plan.id}`)).toEqual(same(planTheme));
    expect((await list(`themes?policy_id=${r.policy.id}`)).map((t) => t.number).sort()).toEqual([1, 2]);

    expect(await ids(`goals?policy_id=${r.policy.id}`)).toEqual(same(goal1!, goal2!));
    expect(await ids(`goals?theme_id=${goal1!.themeId}`)).toEqual(same(goal1!));
    expect(await ids("goals?kind=result_goal")).toEqual(same(goal2!));
    expect(await ids("goals?committee=BIU")).toEqual(same(goal1!));

    expect(await ids(`indicators?goal_id=${goal2!.id}`)).toEqual(same(indicator2!));
    expect(await ids(`indicators?policy_id=${r.policy.id}`)).toEqual(same(indicator1!, indicator2!));
    expect(await ids(`indicators?policy_id=${r.plan.id}`)).toEqual([]);

    const byIndicator = (id: string) => r.observations.filter((o) => o.indicatorId === id);
    expect(await ids(`observations?indicator_id=${indicator2!.id}`)).toEqual(
      same(...byIndicator(indicator2!.id)),
    );
    expect(await ids(`observations?goal_id=${goal1!.id}`)).toEqual(same(...byIndicator(indicator1!.id)));
    expect(await ids("observations?period=2019")).toEqual(
      same(...r.observations.filter((o) => o.period === "2019")),
    );
    expect(await ids("observations?disaggregation=k%C3%B8n%3Dkvinder")).toEqual(
      same(...r.observations.filter((o) => o.disaggregation === "køn=kvinder")),
    );
    // An empty disaggregation asks for the totals.
    expect(await ids("observations?disaggregation=")).toEqual(
      same(...r.observations.filter((o) => o.disaggregation === "")),
    );

    expect(await ids("initiatives?administration=BIF")).toEqual(same(init2!));
    expect(await ids(`initiatives?policy_id=${r.plan.id}`)).toEqual(same(init2!));
    expect(await ids(`initiatives?goal_id=${goal2!.id}`)).toEqual(same(init2!));
    expect(await ids(`initiatives?goal_id=${goal1!.id}`)).toEqual(same(init1!, init2!));
    expect(await ids("initiatives?equality_ground=gender_identity")).toEqual(same(init1!));
    expect(await ids("initiatives?funding_status=requires_separate_funding")).toEqual(same(init2!));
    expect(await ids("initiatives?status=ongoing")).toEqual(same(init1!));
    // init1 runs 2024–2027; init2 has no years of its own and follows its plan, 2024–2025.
    expect(await ids("initiatives?year=2024")).toEqual(same(init1!, init2!, early));
    expect(await ids("initiatives?year=2026")).toEqual(same(init1!, early));
    expect(await ids("initiatives?year=2021")).toEqual(same(early));
    expect(await ids("initiatives?year=2030")).toEqual(same(timeless));
    expect(await ids("initiatives?year=2019")).toEqual([]);
    // The same rows as the portal's browse page (/initiativer) for the same filters.
    const ctx = org.ctx(publicActor);
    for (const year of [2019, 2020, 2023, 2024, 2025, 2026, 2027, 2028, 2030]) {
      const portal = await browseInitiatives(ctx, { year }, { all: true });
      expect(await ids(`initiatives?year=${year}`), String(year)).toEqual(
        portal.rows.map((row) => row.id).sort(),
      );
    }
    for (const [api, portal] of [
      ["administration=BIF", { administration: "BIF" }],
      ["equality_ground=gender", { ground: "gender" }],
      ["funding_status=within_frame", { funding: "within_frame" }],
      ["status=paused", { status: "paused" }],
      [`policy_id=${r.plan.id}`, { policy: r.plan.slug }],
    ] as const) {
      const rows = (await browseInitiatives(ctx, portal, { all: true })).rows;
      expect(await ids(`initiatives?${api}`), api).toEqual(rows.map((row) => row.id).sort());
    }
    // Filters combine.
    expect(await ids("initiatives?administration=SOF&year=2026&status=ongoing")).toEqual(same(init1!));
    expect(await ids("initiatives?administration=BIF&equality_ground=gender_identity")).toEqual([]);

    const lines = await list(`budget_lines?initiative_id=${init1!.id}`);
    expect(lines.map((l) => l.amount_dkk).sort()).toEqual([2_500_000, 9_000_000_000]);
    expect((await list("budget_lines?year=2025")).map((l) => [l.initiative_id, l.fte])).toEqual([
      [init2!.id, 0.5],
    ]);
    expect((await list("budget_lines?funding_status=funded")).map((l) => l.label)).toEqual(["Hele perioden"]);

    expect((await list(`annual_targets?initiative_id=${init2!.id}`)).map((t) => t.metric)).toEqual([
      "Andel i job efter forløb",
    ]);
    expect((await list("annual_targets?year=2024")).map((t) => t.actual_value)).toEqual([312]);

    expect(await ids("documents?kind=policy")).toEqual(same(doc!));
    expect(await ids(`provenance?document_id=${doc!.id}`)).toHaveLength(1);
    expect((await list(`provenance?entity=policy&entity_id=${r.policy.id}`)).map((p) => p.quote)).toEqual([
      "Ligestillingspolitik",
    ]);
    expect((await list("provenance?field=title")).map((p) => p.entity_id)).toEqual([r.policy.id]);
    expect(await list(`provenance?document_id=${draftDoc!.id}`)).toEqual([]);

    expect(await ids("inquiries?administration=ØKF")).toEqual(same(inquiry!));
    expect(await ids("inquiries?state=drafting")).toEqual(same(draftInquiry!));

    expect(await ids(`hearings?policy_id=${r.policy.id}`)).toEqual(same(r.hearing));
    expect(await ids("hearings?state=open")).toEqual([]);

    expect(await ids(`hearing_responses?hearing_id=${r.hearing.id}`)).toEqual(
      same(committeeResponse!, citizenResponse!),
    );
    expect(await ids("hearing_responses?from_committee=BUU")).toEqual(same(committeeResponse!));
    expect(await ids("hearing_responses?respondent_kind=citizen")).toEqual(same(citizenResponse!));
    // The unpublished response is an organisation's: filtering by its kind still finds nothing.
    expect(await ids("hearing_responses?respondent_kind=organisation")).toEqual([]);
  });
});
