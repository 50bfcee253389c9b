// An organisation's project bank as the portal's initiative list reads it: every
// initiative with its policy and administration, and every budget line, loaded in
// two queries. The list's filters, sort orders, pages, totals and CSV are then
// answered from these rows (browse.ts), so a page with a new query string costs
// no query; the portal keeps one set per registry generation (generationMemo.ts).
// Text is ordered by the database (ranks), so the list sorts as the database's
// collation does. Sums are added here: a window sum per line cost the embedded
// database four sorts of every line (3-5x the time of reading the lines).
import { and, eq, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { administrations, budgetLines, initiatives, policies } from "../../db/schema.ts";
import { type InitiativeYears, initiativeYears } from "../../domain/initiativeYears.ts";
import type { MoneyLine } from "../../domain/moneyPeriods.ts";
import { inOrganisation } from "../scope.ts";

/** A sum of budget lines: null when no line registers a value. */
export interface MoneySum {
  amount: number | null;
  fte: number | null;
}

/** What the list shows of an initiative, besides its money. */
export interface InitiativeListing {
  id: string;
  title: string;
  administrationCode: string | null;
  administrationName: string | null;
  policySlug: string;
  policyTitle: string;
  fundingStatus: string;
  status: string;
  equalityGrounds: string[];
  startYear: number | null;
  endYear: number | null;
}

export interface BrowseEntry extends InitiativeListing {
  policyId: string;
  years: InitiativeYears;
  /** Sums over all its lines, and per year (a year without lines is absent). */
  money: MoneySum;
  moneyByYear: Map<number, MoneySum>;
  /** Its lines, with its policy's period (the filter's money) … */
  policyLines: MoneyLine[];
  /** … and with its own period where registered (each initiative's money in the CSV). */
  ownLines: MoneyLine[];
  /** Positions in the database's order: 1 = first; equal text, equal rank. */
  rank: {
    title: number;
    administration: number | null;
    policy: number;
    funding: number;
    status: number;
  };
}

export interface BrowseSet {
  entries: BrowseEntry[];
}

export async function loadBrowseSet(ctx: Context): Promise<BrowseSet> {
  const org = ctx.organisationId;
  const [rows, lines] = await Promise.all([
    ctx.db
      .select({
        id: initiatives.id,
        title: initiatives.title,
        administrationCode: administrations.code,
        administrationName: administrations.name,
        policyId: policies.id,
        policySlug: policies.slug,
        policyTitle: policies.title,
        fundingStatus: initiatives.fundingStatus,
        status: initiatives.status,
        equalityGrounds: initiatives.equalityGrounds,
        startYear: initiatives.startYear,
        endYear: initiatives.endYear,
        periodStart: policies.periodStart,
        periodEnd: policies.periodEnd,
        titleRank: sql<number>`(dense_rank() over (order by ${initiatives.title}))::int`,
        administrationRank: sql<
          number | null
        >`case when ${administrations.code} is null then null else (dense_rank() over (order by ${administrations.code}))::int end`,
        policyRank: sql<number>`(dense_rank() over (order by ${policies.title}))::int`,
        fundingRank: sql<number>`(dense_rank() over (order by ${initiatives.fundingStatus}))::int`,
        statusRank: sql<number>`(dense_rank() over (order by ${initiatives.status}))::int`,
      })
      .from(initiatives)
      .innerJoin(policies, and(eq(policies.id, initiatives.policyId), inOrganisation(policies, org)))
      .leftJoin(
        administrations,
        and(eq(administrations.id, initiatives.administrationId), inOrganisation(administrations, org)),
      )
      .where(inOrganisation(initiatives, org)),
    ctx.db
      .select({
        initiativeId: budgetLines.initiativeId,
        year: budgetLines.year,
        amountDkk: budgetLines.amountDkk,
        fte: budgetLines.fte,
      })
      .from(budgetLines)
      .where(inOrganisation(budgetLines, org)),
  ]);
  const linesOf = new Map<string, typeof lines>();
  for (const l of lines) {
    const list = linesOf.get(l.initiativeId);
    if (list) list.push(l);
    else linesOf.set(l.initiativeId, [l]);
  }
  const entries = rows.map((r): BrowseEntry => {
    const own = linesOf.get(r.id) ?? [];
    const money = emptySum();
    const moneyByYear = new Map<number, MoneySum>();
    for (const l of own) {
      addTo(money, l);
      if (l.year === null) continue;
      const year = moneyByYear.get(l.year) ?? emptySum();
      moneyByYear.set(l.year, year);
      addTo(year, l);
    }
    const ownStart = r.startYear ?? r.periodStart;
    const ownEnd = r.endYear ?? r.periodEnd;
    return {
      id: r.id,
      title: r.title,
      administrationCode: r.administrationCode,
      administrationName: r.administrationName,
      policyId: r.policyId,
      policySlug: r.policySlug,
      policyTitle: r.policyTitle,
      fundingStatus: r.fundingStatus,
      status: r.status,
      equalityGrounds: r.equalityGrounds,
      startYear: r.startYear,
      endYear: r.endYear,
      years: initiativeYears(r, r, new Set(moneyByYear.keys())),
      money,
      moneyByYear,
      policyLines: own.map(({ year, amountDkk, fte }) => ({
        year,
        amountDkk,
        fte,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
      })),
      ownLines: own.map(({ year, amountDkk, fte }) => ({
        year,
        amountDkk,
        fte,
        periodStart: ownStart,
        periodEnd: ownEnd,
      })),
      rank: {
        title: r.titleRank,
        administration: r.administrationRank,
        policy: r.policyRank,
        funding: r.fundingRank,
        status: r.statusRank,
      },
    };
  });
  return { entries };
}

const emptySum = (): MoneySum => ({ amount: null, fte: null });

/** A sum stays null until a line registers a value (not zero), as SQL's sum does. */
function addTo(sum: MoneySum, l: { amountDkk: number | null; fte: number | null }) {
  if (l.amountDkk !== null) sum.amount = (sum.amount ?? 0) + l.amountDkk;
  if (l.fte !== null) sum.fte = (sum.fte ?? 0) + l.fte;
}
