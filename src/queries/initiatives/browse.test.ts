// The initiative list answers filters, sort orders and totals from the rows it loaded
// once (browseSet.ts). The database is the judge here: each order below is the one
// its own ORDER BY gives (under its collation, whichever it is), and each total its
// own sum, so the list reads as it did when the database sorted every page.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../../../test/factories.ts";
import { budgetLines } from "../../db/schema.ts";
import { rowsOf } from "../../opendata/sqlRows.ts";
import { browse, browseAll, initiativeSortKeys, moneyOfInitiatives } from "./browse.ts";
import { loadBrowseSet } from "./browseSet.ts";

async function registry(org: TestOrganisation) {
  const plan = await buildPolicy(org, { title: "Østre plan", periodStart: 2024, periodEnd: 2027 });
  const other = await buildPolicy(org, { title: "Åben politik", periodStart: 2020, periodEnd: 2021 });
  const third = await buildPolicy(org, { title: "aktiv politik", periodStart: null, periodEnd: null });
  const titles = [
    "Æbler",
    "Øresund",
    "Åens vej",
    "Aarhus",
    "alfa",
    "Alfa",
    "Zebra",
    "Samme",
    "Samme",
    "Ølejr",
  ];
  const admins = ["SOF", "BUF", null, "ØKF", "SOF", null, "KFF", "BUF", "BUF", "TMF"];
  const funding = [
    "within_frame",
    "requires_separate_funding",
    "in_budget_process",
    "funded",
    "unknown",
  ] as const;
  const status = ["ongoing", "planned", "completed", "paused"] as const;
  const policyOf = [plan, other, third];
  const made: Awaited<ReturnType<typeof buildInitiative>>[] = [];
  for (const [i, title] of titles.entries()) {
    const admin = admins[i];
    made.push(
      await buildInitiative(org, policyOf[i % 3]!.id, {
        title,
        administrationId: admin ? org.administrationIds[admin] : null,
        fundingStatus: funding[i % funding.length],
        status: status[i % status.length],
        equalityGrounds: i % 2 ? ["disability", "age"] : ["gender"],
        startYear: i === 4 ? 2019 : null,
        endYear: i === 4 ? 2019 : null,
      }),
    );
  }
  const line = (i: number, year: number | null, amountDkk: number | null, fte: string | null) => ({
    organisationId: org.organisationId,
    initiativeId: made[i]!.id,
    year,
    amountDkk,
    fte: fte === null ? null : Number(fte),
  });
  await org.db
    .insert(budgetLines)
    .values([
      line(0, 2024, 1_000_000, "0.1"),
      line(0, 2025, 500_000, "0.2"),
      line(1, 2024, 2_500_000, null),
      line(2, null, 300_000, "1.5"),
      line(3, 2024, null, "0.7"),
      line(5, 2030, 0, null),
      line(7, 2024, 1_000_000, "0.1"),
      line(8, 2024, 1_000_000, "0.2"),
      line(8, 2024, 1, "0.1"),
    ]);
  return { made, plan };
}

/** The ids in the order the database sorts them: `key` nulls last, then title, then id. */
async function databaseOrder(org: TestOrganisation, key: string, dir: "asc" | "desc", year?: number) {
  const money = year === undefined ? sql`true` : sql`year = ${year}`;
  const expr = {
    title: sql`i.title`,
    administration: sql`a.code`,
    policy: sql`p.title`,
    funding: sql`i.funding_status`,
    status: sql`i.status`,
    amount: sql`m.amount`,
  }[key]!;
  const d = sql.raw(dir);
  const rows = await org.db.execute(sql`
    select i.id from initiatives i
    join policies p on p.id = i.policy_id
    left join administrations a on a.id = i.administration_id
    left join (select initiative_id, sum(amount_dkk)::float8 as amount from budget_lines
               where ${money} group by initiative_id) m on m.initiative_id = i.id
    where i.organisation_id = ${org.organisationId}
    order by ${expr} ${d} nulls last, i.title ${d}, i.id asc`);
  return rowsOf(rows).map((r) => r.id as string);
}

describe("the initiative list from the loaded rows", () => {
  it("sorts by every column in both directions as the database does", async () => {
    const org = await buildOrganisation();
    await registry(org);
    const set = await loadBrowseSet(org.ctx());
    for (const sort of initiativeSortKeys)
      for (const dir of ["asc", "desc"] as const) {
        const ids = browseAll(set, { sort, dir }).map((r) => r.id);
        expect(ids, `${sort} ${dir}`).toEqual(await databaseOrder(org, sort, dir));
      }
    const inYear = browseAll(set, { sort: "amount", dir: "desc", year: 2024 }).map((r) => r.id);
    const all2024 = await databaseOrder(org, "amount", "desc", 2024);
    expect(inYear).toEqual(all2024.filter((id) => inYear.includes(id)));
  });

  it("counts and sums the filter as the database does, and pages through it", async () => {
    const org = await buildOrganisation();
    const { made, plan } = await registry(org);
    const set = await loadBrowseSet(org.ctx());
    const sums = async (where: ReturnType<typeof sql>) =>
      rowsOf(
        await org.db.execute(sql`
          select sum(amount_dkk)::float8 as amount, sum(fte)::float8 as fte from budget_lines
          where organisation_id = ${org.organisationId} and ${where}`),
      )[0] as { amount: number | null; fte: number | null };
    const all = browse(set, {}, { all: true });
    expect(all.count).toBe(made.length);
    const total = await sums(sql`true`);
    expect(all.amount).toBe(total.amount);
    expect(all.fte).toBeCloseTo(total.fte!, 10);

    // 2024: the lines of 2024, of initiatives that run in 2024 (here: those with such lines,
    // and the plan's, whose period covers it).
    const year = browse(set, { year: 2024 }, { all: true });
    const y = await sums(sql`year = 2024`);
    expect(year.amount).toBe(y.amount);
    expect(year.fte).toBeCloseTo(y.fte!, 10);
    expect(year.rows.find((r) => r.id === made[8]!.id)?.amount).toBe(1_000_001);
    expect(year.money.years).toEqual([expect.objectContaining({ year: 2024, amountDkk: y.amount })]);

    // A filter of no values keeps its sums empty, not zero.
    const none = browse(set, { policyIds: [plan.id], ground: "religion_belief" });
    expect(none).toMatchObject({ count: 0, amount: null, fte: null, totalPages: 1, rows: [] });

    const paged = browse(set, { sort: "title", pageSize: 3, page: 2 });
    expect(paged.rows.map((r) => r.id)).toEqual(
      browseAll(set, { sort: "title" })
        .slice(3, 6)
        .map((r) => r.id),
    );
    expect(paged).toMatchObject({ count: made.length, totalPages: 4, page: 2 });
    expect(browse(set, { pageSize: 3, page: 9 })).toMatchObject({ rows: [], count: made.length });
  });

  it("gives each initiative its money with its own period where it has one", async () => {
    const org = await buildOrganisation();
    const { made } = await registry(org);
    const set = await loadBrowseSet(org.ctx());
    const money = moneyOfInitiatives(set, [made[0]!.id, made[2]!.id, made[4]!.id]);
    expect(money.get(made[0]!.id)?.years.map((y) => [y.year, y.amountDkk])).toEqual([
      [2024, 1_000_000],
      [2025, 500_000],
    ]);
    // A whole-period line of an initiative without years of its own: its policy's period.
    expect(money.get(made[2]!.id)?.wholePeriods).toEqual([
      expect.objectContaining({ periodStart: null, periodEnd: null, amountDkk: 300_000 }),
    ]);
    expect(money.has(made[4]!.id)).toBe(false);
    expect(moneyOfInitiatives(set, [made[0]!.id], 2025).get(made[0]!.id)?.years).toHaveLength(1);
  });
});
