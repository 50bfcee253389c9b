// A policy's budget table: its initiatives' money per label and per year (and for the
// whole period), with totals per year, checked against the "I alt" row the source
// document states under the table, when it has one.
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { budgetLines, documents, initiatives, provenance } from "../../db/schema.ts";
import { type StatedTotal, statedTableTotals } from "../../ingest/recognize/statedTotals.ts";
import { lineTieBreak } from "../initiatives/budgetLines.ts";
import { provenanceColumns } from "../provenance.ts";
import { inOrganisation } from "../scope.ts";
import { col, columnsOf, jsonRows, type OrganisationParam, ownedBy } from "../sqlFragments.ts";

export interface BudgetRow {
  initiativeId: string;
  label: string;
  /** Amount per year; the key null is the whole period. */
  amounts: Map<number | null, number>;
  fte: Map<number | null, number>;
}

export interface PolicyBudget {
  rows: BudgetRow[];
  /** The years with an amount, in order; whole-period money is a column of its own. */
  years: number[];
  hasWholePeriod: boolean;
  totals: Map<number | null, number>;
  /** The document's own totals per year (its tables' "I alt" rows added), or null without any. */
  stated: Map<number, number> | null;
}

// How much text after a table's last amount its "I alt" row may be found in.
const AFTER_TABLE = 400;

/** A budget line of one of the policy's initiatives, with the initiative's title. */
export interface PolicyBudgetLine {
  id: string;
  initiativeId: string;
  title: string;
  label: string | null;
  year: number | null;
  amountDkk: number | null;
  fte: number | null;
}

/** Where a budget line's year or amount was read: the spans that locate its table's "I alt" row. */
export interface BudgetSpan {
  entityId: string;
  field: string;
  documentId: string;
  start: number;
  end: number;
  quote: string;
}

const lineColumns = {
  id: budgetLines.id,
  initiativeId: initiatives.id,
  title: initiatives.title,
  label: budgetLines.label,
  year: budgetLines.year,
  amountDkk: budgetLines.amountDkk,
  fte: budgetLines.fte,
};

const spanColumns = columnsOf(provenanceColumns, "entityId", "field", "documentId", "start", "end", "quote");

const spanScope = (org: OrganisationParam) =>
  sql`${ownedBy(provenance, org)} AND ${col(provenance.entity)} = 'budget_line'
    AND ${col(provenance.field)} IN ('year', 'amount_dkk')`;

/** The policy's budget lines as one JSON array, in the order policyBudget reads them (for a page's statement). */
export const policyBudgetLinesJson = (policyId: SQL, org: OrganisationParam): SQL<PolicyBudgetLine[]> =>
  jsonRows(
    lineColumns,
    sql`FROM ${budgetLines} JOIN ${initiatives} ON ${col(initiatives.id)} = ${col(budgetLines.initiativeId)}
        AND ${ownedBy(initiatives, org)}
      WHERE ${ownedBy(budgetLines, org)} AND ${col(initiatives.policyId)} = ${policyId}`,
    [initiatives.title, budgetLines.label, budgetLines.year, budgetLines.id].map((c) => sql`${col(c)} asc`),
  );

/** The spans of those lines' years and amounts, as one JSON array. */
export const policyBudgetSpansJson = (policyId: SQL, org: OrganisationParam): SQL<BudgetSpan[]> =>
  jsonRows(
    spanColumns,
    sql`FROM ${provenance} WHERE ${spanScope(org)} AND ${col(provenance.entityId)} = ANY(ARRAY(
      SELECT ${col(budgetLines.id)} FROM ${budgetLines} JOIN ${initiatives}
        ON ${col(initiatives.id)} = ${col(budgetLines.initiativeId)} AND ${ownedBy(initiatives, org)}
      WHERE ${ownedBy(budgetLines, org)} AND ${col(initiatives.policyId)} = ${policyId}))`,
    [provenance.documentId, provenance.start, provenance.id].map((c) => sql`${col(c)} asc`),
  );

export async function policyBudget(ctx: Context, policyId: string): Promise<PolicyBudget> {
  const org = ctx.organisationId;
  const lines = await ctx.db
    .select(lineColumns)
    .from(budgetLines)
    .innerJoin(
      initiatives,
      and(eq(initiatives.id, budgetLines.initiativeId), inOrganisation(initiatives, org)),
    )
    .where(and(eq(budgetLines.organisationId, org), eq(initiatives.policyId, policyId)))
    .orderBy(asc(initiatives.title), asc(budgetLines.label), asc(budgetLines.year), ...lineTieBreak);
  const spans =
    lines.length === 0
      ? []
      : await ctx.db
          .select(spanColumns)
          .from(provenance)
          .where(
            and(
              spanScope(org),
              inArray(
                provenance.entityId,
                lines.map((l) => l.id),
              ),
            ),
          )
          .orderBy(asc(provenance.documentId), asc(provenance.start), asc(provenance.id));
  return budgetOf(ctx, lines, spans);
}

/** The budget table of the lines (in policyBudget's order), checked against the totals their spans locate. */
export async function budgetOf(
  ctx: Context,
  lines: readonly PolicyBudgetLine[],
  spans: readonly BudgetSpan[],
): Promise<PolicyBudget> {
  const rows = new Map<string, BudgetRow>();
  const totals = new Map<number | null, number>();
  for (const l of lines) {
    const label = l.label?.trim() || l.title;
    const key = `${l.initiativeId}\u0000${label}`;
    let row = rows.get(key);
    if (!row) {
      row = { initiativeId: l.initiativeId, label, amounts: new Map(), fte: new Map() };
      rows.set(key, row);
    }
    if (l.amountDkk !== null) {
      row.amounts.set(l.year, (row.amounts.get(l.year) ?? 0) + l.amountDkk);
      totals.set(l.year, (totals.get(l.year) ?? 0) + l.amountDkk);
    }
    if (l.fte !== null) row.fte.set(l.year, (row.fte.get(l.year) ?? 0) + l.fte);
  }
  const years = [...new Set(lines.map((l) => l.year).filter((y): y is number => y !== null))].sort(
    (a, b) => a - b,
  );
  return {
    rows: [...rows.values()].sort((a, b) => a.label.localeCompare(b.label, "da")),
    years,
    hasWholePeriod: lines.some((l) => l.year === null),
    totals,
    stated: lines.length === 0 ? null : await statedTotals(ctx, spans),
  };
}

/** The "I alt" rows under the tables the lines were read from (by their spans), added per year. */
async function statedTotals(ctx: Context, spans: readonly BudgetSpan[]): Promise<Map<number, number> | null> {
  // One table per header: the lines whose year was read from the same header.
  const tables = new Map<string, { documentId: string; header: string; lastEnd: number }>();
  const headerOf = new Map<string, string>();
  for (const s of spans)
    if (s.field === "year") {
      const key = `${s.documentId}:${s.start}`;
      headerOf.set(s.entityId, key);
      if (!tables.has(key)) tables.set(key, { documentId: s.documentId, header: s.quote, lastEnd: s.end });
    }
  for (const s of spans) {
    const table = s.field === "amount_dkk" ? tables.get(headerOf.get(s.entityId) ?? "") : undefined;
    if (table && s.end > table.lastEnd) table.lastEnd = s.end;
  }
  const stated = new Map<number, number>();
  for (const t of tables.values()) {
    const [doc] = await ctx.db
      .select({
        after: sql<string>`substring(${documents.text} from ${t.lastEnd + 1}::int for ${AFTER_TABLE}::int)`,
      })
      .from(documents)
      .where(and(eq(documents.organisationId, ctx.organisationId), eq(documents.id, t.documentId)));
    const totals: StatedTotal[] | null = doc ? statedTableTotals(t.header, doc.after) : null;
    for (const total of totals ?? []) stated.set(total.year, (stated.get(total.year) ?? 0) + total.amountDkk);
  }
  return stated.size > 0 ? stated : null;
}
