// Initiatives for the public portal: one initiative with its money, targets,
// status history and sources; and the filtered, sorted, paged browse list
// with counts and DKK totals for the filter.
import { and, asc, desc, eq, exists, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { Context } from "../context.ts";
import {
  administrations,
  annualTargets,
  budgetLines,
  committees,
  goals,
  initiativeGoals,
  initiatives,
  policies,
  statusReports,
  statusRounds,
} from "../db/schema.ts";
import type { EqualityGround, FundingStatus, InitiativeStatus } from "../domain/enums.ts";
import { type MoneyByPeriod, sumByPeriod } from "../domain/moneyPeriods.ts";
import { countedReportStates } from "../domain/roundState.ts";
import { annualTargetsOf } from "./annualTargets.ts";
import { budgetLinesOf } from "./budgetLines.ts";
import { documentsByIds, sourceDocumentIds, sourcesOf } from "./portalPolicies.ts";

export async function initiativeDetail(ctx: Context, id: string) {
  const org = ctx.organisationId;
  // Everything hangs on the id, so every part is read in one round trip (sources and their
  // documents through subqueries); for an unknown id the parts come back empty and are dropped.
  const sourceIds = sql`(select ${id}::uuid union all select ${budgetLines.id} from ${budgetLines} where ${budgetLines.initiativeId} = ${id} and ${budgetLines.organisationId} = ${org} union all select ${annualTargets.id} from ${annualTargets} where ${annualTargets.initiativeId} = ${id} and ${annualTargets.organisationId} = ${org})`;
  const [[row], goalRows, budget, targets, history, sources, docs] = await Promise.all([
    ctx.db
      .select({
        id: initiatives.id,
        title: initiatives.title,
        description: initiatives.description,
        targetGroups: initiatives.targetGroups,
        equalityGrounds: initiatives.equalityGrounds,
        partners: initiatives.partners,
        fundingStatus: initiatives.fundingStatus,
        status: initiatives.status,
        startYear: initiatives.startYear,
        endYear: initiatives.endYear,
        administrationCode: administrations.code,
        administrationName: administrations.name,
        committeeCode: committees.code,
        committeeName: committees.name,
        policyId: policies.id,
        policySlug: policies.slug,
        policyTitle: policies.title,
      })
      .from(initiatives)
      .innerJoin(policies, eq(policies.id, initiatives.policyId))
      .leftJoin(administrations, eq(administrations.id, initiatives.administrationId))
      .leftJoin(committees, eq(committees.id, initiatives.committeeId))
      .where(and(eq(initiatives.organisationId, org), eq(initiatives.id, id)))
      .limit(1),
    ctx.db
      .select({ id: goals.id, number: goals.number, text: goals.text, kind: goals.kind })
      .from(initiativeGoals)
      .innerJoin(goals, eq(goals.id, initiativeGoals.goalId))
      .where(and(eq(initiativeGoals.organisationId, org), eq(initiativeGoals.initiativeId, id)))
      .orderBy(asc(goals.sortOrder), asc(goals.number)),
    budgetLinesOf(ctx, id),
    annualTargetsOf(ctx, id),
    // Only locked rounds are public: until then an answer can still be returned and changed.
    ctx.db
      .select({
        id: statusReports.id,
        roundTitle: statusRounds.title,
        roundKind: statusRounds.kind,
        period: statusRounds.period,
        rating: statusReports.rating,
        progressPct: statusReports.progressPct,
        narrative: statusReports.narrative,
        lockedAt: statusRounds.lockedAt,
      })
      .from(statusReports)
      .innerJoin(statusRounds, eq(statusRounds.id, statusReports.roundId))
      .where(
        and(
          eq(statusReports.organisationId, org),
          eq(statusReports.initiativeId, id),
          eq(statusRounds.state, "locked"),
          eq(statusRounds.isExample, false),
          inArray(statusReports.state, countedReportStates),
        ),
      )
      .orderBy(desc(statusRounds.period), desc(statusRounds.lockedAt)),
    sourcesOf(ctx, sourceIds),
    documentsByIds(ctx, sourceDocumentIds(ctx, sourceIds)),
  ]);
  if (!row) return undefined;
  return { initiative: row, goals: goalRows, budget, targets, history, sources, documents: docs };
}

export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof initiativeDetail>>>;

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
  if (f.year !== undefined) {
    // Runs that year: a budget line for the year, or its own years (else its policy's) cover it.
    const start = sql`coalesce(${initiatives.startYear}, ${policies.periodStart})`;
    const end = sql`coalesce(${initiatives.endYear}, ${policies.periodEnd})`;
    parts.push(
      or(
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(budgetLines)
            .where(and(eq(budgetLines.initiativeId, initiatives.id), eq(budgetLines.year, f.year))),
        ),
        and(
          or(isNotNull(initiatives.startYear), isNotNull(policies.periodStart)),
          sql`${start} <= ${f.year}`,
          sql`coalesce(${end}, ${start}) >= ${f.year}`,
        ),
      ),
    );
  }
  return and(...parts) as SQL;
}

/** Sum of amounts and FTE per initiative: the given year's lines when filtering on a year, else all. */
function moneyOf(year: number | undefined) {
  const yearCond = year === undefined ? sql`true` : sql`${budgetLines.year} = ${year}`;
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

/** The filter's rows, sorted, with the filter's count and DKK/FTE totals on every row (window sums). */
function browseQuery(ctx: Context, f: InitiativeFilter) {
  const money = moneyOf(f.year);
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
    .innerJoin(policies, eq(policies.id, initiatives.policyId))
    .leftJoin(administrations, eq(administrations.id, initiatives.administrationId))
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

/** The rows of one page (or all when `all`), the total count and the DKK/FTE totals for the filter. */
export async function browseInitiatives(ctx: Context, f: InitiativeFilter, opts: { all?: boolean } = {}) {
  const where = filterWhere(ctx, f);
  const money = moneyOf(f.year);
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
      .innerJoin(initiatives, eq(initiatives.id, budgetLines.initiativeId))
      .innerJoin(policies, eq(policies.id, initiatives.policyId))
      .leftJoin(administrations, eq(administrations.id, initiatives.administrationId))
      .where(and(where, f.year === undefined ? undefined : eq(budgetLines.year, f.year))),
  ]);
  // Past the last page no row carries the totals: count on their own (a rare, hand-made URL).
  const total = rows[0]
    ? { count: rows[0].filterCount, amount: rows[0].filterAmount, fte: rows[0].filterFte }
    : page > 1
      ? ((
          await ctx.db
            .select({
              count: sql<number>`count(*)::int`,
              amount: sql<number | null>`sum(${money.amount})::float8`,
              fte: sql<number | null>`sum(${money.fte})::float8`,
            })
            .from(initiatives)
            .innerJoin(policies, eq(policies.id, initiatives.policyId))
            .leftJoin(administrations, eq(administrations.id, initiatives.administrationId))
            .where(where)
        )[0] ?? { count: 0, amount: null, fte: null })
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
    .innerJoin(initiatives, eq(initiatives.id, budgetLines.initiativeId))
    .innerJoin(policies, eq(policies.id, initiatives.policyId))
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
    ctx.db
      .select({ code: administrations.code, name: administrations.name })
      .from(administrations)
      .where(eq(administrations.organisationId, ctx.organisationId))
      .orderBy(asc(administrations.code)),
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
