// The portal's initiative list: filtered, sorted and paged, with counts and DKK totals
// for the filter; each initiative's money for the CSV; the filter's choices. Answered
// from the organisation's browse set (browseSet.ts), which the portal keeps per
// registry generation, so a new filter or page costs no query.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { initiatives, policies } from "../../db/schema.ts";
import type { EqualityGround, FundingStatus, InitiativeStatus } from "../../domain/enums.ts";
import { runsInYear } from "../../domain/initiativeYears.ts";
import { type MoneyByPeriod, sumByPeriod } from "../../domain/moneyPeriods.ts";
import { administrationChoices } from "../organisation/units.ts";
import {
  type BrowseEntry,
  type BrowseSet,
  type InitiativeListing,
  loadBrowseSet,
  type MoneySum,
} from "./browseSet.ts";

export const initiativeSortKeys = [
  "title",
  "administration",
  "policy",
  "funding",
  "status",
  "amount",
] as const;

export type InitiativeSortKey = (typeof initiativeSortKeys)[number];

export interface InitiativeFilter {
  administration?: string;
  policy?: string;
  ground?: EqualityGround;
  funding?: FundingStatus;
  status?: InitiativeStatus;
  year?: number;
  /** Only initiatives under these policies (the current ones by default on the page). */
  policyIds?: readonly string[];
  sort?: InitiativeSortKey;
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
}

export interface BrowseRow extends InitiativeListing {
  amount: number | null;
  fte: number | null;
}

export const DEFAULT_PAGE_SIZE = 25;

function matches(e: BrowseEntry, f: InitiativeFilter, policyIds: ReadonlySet<string> | undefined): boolean {
  return (
    (f.administration === undefined || e.administrationCode === f.administration) &&
    (f.policy === undefined || e.policySlug === f.policy) &&
    (f.ground === undefined || e.equalityGrounds.includes(f.ground)) &&
    (f.funding === undefined || e.fundingStatus === f.funding) &&
    (f.status === undefined || e.status === f.status) &&
    (policyIds === undefined || policyIds.has(e.policyId)) &&
    (f.year === undefined || runsInYear(e.years, f.year))
  );
}

/** Sum of amounts and FTE of an initiative: the given year's lines when filtering on a year, else all. */
const moneyIn = (e: BrowseEntry, year: number | undefined): MoneySum =>
  year === undefined ? e.money : (e.moneyByYear.get(year) ?? { amount: null, fte: null });

interface Hit {
  entry: BrowseEntry;
  money: MoneySum;
}

/** null sorts last in either direction. */
function compareNullable(a: number | null, b: number | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * sign;
}

/** The sort column (nulls last), then the title in the same direction, then the id. */
function comparator(f: InitiativeFilter) {
  const sign = f.dir === "desc" ? -1 : 1;
  const key: (h: Hit) => number | null = {
    title: (h: Hit) => h.entry.rank.title,
    administration: (h: Hit) => h.entry.rank.administration,
    policy: (h: Hit) => h.entry.rank.policy,
    funding: (h: Hit) => h.entry.rank.funding,
    status: (h: Hit) => h.entry.rank.status,
    amount: (h: Hit) => h.money.amount,
  }[f.sort ?? "title"];
  return (a: Hit, b: Hit) =>
    compareNullable(key(a), key(b), sign) ||
    (a.entry.rank.title - b.entry.rank.title) * sign ||
    (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0);
}

/** The filter's initiatives, sorted. */
function select(set: BrowseSet, f: InitiativeFilter): Hit[] {
  const policyIds = f.policyIds ? new Set(f.policyIds) : undefined;
  const hits: Hit[] = [];
  for (const entry of set.entries)
    if (matches(entry, f, policyIds)) hits.push({ entry, money: moneyIn(entry, f.year) });
  return hits.sort(comparator(f));
}

function browseRow({ entry: e, money }: Hit): BrowseRow {
  return {
    id: e.id,
    title: e.title,
    administrationCode: e.administrationCode,
    administrationName: e.administrationName,
    policySlug: e.policySlug,
    policyTitle: e.policyTitle,
    fundingStatus: e.fundingStatus,
    status: e.status,
    equalityGrounds: e.equalityGrounds,
    startYear: e.startYear,
    endYear: e.endYear,
    amount: money.amount,
    fte: money.fte,
  };
}

/** A sum that stays null while no value is registered (not zero). */
function total(values: (number | null)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}

/** Every row of the filter, sorted (the CSV download). */
export function browseAll(set: BrowseSet, f: InitiativeFilter): BrowseRow[] {
  return select(set, f).map(browseRow);
}

/** The rows of one page (or all when `all`), the total count and the DKK/FTE totals for the filter. */
export function browse(set: BrowseSet, f: InitiativeFilter, opts: { all?: boolean } = {}) {
  const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = Math.max(1, f.page ?? 1);
  const hits = select(set, f);
  const shown = opts.all ? hits : hits.slice((page - 1) * pageSize, page * pageSize);
  const lines = hits.flatMap((h) =>
    f.year === undefined ? h.entry.policyLines : h.entry.policyLines.filter((l) => l.year === f.year),
  );
  return {
    rows: shown.map(browseRow),
    /** The filter's money per year and per whole policy period (never one mixed sum). */
    money: sumByPeriod(lines),
    count: hits.length,
    amount: total(hits.map((h) => h.money.amount)),
    fte: total(hits.map((h) => h.money.fte)),
    page,
    pageSize,
    totalPages: Math.max(1, Math.ceil(hits.length / pageSize)),
  };
}

/**
 * Each initiative's money per year and per whole period (never one sum over
 * different periods): for the CSV download. With `year`, only that year's lines.
 */
export function moneyOfInitiatives(
  set: BrowseSet,
  ids: readonly string[],
  year?: number,
): Map<string, MoneyByPeriod> {
  const wanted = new Set(ids);
  const out = new Map<string, MoneyByPeriod>();
  for (const e of set.entries) {
    if (!wanted.has(e.id)) continue;
    const lines = year === undefined ? e.ownLines : e.ownLines.filter((l) => l.year === year);
    if (lines.length) out.set(e.id, sumByPeriod(lines));
  }
  return out;
}

/** browse() on the organisation's rows as they are now (for callers that keep no set). */
export async function browseInitiatives(ctx: Context, f: InitiativeFilter, opts: { all?: boolean } = {}) {
  return browse(await loadBrowseSet(ctx), f, opts);
}

/** What the filter's drop-downs offer: administrations and policies of this organisation. */
export async function filterOptions(ctx: Context) {
  const [adminRows, policyRows] = await Promise.all([
    administrationChoices(ctx),
    ctx.db
      .select({ slug: policies.slug, title: policies.title })
      .from(policies)
      .where(
        and(
          eq(policies.organisationId, ctx.organisationId),
          inArray(
            policies.id,
            ctx.db
              .select({ id: initiatives.policyId })
              .from(initiatives)
              .where(eq(initiatives.organisationId, ctx.organisationId)),
          ),
        ),
      )
      .orderBy(asc(policies.title)),
  ]);
  return { administrations: adminRows, policies: policyRows };
}
