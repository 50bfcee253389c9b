// Draft an answer to a council member's question from the registry: the
// initiatives that match the chosen equality grounds, administrations, policies
// and years (the current year when none is asked for), with DKK and FTE per year
// summed per administration, what was left out and why, and plainly how many
// have no registered budget.
import { and, arrayOverlaps, asc, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Context } from "../../context.ts";
import { administrations, initiatives, policies } from "../../db/schema.ts";
import { todayInDenmark } from "../../domain/danishDate.ts";
import { equalityGrounds } from "../../domain/enums.ts";
import { sumByPeriod } from "../../domain/moneyPeriods.ts";
import { validationFailed } from "../../errors.ts";
import { budgetLinesOfMany } from "../initiatives/budgetLines.ts";
import { inOrganisation } from "../scope.ts";

export const inquiryScopeSchema = z.object({
  equalityGrounds: z.array(z.enum(equalityGrounds)).default([]),
  administrations: z.array(z.string().trim().min(1)).default([]),
  policyIds: z.array(z.uuid()).default([]),
  years: z.array(z.number().int().min(1990).max(2100)).default([]),
});

export type InquiryScope = z.input<typeof inquiryScopeSchema>;

export interface DraftInitiative {
  id: string;
  title: string;
  policyTitle: string;
  fundingStatus: string;
  equalityGrounds: string[];
  /** year (null = whole period of the policy) → amounts; null = not registered */
  budget: {
    year: number | null;
    amountDkk: number | null;
    fte: number | null;
    periodStart?: number | null;
    periodEnd?: number | null;
  }[];
}

/** A sum for one year, or (year null) for one policy period as a whole; null = not registered. */
export interface DraftTotal {
  year: number | null;
  amountDkk: number | null;
  fte: number | null;
  periodStart?: number | null;
  periodEnd?: number | null;
}

export interface DraftAdministration {
  code: string;
  name: string;
  initiatives: DraftInitiative[];
  totalsByYear: DraftTotal[];
  withoutBudget: number;
}

/** Initiatives that match the question but not its years, grouped by policy, with the reason. */
export interface LeftOutGroup {
  policyTitle: string;
  periodStart: number | null;
  periodEnd: number | null;
  reason: "outside_years" | "no_period" | "archived";
  count: number;
}

export interface InquiryDraft {
  scope: z.infer<typeof inquiryScopeSchema>;
  administrations: DraftAdministration[];
  policies: { id: string; title: string; periodStart: number | null; periodEnd: number | null }[];
  initiativeCount: number;
  withoutBudget: number;
  /** Absent in drafts saved before the years were applied. */
  leftOut?: LeftOutGroup[];
}

const registered = (l: { amountDkk: number | null; fte: number | null }) =>
  l.amountDkk !== null || l.fte !== null;

/**
 * The draft for the years the question asks for; when it names none, the
 * current year (`thisYear`). Initiatives whose policy (or own years) do not
 * cover those years, and have no budget line in them, are left out and counted
 * with the reason; money is summed per year, a whole-period amount stays apart
 * with its period, and what is not registered stays null (never 0).
 */
export async function draftInquiryAnswer(
  ctx: Context,
  scope: InquiryScope,
  options: { thisYear?: number } = {},
): Promise<InquiryDraft> {
  const parsed = inquiryScopeSchema.safeParse(scope);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const thisYear = options.thisYear ?? Number(todayInDenmark().slice(0, 4));
  const s = { ...parsed.data, years: parsed.data.years.length ? parsed.data.years : [thisYear] };
  const where: SQL[] = [eq(initiatives.organisationId, ctx.organisationId)];
  if (s.equalityGrounds.length) where.push(arrayOverlaps(initiatives.equalityGrounds, s.equalityGrounds));
  if (s.administrations.length) where.push(inArray(administrations.code, s.administrations));
  if (s.policyIds.length) where.push(inArray(initiatives.policyId, s.policyIds));
  const rows = await ctx.db
    .select({
      id: initiatives.id,
      title: initiatives.title,
      fundingStatus: initiatives.fundingStatus,
      equalityGrounds: initiatives.equalityGrounds,
      startYear: initiatives.startYear,
      endYear: initiatives.endYear,
      policyId: policies.id,
      policyTitle: policies.title,
      policyStatus: policies.status,
      periodStart: policies.periodStart,
      periodEnd: policies.periodEnd,
      code: administrations.code,
      name: administrations.name,
    })
    .from(initiatives)
    .innerJoin(
      policies,
      and(eq(policies.id, initiatives.policyId), inOrganisation(policies, ctx.organisationId)),
    )
    .innerJoin(
      administrations,
      and(
        eq(administrations.id, initiatives.administrationId),
        inOrganisation(administrations, ctx.organisationId),
      ),
    )
    .where(and(...where))
    .orderBy(asc(administrations.code), asc(initiatives.title));
  const lines = await budgetLinesOfMany(
    ctx,
    rows.map((r) => r.id),
  );
  const years = new Set(s.years);
  const minYear = Math.min(...s.years);
  const maxYear = Math.max(...s.years);

  const byAdmin = new Map<string, DraftAdministration>();
  const leftOut = new Map<string, LeftOutGroup>();
  const kept: typeof rows = [];
  for (const r of rows) {
    // By year, the whole period's lines (no year) last, as the draft lists them.
    const own = lines
      .filter((l) => l.initiativeId === r.id)
      .sort((x, y) => (x.year ?? Number.POSITIVE_INFINITY) - (y.year ?? Number.POSITIVE_INFINITY));
    const start = r.startYear ?? r.periodStart;
    const end = r.endYear ?? r.periodEnd;
    const inYears = own.some((l) => l.year !== null && years.has(l.year));
    const spans =
      (start !== null || end !== null) &&
      (start ?? Number.NEGATIVE_INFINITY) <= maxYear &&
      (end ?? Number.POSITIVE_INFINITY) >= minYear;
    const reason: LeftOutGroup["reason"] | null =
      r.policyStatus === "archived"
        ? "archived"
        : inYears || spans
          ? null
          : start === null && end === null
            ? "no_period"
            : "outside_years";
    if (reason) {
      const key = `${r.policyId}:${reason}`;
      const group = leftOut.get(key) ?? {
        policyTitle: r.policyTitle,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        reason,
        count: 0,
      };
      group.count++;
      leftOut.set(key, group);
      continue;
    }
    kept.push(r);
    const admin = byAdmin.get(r.code) ?? {
      code: r.code,
      name: r.name,
      initiatives: [],
      totalsByYear: [],
      withoutBudget: 0,
    };
    byAdmin.set(r.code, admin);
    const budget = own
      .filter((l) => l.year === null || years.has(l.year))
      .map((l) => ({
        year: l.year,
        amountDkk: l.amountDkk,
        fte: l.fte,
        ...(l.year === null ? { periodStart: r.periodStart, periodEnd: r.periodEnd } : {}),
      }));
    admin.initiatives.push({
      id: r.id,
      title: r.title,
      policyTitle: r.policyTitle,
      fundingStatus: r.fundingStatus,
      equalityGrounds: r.equalityGrounds,
      budget,
    });
    if (!budget.some(registered)) admin.withoutBudget++;
  }
  for (const a of byAdmin.values()) {
    const money = sumByPeriod(
      a.initiatives.flatMap((i) =>
        i.budget.map((b) => ({ ...b, periodStart: b.periodStart ?? null, periodEnd: b.periodEnd ?? null })),
      ),
    );
    a.totalsByYear = [
      ...money.years.filter(registered).map((y) => ({ year: y.year, amountDkk: y.amountDkk, fte: y.fte })),
      ...money.wholePeriods.map((p) => ({
        year: null,
        amountDkk: p.amountDkk,
        fte: p.fte,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
      })),
    ];
  }
  const policyMap = new Map(
    kept.map((r) => [
      r.policyId,
      { id: r.policyId, title: r.policyTitle, periodStart: r.periodStart, periodEnd: r.periodEnd },
    ]),
  );
  const list = [...byAdmin.values()];
  return {
    scope: s,
    administrations: list,
    policies: [...policyMap.values()].sort((a, b) => a.title.localeCompare(b.title, "da")),
    initiativeCount: kept.length,
    withoutBudget: list.reduce((n, a) => n + a.withoutBudget, 0),
    leftOut: [...leftOut.values()].sort(
      (a, b) =>
        (a.periodStart ?? 0) - (b.periodStart ?? 0) || a.policyTitle.localeCompare(b.policyTitle, "da"),
    ),
  };
}
