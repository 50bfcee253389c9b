// Council members' inquiries: the admin list and page (staff and viewers), the
// public list of answered ones (sent answers only, never drafts), and the API's list.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { authorize } from "../../authz/can.ts";
import type { Context } from "../../context.ts";
import { administrations, documents, inquiries, inquiryAdministrations } from "../../db/schema.ts";
import type { InquiryState } from "../../domain/enums.ts";
import { notFound } from "../../errors.ts";
import { resourceQueries, when } from "../keysetPage.ts";
import { inOrganisation } from "../scope.ts";
import { administrationCode, col, hasAdministrationCode, isoDate, ownedBy } from "../sqlFragments.ts";
import { storedScope } from "./draftScope.ts";

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

/**
 * An inquiry with its document's file name and its administrations; undefined if the
 * organisation has none by `id`. Without an access check: the callers decide who may see what.
 */
async function readDetail(ctx: Context, id: string) {
  // Read together: a public page waits for one round trip, not one after the other.
  const [[row], byInquiry] = await Promise.all([
    ctx.db
      .select({ inquiry: inquiries, documentFilename: documents.filename })
      .from(inquiries)
      .leftJoin(
        documents,
        and(eq(documents.id, inquiries.documentId), inOrganisation(documents, ctx.organisationId)),
      )
      .where(and(eq(inquiries.id, id), eq(inquiries.organisationId, ctx.organisationId))),
    administrationsOf(ctx, [id]),
  ]);
  if (!row) return undefined;
  let admins = [...byInquiry.values()][0] ?? [];
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

/** readDetail, or not found (404). */
async function loadDetail(ctx: Context, id: string) {
  const detail = await readDetail(ctx, id);
  if (!detail) throw notFound("The inquiry");
  return detail;
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
  const detail = await readDetail(ctx, id);
  if (detail?.state !== "sent") return null;
  return {
    id: detail.id,
    askedBy: detail.askedBy,
    askedOn: detail.askedOn,
    answeredOn: detail.answeredOn,
    questions: detail.questions,
    answer: detail.answer,
    signedBy: detail.signedBy,
    caseNumber: detail.caseNumber,
    documentNumber: detail.documentNumber,
    documentId: detail.documentId,
    administrations: detail.administrations,
    draft: detail.scope.draft ?? null,
  };
}

export interface InquiryFilters {
  administration?: string;
  state?: InquiryState;
}

export const inquiryQueries = resourceQueries({
  id: inquiries.id,
  organisationId: inquiries.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({
        id: inquiries.id,
        askedBy: inquiries.askedBy,
        askedOn: isoDate(inquiries.askedOn),
        answeredOn: isoDate(inquiries.answeredOn),
        administration: administrationCode(inquiries.administrationId, scope.organisationId),
        signedBy: inquiries.signedBy,
        caseNumber: inquiries.caseNumber,
        documentNumber: inquiries.documentNumber,
        questionCount: sql<number>`jsonb_array_length(${col(inquiries.questions)})`.mapWith(Number),
        documentId: inquiries.documentId,
        dueOn: isoDate(inquiries.dueOn),
        questions: inquiries.questions,
        answer: sql<
          string | null
        >`CASE WHEN ${col(inquiries.state)} = 'sent' THEN ${col(inquiries.answer)} END`,
        state: inquiries.state,
        administrations: sql<string[]>`ARRAY(
          SELECT ${col(administrations.code)} FROM ${inquiryAdministrations}
          JOIN ${administrations} ON ${col(administrations.id)} = ${col(inquiryAdministrations.administrationId)}
            AND ${ownedBy(administrations, scope.organisationId)}
          WHERE ${col(inquiryAdministrations.inquiryId)} = ${col(inquiries.id)}
            AND ${ownedBy(inquiryAdministrations, scope.organisationId)} ORDER BY 1)`,
        signerTitle: inquiries.signerTitle,
      })
      .from(inquiries)
      .where(where)
      .orderBy(asc(inquiries.id))
      .limit(limit),
  filters: (f: InquiryFilters, scope) => [
    when(f.administration, (v) => hasAdministrationCode(inquiries.administrationId, v, scope.organisationId)),
    when(f.state, (v) => eq(inquiries.state, v)),
  ],
});

export type InquiryRow = NonNullable<Awaited<ReturnType<typeof inquiryQueries.get>>>;
