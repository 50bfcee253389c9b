// The initiative list's money: current policies by default, sums per year and per
// policy period, never one total over different periods.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../../test/app.ts";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { budgetLines } from "../../db/schema.ts";

const thisYear = Number(new Date().toISOString().slice(0, 4));

async function withOldAndCurrentPolicies() {
  const org = await buildOrganisation();
  const current = await buildPolicy(org, {
    title: "Ny politik",
    periodStart: thisYear - 1,
    periodEnd: thisYear + 2,
  });
  const old = await buildPolicy(org, { title: "Gammel strategi", periodStart: 2009, periodEnd: 2012 });
  const fresh = await buildInitiative(org, current.id, { title: "Nyt initiativ" });
  const stale = await buildInitiative(org, old.id, { title: "Gammelt initiativ" });
  await org.db.insert(budgetLines).values([
    { organisationId: org.organisationId, initiativeId: fresh.id, year: thisYear, amountDkk: 1_000_000 },
    { organisationId: org.organisationId, initiativeId: fresh.id, year: thisYear + 1, amountDkk: 2_000_000 },
    { organisationId: org.organisationId, initiativeId: stale.id, year: 2010, amountDkk: 50_000_000 },
    {
      organisationId: org.organisationId,
      initiativeId: stale.id,
      year: null,
      amountDkk: 7_000_000,
      fte: 0.75,
    },
  ]);
  return org;
}

async function page(org: Awaited<ReturnType<typeof buildOrganisation>>, path: string) {
  const res = await (await buildTestApp(org)).request(path);
  expect(res.status).toBe(200);
  return (await res.text()).replace(/\s+/g, " ");
}

describe("initiative list money", () => {
  it("shows the current policies by default, with their money per year and the span of the total", async () => {
    const org = await withOldAndCurrentPolicies();
    const html = await page(org, "/initiativer");
    expect(html).toContain("Nyt initiativ");
    expect(html).not.toContain("Gammelt initiativ");
    expect(html).toContain("Viser initiativer under de gældende politikker");
    expect(html).toContain(
      `Budget pr. år: ${thisYear}: 1 mio. kr.; ${thisYear + 1}: 2 mio. kr. I alt ${thisYear}–${thisYear + 1}: 3 mio. kr.`,
    );
    // "kr." ends the sentence: no second full stop
    expect(html).not.toContain("kr..");
    expect(html).not.toContain("Budget i alt");
    expect(html).toContain("politikker=alle");
  });

  it("keeps each policy period apart when every policy is shown", async () => {
    const org = await withOldAndCurrentPolicies();
    const html = await page(org, "/initiativer?politikker=alle");
    expect(html).toContain("Gammelt initiativ");
    expect(html).toContain("Viser initiativer under alle politikker");
    expect(html).toContain(`I alt 2010–${thisYear + 1}: 53 mio. kr.`);
    expect(html).toContain("Budget for hele perioden 2009–2012: 7 mio. kr.; 0,75 årsværk.");
    // the whole-period money is never added to the yearly money
    expect(html).not.toContain("60 mio. kr.");
  });

  it("shows an old policy's initiatives when that policy or one of its years is chosen", async () => {
    const org = await withOldAndCurrentPolicies();
    const html = await page(org, "/initiativer?aar=2010");
    expect(html).toContain("Gammelt initiativ");
    expect(html).toContain("Budget 2010: 50 mio. kr.");
  });
});

describe("initiative money in the CSV download and the API", () => {
  it("writes each year's amount and the whole period's amount apart in the CSV, never one sum over both", async () => {
    const org = await withOldAndCurrentPolicies();
    const res = await (await buildTestApp(org)).request("/initiativer?politikker=alle&format=csv");
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const stale = rows.find((r) => r.title === "Gammelt initiativ")!;
    expect(stale.amount_dkk_per_year).toBe("2010=50000000");
    expect(stale.amount_dkk_years_total).toBe("50000000");
    expect(stale.years_total_span).toBe("2010");
    expect(stale.amount_dkk_whole_period).toBe("7000000");
    expect(stale.fte_whole_period).toBe("0.75");
    expect(stale.whole_period).toBe("2009–2012");
    expect(Object.values(stale)).not.toContain("57000000");
    const fresh = rows.find((r) => r.title === "Nyt initiativ")!;
    expect(fresh.amount_dkk_per_year).toBe(`${thisYear}=1000000;${thisYear + 1}=2000000`);
    expect(fresh.years_total_span).toBe(`${thisYear}–${thisYear + 1}`);
    expect(fresh.amount_dkk_whole_period).toBe("");
  });

  it("gives each initiative's money per year and per whole period in the API", async () => {
    const org = await withOldAndCurrentPolicies();
    const res = await (await buildTestApp(org)).request("/api/v1/initiatives");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { title: string; budget: unknown[] }[] };
    const stale = body.data.find((i) => i.title === "Gammelt initiativ")!;
    expect(stale.budget).toEqual([
      { year: 2010, period_start: 2010, period_end: 2010, amount_dkk: 50_000_000, fte: null },
      { year: null, period_start: 2009, period_end: 2012, amount_dkk: 7_000_000, fte: 0.75 },
    ]);
    const fresh = body.data.find((i) => i.title === "Nyt initiativ")!;
    expect(fresh.budget.map((b) => (b as { year: number }).year)).toEqual([thisYear, thisYear + 1]);
  });
});
