// Draft an answer to a council member's question from the registry: the
// initiatives that match the chosen equality grounds, administrations, policies
// and years, with DKK and FTE per year summed per administration, and plainly
// how many have no registered budget.
import { and, arrayOverlaps, asc, eq, inArray, ne, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Context } from "../context.ts";
import { administrations, budgetLines, initiatives, policies } from "../db/schema.ts";
import { equalityGrounds } from "../domain/enums.ts";
import { validationFailed } from "../errors.ts";

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
  /** year (null = whole period) → amounts */
  budget: { year: number | null; amountDkk: number | null; fte: number | null }[];
}

export interface DraftAdministration {
  code: string;
  name: string;
  initiatives: DraftInitiative[];
  totalsByYear: { year: number | null; amountDkk: number; fte: number }[];
  withoutBudget: number;
}

export interface InquiryDraft {
  scope: z.infer<typeof inquiryScopeSchema>;
  administrations: DraftAdministration[];
  policies: { id: string; title: string; periodStart: number | null; periodEnd: number | null }[];
  initiativeCount: number;
  withoutBudget: number;
}

export async function draftInquiryAnswer(ctx: Context, scope: InquiryScope): Promise<InquiryDraft> {
  const parsed = inquiryScopeSchema.safeParse(scope);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const s = parsed.data;
  const where: SQL[] = [eq(initiatives.organisationId, ctx.organisationId), ne(policies.status, "archived")];
  if (s.equalityGrounds.length) where.push(arrayOverlaps(initiatives.equalityGrounds, s.equalityGrounds));
  if (s.administrations.length) where.push(inArray(administrations.code, s.administrations));
  if (s.policyIds.length) where.push(inArray(initiatives.policyId, s.policyIds));
  const rows = await ctx.db
    .select({
      id: initiatives.id,
      title: initiatives.title,
      fundingStatus: initiatives.fundingStatus,
      equalityGrounds: initiatives.equalityGrounds,
      policyId: policies.id,
      policyTitle: policies.title,
      periodStart: policies.periodStart,
      periodEnd: policies.periodEnd,
      code: administrations.code,
      name: administrations.name,
    })
    .from(initiatives)
    .innerJoin(policies, eq(policies.id, initiatives.policyId))
    .innerJoin(administrations, eq(administrations.id, initiatives.administrationId))
    .where(and(...where))
    .orderBy(asc(administrations.code), asc(initiatives.title));
  const lines = rows.length
    ? await ctx.db
        .select()
        .from(budgetLines)
        .where(
          inArray(
            budgetLines.initiativeId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(budgetLines.year))
    : [];
  const inYears = (year: number | null) => s.years.length === 0 || year === null || s.years.includes(year);

  const byAdmin = new Map<string, DraftAdministration>();
  for (const r of rows) {
    const admin = byAdmin.get(r.code) ?? {
      code: r.code,
      name: r.name,
      initiatives: [],
      totalsByYear: [],
      withoutBudget: 0,
    };
    byAdmin.set(r.code, admin);
    const budget = lines
      .filter((l) => l.initiativeId === r.id && inYears(l.year))
      .map((l) => ({ year: l.year, amountDkk: l.amountDkk, fte: l.fte }));
    admin.initiatives.push({
      id: r.id,
      title: r.title,
      policyTitle: r.policyTitle,
      fundingStatus: r.fundingStatus,
      equalityGrounds: r.equalityGrounds,
      budget,
    });
    if (!budget.some((b) => b.amountDkk !== null || b.fte !== null)) admin.withoutBudget++;
    for (const b of budget) {
      let total = admin.totalsByYear.find((t) => t.year === b.year);
      if (!total) {
        total = { year: b.year, amountDkk: 0, fte: 0 };
        admin.totalsByYear.push(total);
      }
      total.amountDkk += b.amountDkk ?? 0;
      total.fte += b.fte ?? 0;
    }
  }
  for (const a of byAdmin.values())
    a.totalsByYear.sort(
      (x, y) => (x.year ?? Number.POSITIVE_INFINITY) - (y.year ?? Number.POSITIVE_INFINITY),
    );
  const policyMap = new Map(
    rows.map((r) => [
      r.policyId,
      { id: r.policyId, title: r.policyTitle, periodStart: r.periodStart, periodEnd: r.periodEnd },
    ]),
  );
  const list = [...byAdmin.values()];
  return {
    scope: s,
    administrations: list,
    policies: [...policyMap.values()].sort((a, b) => a.title.localeCompare(b.title, "da")),
    initiativeCount: rows.length,
    withoutBudget: list.reduce((n, a) => n + a.withoutBudget, 0),
  };
}
