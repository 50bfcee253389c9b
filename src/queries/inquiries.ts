// Reads of council members' inquiries: the admin list and page (staff and
// viewers), the options a draft's scope is chosen from, the due-date rule,
// and the public list of answered ones (sent answers only, never drafts).
import { and, asc, desc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import {
  administrations,
  budgetLines,
  documents,
  inquiries,
  inquiryAdministrations,
  policies,
  settings,
} from "../db/schema.ts";
import { type EqualityGround, equalityGrounds, type InquiryState } from "../domain/enums.ts";
import { DEFAULT_DUE_WORKING_DAYS, DUE_SETTING } from "../domain/settings.ts";
import { notFound } from "../errors.ts";
import type { InquiryDraft } from "./inquiryDraft.ts";
import { inOrganisation } from "./scope.ts";

export { DEFAULT_DUE_WORKING_DAYS, DUE_SETTING };

/** The organisation's rule for an inquiry's due date, in working days after it was asked. */
export async function inquiryDueWorkingDays(ctx: Context): Promise<number> {
  const [row] = await ctx.db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.organisationId, ctx.organisationId), eq(settings.key, DUE_SETTING)));
  const value = Number(row?.value);
  return row && Number.isInteger(value) && value >= 0 && value <= 365 ? value : DEFAULT_DUE_WORKING_DAYS;
}

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

export function isOverdue(row: { state: string; dueOn: string | null }, today: string): boolean {
  return row.state !== "sent" && !!row.dueOn && row.dueOn < today;
}

async function administrationsOf(ctx: Context, ids: string[]) {
  if (!ids.length) return new Map<string, { code: string; name: string }[]>();
  const rows = await ctx.db
    .select({
      inquiryId: inquiryAdministrations.inquiryId,
      code: administrations.code,
      name: administrations.name,
    })
    .from(inquiryAdministrations)
    .innerJoin(
      administrations,
      and(
        eq(administrations.id, inquiryAdministrations.administrationId),
        inOrganisation(administrations, ctx.organisationId),
      ),
    )
    .where(
      and(
        eq(inquiryAdministrations.organisationId, ctx.organisationId),
        inArray(inquiryAdministrations.inquiryId, ids),
      ),
    )
    .orderBy(asc(administrations.code));
  const map = new Map<string, { code: string; name: string }[]>();
  for (const r of rows)
    map.set(r.inquiryId, [...(map.get(r.inquiryId) ?? []), { code: r.code, name: r.name }]);
  return map;
}

const administrationJoin = (organisationId: string) =>
  and(eq(administrations.id, inquiries.administrationId), inOrganisation(administrations, organisationId));

const listColumns = {
  id: inquiries.id,
  askedBy: inquiries.askedBy,
  askedOn: inquiries.askedOn,
  dueOn: inquiries.dueOn,
  answeredOn: inquiries.answeredOn,
  state: inquiries.state,
  questions: inquiries.questions,
  caseNumber: inquiries.caseNumber,
  documentId: inquiries.documentId,
  administrationCode: administrations.code,
  administrationName: administrations.name,
};

export type InquiryListRow = Awaited<ReturnType<typeof listInquiries>>[number];

/** Every inquiry (imported or registered): open before sent, earliest due first; optionally one state. */
export async function listInquiries(ctx: Context, filter: { state?: InquiryState } = {}) {
  authorize(ctx.actor, "read", { entity: "inquiry" });
  const where = [eq(inquiries.organisationId, ctx.organisationId)];
  if (filter.state) where.push(eq(inquiries.state, filter.state));
  const rows = await ctx.db
    .select(listColumns)
    .from(inquiries)
    .leftJoin(administrations, administrationJoin(ctx.organisationId))
    .where(and(...where))
    .orderBy(asc(inquiries.dueOn), desc(inquiries.askedOn), asc(inquiries.askedBy));
  const admins = await administrationsOf(
    ctx,
    rows.map((r) => r.id),
  );
  // Open ones before sent ones, so what still needs an answer is on top.
  rows.sort((a, b) => Number(a.state === "sent") - Number(b.state === "sent"));
  return rows.map((r) => ({
    ...r,
    administrations:
      admins.get(r.id) ??
      (r.administrationCode ? [{ code: r.administrationCode, name: r.administrationName ?? "" }] : []),
  }));
}

export type InquiryDetail = Awaited<ReturnType<typeof inquiryDetail>>;

export async function inquiryDetail(ctx: Context, id: string) {
  authorize(ctx.actor, "read", { entity: "inquiry" });
  return loadDetail(ctx, id);
}

// Without an access check: the callers decide who may see what.
async function loadDetail(ctx: Context, id: string) {
  const [row] = await ctx.db
    .select({ inquiry: inquiries, documentFilename: documents.filename })
    .from(inquiries)
    .leftJoin(
      documents,
      and(eq(documents.id, inquiries.documentId), inOrganisation(documents, ctx.organisationId)),
    )
    .where(and(eq(inquiries.id, id), eq(inquiries.organisationId, ctx.organisationId)));
  if (!row) throw notFound("The inquiry");
  const [own] = [...(await administrationsOf(ctx, [id])).values()];
  let admins = own ?? [];
  if (!admins.length && row.inquiry.administrationId) {
    admins = await ctx.db
      .select({ code: administrations.code, name: administrations.name })
      .from(administrations)
      .where(
        and(
          eq(administrations.id, row.inquiry.administrationId),
          inOrganisation(administrations, ctx.organisationId),
        ),
      );
  }
  return {
    ...row.inquiry,
    scope: storedScope(row.inquiry.scope),
    administrations: admins,
    documentFilename: row.documentFilename,
  };
}

/** What a draft's scope is chosen from: the organisation's administrations and policies in use. */
export async function inquiryScopeOptions(ctx: Context) {
  const [admins, pols, years] = await Promise.all([
    ctx.db
      .select({ code: administrations.code, name: administrations.name })
      .from(administrations)
      .where(eq(administrations.organisationId, ctx.organisationId))
      .orderBy(asc(administrations.code)),
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

/** Answered inquiries for the public portal: sent ones only, newest answer first. */
export async function publicInquiries(ctx: Context) {
  const rows = await ctx.db
    .select(listColumns)
    .from(inquiries)
    .leftJoin(administrations, administrationJoin(ctx.organisationId))
    .where(and(eq(inquiries.organisationId, ctx.organisationId), eq(inquiries.state, "sent")))
    .orderBy(desc(inquiries.answeredOn), desc(inquiries.askedOn));
  const admins = await administrationsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    askedBy: r.askedBy,
    askedOn: r.askedOn,
    answeredOn: r.answeredOn,
    questions: r.questions,
    administrations:
      admins.get(r.id) ??
      (r.administrationCode ? [{ code: r.administrationCode, name: r.administrationName ?? "" }] : []),
  }));
}

/** One answered inquiry with its answer; null when it does not exist or is not sent. */
export async function publicInquiry(ctx: Context, id: string) {
  const [row] = await ctx.db
    .select()
    .from(inquiries)
    .where(
      and(
        eq(inquiries.id, id),
        eq(inquiries.organisationId, ctx.organisationId),
        eq(inquiries.state, "sent"),
      ),
    );
  if (!row) return null;
  const detail = await loadDetail(ctx, id);
  return {
    id: row.id,
    askedBy: row.askedBy,
    askedOn: row.askedOn,
    answeredOn: row.answeredOn,
    questions: row.questions,
    answer: row.answer,
    signedBy: row.signedBy,
    caseNumber: row.caseNumber,
    documentNumber: row.documentNumber,
    documentId: row.documentId,
    administrations: detail.administrations,
    draft: detail.scope.draft ?? null,
  };
}
