// The portal's initiative list: filtered, sorted and paged, with counts and DKK totals
// for the filter; each initiative's money for the CSV; the filter's choices.
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { administrations, budgetLines, initiatives, policies } from "../../db/schema.ts";
import type { EqualityGround, FundingStatus, InitiativeStatus } from "../../domain/enums.ts";
import { type MoneyByPeriod, sumByPeriod } from "../../domain/moneyPeriods.ts";
import { administrationChoices } from "../organisation/units.ts";
import { inOrganisation } from "../scope.ts";
import { ownedBy } from "../sqlFragments.ts";
import { runsInYear } from "./initiatives.ts";

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

function filterWhere(ctx: Context, f: InitiativeFilter): SQL {
  const parts: (SQL | undefined)[] = [eq(initiatives.organisationId, ctx.organisationId)];
  if (f.administration) parts.push(eq(administrations.code, f.administration));
  if (f.policy) parts.push(eq(policies.slug, f.policy));
  if (f.ground) parts.push(sql`${f.ground} = any(${initiatives.equalityGrounds})`);
  if (f.funding) parts.push(eq(initiatives.fundingStatus, f.funding));
  if (f.status) parts.push(eq(initiatives.status, f.status));
  if (f.policyIds)
    parts.push(f.policyIds.length ? inArray(initiatives.policyId, [...f.policyIds]) : sql`false`);
  if (f.year !== undefined) parts.push(runsInYear(f.year, ctx.organisationId));
  return and(...parts) as SQL;
}

/** Sum of amounts and FTE per initiative: the given year's lines when filtering on a year, else all. */
function moneyOf(organisationId: string, year: number | undefined) {
  const yearCond = sql`${ownedBy(budgetLines, organisationId)} and ${year === undefined ? sql`true` : sql`${budgetLines.year} = ${year}`}`;
  return {
    amount: sql<
      number | null
    >`(select sum(${budgetLines.amountDkk})::float8 from ${budgetLines} where ${budgetLines.initiativeId} = ${initiatives.id} and ${yearCond})`,
    fte: sql<
      number | null
    >`(select sum(${budgetLines.fte})::float8 from ${budgetLines} where ${budgetLines.initiativeId} = ${initiatives.id} and ${yearCond})`,
  };
}

export interface BrowseRow {
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
  amount: number | null;
  fte: number | null;
}

export const DEFAULT_PAGE_SIZE = 25;

/** An initiative's policy and administration, of the organisation (the join conditions). */
const policyOf = (org: string) => and(eq(policies.id, initiatives.policyId), inOrganisation(policies, org));
const administrationOf = (org: string) =>
  and(eq(administrations.id, initiatives.administrationId), inOrganisation(administrations, org));

/** The filter's rows, sorted, with the filter's count and DKK/FTE totals on every row (window sums). */
function browseQuery(ctx: Context, f: InitiativeFilter) {
  const money = moneyOf(ctx.organisationId, f.year);
  const sortExpr = {
    title: initiatives.title,
    administration: administrations.code,
    policy: policies.title,
    funding: initiatives.fundingStatus,
    status: initiatives.status,
    amount: money.amount,
  }[f.sort ?? "title"];
  const direction = f.dir === "desc" ? desc : asc;
  return ctx.db
    .select({
      id: initiatives.id,
      title: initiatives.title,
      administrationCode: administrations.code,
      administrationName: administrations.name,
      policySlug: policies.slug,
      policyTitle: policies.title,
      fundingStatus: initiatives.fundingStatus,
      status: initiatives.status,
      equalityGrounds: initiatives.equalityGrounds,
      startYear: initiatives.startYear,
      endYear: initiatives.endYear,
      amount: money.amount,
      fte: money.fte,
      // Window functions run before LIMIT: the whole filter's figures, without a second query.
      filterCount: sql<number>`(count(*) over ())::int`,
      filterAmount: sql<number | null>`(sum(${money.amount}) over ())::float8`,
      filterFte: sql<number | null>`(sum(${money.fte}) over ())::float8`,
    })
    .from(initiatives)
    .innerJoin(policies, policyOf(ctx.organisationId))
    .leftJoin(administrations, administrationOf(ctx.organisationId))
    .where(filterWhere(ctx, f))
    .orderBy(
      sql`${sortExpr} ${sql.raw(f.dir === "desc" ? "desc" : "asc")} nulls last`,
      direction(initiatives.title),
      asc(initiatives.id),
    )
    .$dynamic();
}

function browseRow(r: Awaited<ReturnType<typeof browseQuery>>[number]): BrowseRow {
  const { filterCount: _c, filterAmount: _a, filterFte: _f, ...row } = r;
  return row as BrowseRow;
}

/** Every row of the filter, sorted (the CSV download): one query, no totals. */
export async function browseAllInitiatives(ctx: Context, f: InitiativeFilter): Promise<BrowseRow[]> {
  return (await browseQuery(ctx, f)).map(browseRow);
}

/** The filter's count and DKK/FTE totals on their own (when no row is read to carry them). */
async function filterTotals(ctx: Context, f: InitiativeFilter) {
  const money = moneyOf(ctx.organisationId, f.year);
  const [total] = await ctx.db
    .select({
      count: sql<number>`count(*)::int`,
      amount: sql<number | null>`sum(${money.amount})::float8`,
      fte: sql<number | null>`sum(${money.fte})::float8`,
    })
    .from(initiatives)
    .innerJoin(policies, policyOf(ctx.organisationId))
    .leftJoin(administrations, administrationOf(ctx.organisationId))
    .where(filterWhere(ctx, f));
  return total ?? { count: 0, amount: null, fte: null };
}

/** The rows of one page (or all when `all`), the total count and the DKK/FTE totals for the filter. */
export async function browseInitiatives(ctx: Context, f: InitiativeFilter, opts: { all?: boolean } = {}) {
  const where = filterWhere(ctx, f);
  const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = Math.max(1, f.page ?? 1);
  const [rows, moneyRows] = await Promise.all([
    opts.all
      ? browseQuery(ctx, f)
      : browseQuery(ctx, f)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
    ctx.db
      .select({
        year: budgetLines.year,
        amountDkk: budgetLines.amountDkk,
        fte: budgetLines.fte,
        periodStart: policies.periodStart,
        periodEnd: policies.periodEnd,
      })
      .from(budgetLines)
      .innerJoin(
        initiatives,
        and(eq(initiatives.id, budgetLines.initiativeId), inOrganisation(initiatives, ctx.organisationId)),
      )
      .innerJoin(policies, policyOf(ctx.organisationId))
      .leftJoin(administrations, administrationOf(ctx.organisationId))
      .where(
        and(
          where,
          inOrganisation(budgetLines, ctx.organisationId),
          f.year === undefined ? undefined : eq(budgetLines.year, f.year),
        ),
      ),
  ]);
  // Past the last page no row carries the totals: count on their own (a rare, hand-made URL).
  const total = rows[0]
    ? { count: rows[0].filterCount, amount: rows[0].filterAmount, fte: rows[0].filterFte }
    : page > 1 && !opts.all
      ? await filterTotals(ctx, f)
      : { count: 0, amount: null, fte: null };
  return {
    rows: rows.map(browseRow),
    /** The filter's money per year and per whole policy period (never one mixed sum). */
    money: sumByPeriod(moneyRows),
    count: total.count,
    amount: total.amount,
    fte: total.fte,
    page,
    pageSize,
    totalPages: Math.max(1, Math.ceil(total.count / pageSize)),
  };
}

/**
 * Each initiative's money per year and per whole policy period (never one sum over
 * different periods): for the CSV download. With `year`, only that year's lines.
 */
export async function moneyByInitiative(
  ctx: Context,
  ids: readonly string[],
  year?: number,
): Promise<Map<string, MoneyByPeriod>> {
  const out = new Map<string, MoneyByPeriod>();
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .select({
      initiativeId: budgetLines.initiativeId,
      year: budgetLines.year,
      amountDkk: budgetLines.amountDkk,
      fte: budgetLines.fte,
      periodStart: sql<number | null>`coalesce(${initiatives.startYear}, ${policies.periodStart})`,
      periodEnd: sql<number | null>`coalesce(${initiatives.endYear}, ${policies.periodEnd})`,
    })
    .from(budgetLines)
    .innerJoin(
      initiatives,
      and(eq(initiatives.id, budgetLines.initiativeId), inOrganisation(initiatives, ctx.organisationId)),
    )
    .innerJoin(
      policies,
      and(eq(policies.id, initiatives.policyId), inOrganisation(policies, ctx.organisationId)),
    )
    .where(
      and(
        eq(budgetLines.organisationId, ctx.organisationId),
        inArray(budgetLines.initiativeId, [...ids]),
        year === undefined ? undefined : eq(budgetLines.year, year),
      ),
    );
  const lines = new Map<string, typeof rows>();
  for (const r of rows) lines.set(r.initiativeId, [...(lines.get(r.initiativeId) ?? []), r]);
  for (const [id, list] of lines) out.set(id, sumByPeriod(list));
  return out;
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
