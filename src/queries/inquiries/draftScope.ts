// What an inquiry's answer draft covers: the stored scope as the importer and the
// drafter write it, and the options it is chosen from.
import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { budgetLines, policies } from "../../db/schema.ts";
import { type EqualityGround, equalityGrounds } from "../../domain/enums.ts";
import { administrationChoices } from "../organisation/units.ts";
import type { InquiryDraft } from "./draft.ts";

export interface StoredScope {
  equalityGrounds: EqualityGround[];
  administrations: string[];
  policyIds: string[];
  years: number[];
  /** The draft's figures when "Lav udkast" was last run. */
  draft?: Omit<InquiryDraft, "scope">;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);

/** The stored scope; the importer writes `equality_grounds`, the drafter `equalityGrounds`. */
export function storedScope(raw: Record<string, unknown> | null | undefined): StoredScope {
  const r = raw ?? {};
  const grounds = strings(r.equalityGrounds ?? r.equality_grounds).filter((g): g is EqualityGround =>
    (equalityGrounds as readonly string[]).includes(g),
  );
  return {
    equalityGrounds: grounds,
    administrations: strings(r.administrations),
    policyIds: strings(r.policyIds),
    years: Array.isArray(r.years) ? r.years.filter((y): y is number => Number.isInteger(y)) : [],
    ...(r.draft && typeof r.draft === "object" ? { draft: r.draft as StoredScope["draft"] } : {}),
  };
}

/** What a draft's scope is chosen from: the organisation's administrations and policies in use. */
export async function inquiryScopeOptions(ctx: Context) {
  const [admins, pols, years] = await Promise.all([
    administrationChoices(ctx),
    ctx.db
      .select({
        id: policies.id,
        title: policies.title,
        periodStart: policies.periodStart,
        periodEnd: policies.periodEnd,
      })
      .from(policies)
      .where(and(eq(policies.organisationId, ctx.organisationId), ne(policies.status, "archived")))
      .orderBy(asc(policies.title)),
    ctx.db
      .selectDistinct({ year: budgetLines.year })
      .from(budgetLines)
      .where(and(eq(budgetLines.organisationId, ctx.organisationId), isNotNull(budgetLines.year)))
      .orderBy(asc(budgetLines.year)),
  ]);
  return { administrations: admins, policies: pols, years: years.map((y) => y.year!).filter(Boolean) };
}
