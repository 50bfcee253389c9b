// The organisation's administrations and committees (forvaltninger, udvalg): the
// API's lists, the choices of the forms, and for the admin's own pages (admins only;
// for anyone else a 404) what uses each one: one in use cannot be deleted.
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { authorize } from "../../authz/can.ts";
import type { Context } from "../../context.ts";
import {
  administrations,
  committees,
  goalCommittees,
  goals,
  hearingResponses,
  initiatives,
  inquiries,
  inquiryAdministrations,
  policies,
  roleAssignments,
  roundAdministrations,
  statusReports,
} from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import { resourceQueries, when } from "../keysetPage.ts";

export interface CodeFilters {
  code?: string;
}

export const administrationQueries = resourceQueries({
  id: administrations.id,
  organisationId: administrations.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({ id: administrations.id, code: administrations.code, name: administrations.name })
      .from(administrations)
      .where(where)
      .orderBy(asc(administrations.id))
      .limit(limit),
  filters: (f: CodeFilters) => [when(f.code, (code) => eq(administrations.code, code))],
});

export type AdministrationRow = NonNullable<Awaited<ReturnType<typeof administrationQueries.get>>>;

export const committeeQueries = resourceQueries({
  id: committees.id,
  organisationId: committees.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({ id: committees.id, code: committees.code, name: committees.name })
      .from(committees)
      .where(where)
      .orderBy(asc(committees.id))
      .limit(limit),
  filters: (f: CodeFilters) => [when(f.code, (code) => eq(committees.code, code))],
});

export type CommitteeRow = NonNullable<Awaited<ReturnType<typeof committeeQueries.get>>>;

export type UnitKind = "administration" | "committee";

/** Both tables have the same columns; the cast lets one code path serve both. */
export const unitTable = (kind: UnitKind) =>
  (kind === "administration" ? administrations : committees) as typeof administrations;

interface UsageSource {
  one: string;
  many: string;
  table: PgTable;
  org: PgColumn;
  column: PgColumn;
}

const source = (one: string, many: string, table: PgTable, org: PgColumn, column: PgColumn) => ({
  one,
  many,
  table,
  org,
  column,
});

// Every column that refers to an administration or a committee.
const usageSources: Record<UnitKind, UsageSource[]> = {
  administration: [
    source("politik", "politikker", policies, policies.organisationId, policies.ownerAdministrationId),
    source("mål", "mål", goals, goals.organisationId, goals.administrationId),
    source("initiativ", "initiativer", initiatives, initiatives.organisationId, initiatives.administrationId),
    source(
      "brugerrolle",
      "brugerroller",
      roleAssignments,
      roleAssignments.organisationId,
      roleAssignments.administrationId,
    ),
    source(
      "statusrunde",
      "statusrunder",
      roundAdministrations,
      roundAdministrations.organisationId,
      roundAdministrations.administrationId,
    ),
    source(
      "statusindmelding",
      "statusindmeldinger",
      statusReports,
      statusReports.organisationId,
      statusReports.administrationId,
    ),
    source(
      "spørgsmål at besvare",
      "spørgsmål at besvare",
      inquiries,
      inquiries.organisationId,
      inquiries.administrationId,
    ),
    source(
      "spørgsmål, den indgår i",
      "spørgsmål, den indgår i",
      inquiryAdministrations,
      inquiryAdministrations.organisationId,
      inquiryAdministrations.administrationId,
    ),
  ],
  committee: [
    source("politik", "politikker", policies, policies.organisationId, policies.ownerCommitteeId),
    source("mål", "mål", goalCommittees, goalCommittees.organisationId, goalCommittees.committeeId),
    source("initiativ", "initiativer", initiatives, initiatives.organisationId, initiatives.committeeId),
    source(
      "høringssvar",
      "høringssvar",
      hearingResponses,
      hearingResponses.organisationId,
      hearingResponses.fromCommitteeId,
    ),
  ],
};

export interface Usage {
  count: number;
  /** Danish, e.g. "3 initiativer". */
  text: string;
}

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  version: number;
  usage: Usage[];
}

const usageText = (s: UsageSource, n: number) => `${n} ${n === 1 ? s.one : s.many}`;

/** Danish list of what uses a unit: "3 initiativer og 1 brugerrolle"; "" when nothing does. */
export function usageSentence(usage: readonly Usage[]): string {
  const parts = usage.map((u) => u.text);
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} og ${parts.at(-1)}`;
}

/** How many rows of each kind refer to each unit (all of them, or one). */
async function usageByUnit(ctx: Context, kind: UnitKind, id?: string) {
  const byUnit = new Map<string, Usage[]>();
  for (const s of usageSources[kind]) {
    const rows = await ctx.db
      .select({ unitId: s.column, n: count() })
      .from(s.table)
      .where(and(eq(s.org, ctx.organisationId), id ? eq(s.column, id) : isNotNull(s.column)))
      .groupBy(s.column);
    for (const r of rows) {
      const list = byUnit.get(r.unitId as string) ?? [];
      list.push({ count: r.n, text: usageText(s, r.n) });
      byUnit.set(r.unitId as string, list);
    }
  }
  return byUnit;
}

/** What uses one administration or committee (no authorization: the deleter's own check). */
export async function unitUsage(ctx: Context, kind: UnitKind, id: string): Promise<Usage[]> {
  return (await usageByUnit(ctx, kind, id)).get(id) ?? [];
}

async function unitsOf(ctx: Context, kind: UnitKind): Promise<UnitRow[]> {
  const table = unitTable(kind);
  const [rows, usage] = await Promise.all([
    ctx.db
      .select({ id: table.id, code: table.code, name: table.name, version: table.version })
      .from(table)
      .where(eq(table.organisationId, ctx.organisationId))
      .orderBy(asc(table.code)),
    usageByUnit(ctx, kind),
  ]);
  return rows.map((r) => ({ ...r, usage: usage.get(r.id) ?? [] }));
}

export async function organisationUnits(ctx: Context) {
  authorize(ctx.actor, "read", { entity: "organisation" }, { hidden: true });
  return {
    administrations: await unitsOf(ctx, "administration"),
    committees: await unitsOf(ctx, "committee"),
  };
}

export async function organisationUnit(ctx: Context, kind: UnitKind, id: string): Promise<UnitRow> {
  authorize(ctx.actor, "read", { entity: "organisation" }, { hidden: true });
  const table = unitTable(kind);
  const [row] = await ctx.db
    .select({ id: table.id, code: table.code, name: table.name, version: table.version })
    .from(table)
    .where(and(eq(table.organisationId, ctx.organisationId), eq(table.id, id)));
  if (!row) throw notFound(kind === "administration" ? "The administration" : "The committee");
  return { ...row, usage: await unitUsage(ctx, kind, id) };
}

/** The organisation's administrations by code: what every form and filter offers. */
export async function administrationChoices(ctx: Context) {
  return ctx.db
    .select({ id: administrations.id, code: administrations.code, name: administrations.name })
    .from(administrations)
    .where(eq(administrations.organisationId, ctx.organisationId))
    .orderBy(asc(administrations.code));
}
