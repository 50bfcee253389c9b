// Which registry row a candidate would update, for the review screen: the row
// the acceptance would match on its own (the same rule, run without writing)
// and the other rows of its kind the coordinator may name instead, each with
// its values under the candidate's field names so the two can be compared
// field by field. Rows that this candidate's own document produced are not
// offered: they are this version, not an older one.
import { and, eq, isNotNull } from "drizzle-orm";
import { authorize } from "../../authz/can.ts";
import type { Context } from "../../context.ts";
import { administrations, candidates, committees, initiatives } from "../../db/schema.ts";
import { entityTitle } from "../../domain/entities/labels.ts";
import { Acceptor, writerOf } from "./acceptor.ts";
import type { Placement } from "./lookups.ts";
import type { CandidateRow } from "./writer.ts";

export interface TargetOption {
  id: string;
  /** What the coordinator reads in the list. */
  text: string;
  /** The row's values under the candidate's field names (codes for administrations and committees). */
  values: Record<string, unknown>;
}

export interface TargetChoice {
  /** The row accepting would update on its own, or null when it would make a new one. */
  matchId: string | null;
  /** The rows of the candidate's kind that it may update instead, the match first. */
  options: TargetOption[];
}

/** At most this many rows are offered; the match is always among them. */
const MAX_OPTIONS = 300;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The choice for the pending candidate `candidateId`; null when it has none (a document, or reviewed). */
export async function targetChoice(ctx: Context, candidateId: string): Promise<TargetChoice | null> {
  authorize(ctx.actor, "read", { entity: "candidate" }, { hidden: true });
  const [row] = (await ctx.db
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.id, candidateId),
        eq(candidates.organisationId, ctx.organisationId),
        eq(candidates.state, "pending"),
      ),
    )) as CandidateRow[];
  const writer = row && writerOf(row.entity);
  if (!row || !writer) return null;
  const preview = await new Acceptor(ctx).preview(row);
  if (!preview) return null;
  const org = ctx.organisationId;
  const [all, own, units] = await Promise.all([
    ctx.db
      .select()
      .from(writer.table as never)
      .where(eq(writer.table.organisationId, org)) as Promise<Record<string, unknown>[]>,
    ctx.db
      .select({ id: candidates.acceptedEntityId })
      .from(candidates)
      .where(and(eq(candidates.documentId, row.documentId), isNotNull(candidates.acceptedEntityId))),
    unitCodes(ctx),
  ]);
  const ownIds = new Set(own.map((o) => o.id));
  const inScope = await scopeOf(ctx, preview.parent);
  const matchId = preview.match?.id ?? null;
  const options = all
    .filter((r) => r.id === matchId || (!ownIds.has(r.id as string) && r.status !== "archived" && inScope(r)))
    .map((r) => {
      const values = asFields(r, units);
      return { id: r.id as string, text: optionText(row.entity, values), values };
    })
    .sort((a, b) => Number(b.id === matchId) - Number(a.id === matchId) || a.text.localeCompare(b.text, "da"))
    .slice(0, MAX_OPTIONS);
  return { matchId, options };
}

/** The organisation's administration and committee ids → their codes. */
async function unitCodes(ctx: Context): Promise<Map<string, string>> {
  const org = ctx.organisationId;
  const [a, c] = await Promise.all([
    ctx.db
      .select({ id: administrations.id, code: administrations.code })
      .from(administrations)
      .where(eq(administrations.organisationId, org)),
    ctx.db
      .select({ id: committees.id, code: committees.code })
      .from(committees)
      .where(eq(committees.organisationId, org)),
  ]);
  return new Map([...a, ...c].map((u) => [u.id, u.code]));
}

/** A registry row under the candidate's field names: `ownerAdministrationId` → `owner_administration` (its code). */
function asFields(row: Record<string, unknown>, units: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith("Id") && typeof value === "string" && units.has(value))
      out[snake(key.slice(0, -2))] = units.get(value);
    else out[snake(key)] = value;
  }
  return out;
}

/**
 * Which rows belong where the candidate is placed: under the same policy (or
 * the same goal or indicator, for the rows that hang under those); anywhere in
 * the organisation when its place is not known yet.
 */
async function scopeOf(
  ctx: Context,
  parent: Placement | null,
): Promise<(row: Record<string, unknown>) => boolean> {
  if (!parent) return () => true;
  const initiativeIds = new Set(
    (
      await ctx.db
        .select({ id: initiatives.id })
        .from(initiatives)
        .where(
          and(eq(initiatives.policyId, parent.policyId), eq(initiatives.organisationId, ctx.organisationId)),
        )
    ).map((r) => r.id),
  );
  return (row) => {
    if ("policyId" in row) return row.policyId === parent.policyId;
    if ("goalId" in row) return parent.entity === "goal" ? row.goalId === parent.id : true;
    if ("indicatorId" in row) return parent.entity === "indicator" ? row.indicatorId === parent.id : true;
    if ("initiativeId" in row) return initiativeIds.has(row.initiativeId as string);
    return true;
  };
}

/** "Tema 2: Uddannelse", "Pulje (2021): 500.000 kr." … */
function optionText(entity: string, v: Record<string, unknown>): string {
  const title = entityTitle(v, 90);
  switch (entity) {
    case "policy":
      return v.period_start ? `${title} (${v.period_start}–${v.period_end ?? ""})` : title;
    case "theme":
    case "goal":
      return v.number ? `${v.number}: ${title}` : title;
    case "budget_line":
    case "annual_target":
      return `${title} (${v.year ?? "hele perioden"})`;
    case "observation":
      return `${v.period}${v.disaggregation ? ` (${v.disaggregation})` : ""}`;
    case "inquiry":
      return v.case_number ? `${title}, sag ${v.case_number}` : title;
    default:
      return title;
  }
}
