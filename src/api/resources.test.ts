// Every resource of the open-data package can be listed and read by id, with the
// package's ids and column names, and only within the organisation served.
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { buildOrganisation, buildRegistry } from "../../test/factories.ts";
import { resourceByName } from "../opendata/resources.ts";
import { apiResources } from "./resources/index.ts";

type Json = Record<string, unknown>;

async function json(app: Awaited<ReturnType<typeof buildTestApp>>, path: string) {
  const res = await app.request(path);
  return { res, body: (await res.json()) as { data: Json[] | Json; next?: string | null; error?: Json } };
}

/** Fields the public API leaves out of a package resource, and the ones it adds. */
const withheld: Record<string, string[]> = { documents: ["text", "storage_path"], inquiries: ["scope"] };
const added: Record<string, string[]> = {
  observations: ["suppressed"],
  indicators: ["progress", "progress_explanation"],
  // money per year and per whole period, summed from budget_lines
  initiatives: ["budget"],
};

describe("the API's resources", () => {
  it("uses the open-data package's resource names and column names", () => {
    for (const resource of apiResources) {
      const def = resourceByName(resource.name);
      expect(def, resource.name).toBeDefined();
      const packageFields = def!.fields
        .map((f) => f.name)
        .filter((f) => !withheld[resource.name]?.includes(f));
      const apiFields = Object.keys(resource.item.shape).filter((f) => !added[resource.name]?.includes(f));
      expect(apiFields, resource.name).toEqual(packageFields);
    }
  });

  it("lists every row of every resource of the organisation, and reads each by the same id", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const other = await buildOrganisation();
    await buildRegistry(other);
    const app = await buildTestApp(org);
    // What buildRegistry made: 7 administrations and committees each, a policy and its plan …
    const expected: Record<string, number> = {
      administrations: 7,
      committees: 7,
      policies: 2,
      themes: 2,
      goals: 2,
      indicators: 2,
      observations: 7,
      initiatives: 2,
      budget_lines: 3,
      annual_targets: 2,
      documents: 2,
      // The suppressed observation's provenance is withheld.
      provenance: 1,
      // The draft inquiry is listed, without its answer.
      inquiries: 2,
      hearings: 1,
      // The unpublished response is not.
      hearing_responses: 2,
    };
    expect(Object.keys(expected).sort()).toEqual(apiResources.map((r) => r.name).sort());
    for (const resource of apiResources) {
      const { res, body } = await json(app, `/api/v1/${resource.name}?limit=500`);
      expect(res.status, resource.name).toBe(200);
      expect(res.headers.get("content-type")).toContain("application/json");
      const rows = body.data as Json[];
      expect(rows, resource.name).toHaveLength(expected[resource.name]!);
      expect(body.next).toBeNull();
      for (const row of rows) {
        const one = await json(app, `/api/v1/${resource.name}/${row.id}`);
        expect(one.res.status, `${resource.name}/${row.id}`).toBe(200);
        expect(one.body.data).toEqual(row);
      }
    }
    const policies = (await json(app, "/api/v1/policies")).body.data as Json[];
    expect(policies.map((p) => p.id).sort()).toEqual([registry.policy.id, registry.plan.id].sort());
  });

  it("presents a row with the package's values: codes for administrations, lists as arrays, ISO dates", async () => {
    const org = await buildOrganisation();
    const registry = await buildRegistry(org);
    const app = await buildTestApp(org);
    const policy = (await json(app, `/api/v1/policies/${registry.policy.id}`)).body.data;
    expect(policy).toEqual({
      id: registry.policy.id,
      title: "Ligestillingspolitik 2024–2027",
      kind: "policy",
      period_start: 2024,
      period_end: 2027,
      owner_administration: "ØKF",
      owner_committee: "ØU",
      parent_policy_id: null,
      adopted_on: "2023-12-14",
      document_id: registry.documents[1]!.id,
      slug: registry.policy.slug,
      status: "adopted",
      follow_up: "Årlig status til Økonomiudvalget; midtvejsstatus i 2025.",
      subtitle: null,
      equality_grounds: [],
    });
    const [initiative1, initiative2] = registry.initiatives;
    const initiative = (await json(app, `/api/v1/initiatives/${initiative2!.id}`)).body.data as Json;
    expect(initiative).toMatchObject({
      policy_id: registry.plan.id,
      goal_ids: registry.goals.map((g) => g.id).sort(),
      administration: "BIF",
      committee: null,
      funding_status: "requires_separate_funding",
      status: "planned",
      equality_grounds: ["gender", "race_ethnicity"],
      target_groups: [],
    });
    const goal = (await json(app, `/api/v1/goals/${registry.goals[0]!.id}`)).body.data as Json;
    expect(goal.committees).toEqual(["BIU", "ØU"]);
    const budget = (await json(app, `/api/v1/budget_lines?initiative_id=${initiative1!.id}`)).body
      .data as Json[];
    expect(budget.map((b) => [b.year, b.amount_dkk, b.fte])).toEqual(
      expect.arrayContaining([
        [2024, 2_500_000, 1.25],
        [null, 9_000_000_000, null],
      ]),
    );
    expect(budget).toHaveLength(2);
    const indicator = (await json(app, `/api/v1/indicators/${registry.indicators[0]!.id}`)).body.data as Json;
    expect(indicator).toMatchObject({ baseline_value: 60.5, target_value: 70, direction: "increase" });
    const response = (await json(app, `/api/v1/hearing_responses/${registry.hearingResponses[0]!.id}`)).body
      .data as Json;
    expect(response).toMatchObject({
      from_committee: "BUU",
      meeting_date: "2023-10-10",
      goals_chosen: ["1.1", "1.2"],
      positions: [{ section: "1.2", position: "støtter", quote: "Vi støtter mål 1.2" }],
      received_at: "2023-10-11T08:30:00.000000Z",
    });
    const inquiry = (await json(app, `/api/v1/inquiries/${registry.inquiries[0]!.id}`)).body.data as Json;
    expect(inquiry).toMatchObject({
      question_count: 2,
      administrations: ["BIF", "SOF"],
      answer: "Se bilag.",
    });
  });

  it("answers 404 for another organisation's id, for every resource", async () => {
    const org = await buildOrganisation();
    await buildRegistry(org);
    const other = await buildOrganisation();
    const theirs = await buildRegistry(other);
    const app = await buildTestApp(org);
    const otherApp = await buildTestApp(other);
    for (const resource of apiResources) {
      const [row] = (await json(otherApp, `/api/v1/${resource.name}?limit=1`)).body.data as Json[];
      const { res, body } = await json(app, `/api/v1/${resource.name}/${row!.id}`);
      expect(res.status, resource.name).toBe(404);
      expect(body.error).toMatchObject({ id: "not_found" });
    }
    const { res } = await json(app, `/api/v1/initiatives/${theirs.initiatives[0]!.id}`);
    expect(res.status).toBe(404);
  });
});
