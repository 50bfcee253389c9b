// The registry as staff edit it: the overview tree and one row per editor. Only
// staff edit the registry; for anyone else these are a 404, as for anything they
// may not use.
import { and, asc, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import {
  administrations,
  annualTargets,
  budgetLines,
  goals,
  indicators,
  initiatives,
  observations,
  policies,
  themes,
} from "../db/schema.ts";
import { notFound } from "../errors.ts";
import { inOrganisation } from "./scope.ts";

export function authorizeRegistryEditor(ctx: Context) {
  authorize(ctx.actor, "update", { entity: "registry" }, { hidden: true });
}

type OrgTable = PgTable & { id: PgColumn; organisationId: PgColumn };

/** One row of an organisation's registry table, for an editor. */
async function registryRow<T extends OrgTable>(ctx: Context, table: T, id: string, what: string) {
  authorizeRegistryEditor(ctx);
  const rows = await ctx.db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.organisationId, ctx.organisationId)));
  if (!rows[0]) throw notFound(what);
  return rows[0] as T["$inferSelect"];
}

// One row per editor kind, so the editors name an entity and never a table.
export const policyRow = (ctx: Context, id: string) => registryRow(ctx, policies, id, "The policy");

export const themeRow = (ctx: Context, id: string) => registryRow(ctx, themes, id, "The theme");

export const goalRow = (ctx: Context, id: string) => registryRow(ctx, goals, id, "The goal");

export const indicatorRow = (ctx: Context, id: string) => registryRow(ctx, indicators, id, "The indicator");

export const observationRow = (ctx: Context, id: string) =>
  registryRow(ctx, observations, id, "The observation");

export const initiativeRow = (ctx: Context, id: string) =>
  registryRow(ctx, initiatives, id, "The initiative");

export const budgetLineRow = (ctx: Context, id: string) =>
  registryRow(ctx, budgetLines, id, "The budget line");

export const annualTargetRow = (ctx: Context, id: string) =>
  registryRow(ctx, annualTargets, id, "The annual target");

/**
 * The whole registry as a tree: policies → themes → goals → indicators, and
 * each policy's initiatives, optionally only those of one administration (code).
 */
export async function registryOverview(ctx: Context, filter: { administration?: string } = {}) {
  authorizeRegistryEditor(ctx);
  const org = ctx.organisationId;
  const [policyRows, themeRows, goalRows, indicatorRows, initiativeRows] = await Promise.all([
    ctx.db
      .select({
        id: policies.id,
        title: policies.title,
        kind: policies.kind,
        status: policies.status,
        periodStart: policies.periodStart,
        periodEnd: policies.periodEnd,
      })
      .from(policies)
      .where(eq(policies.organisationId, org))
      .orderBy(asc(policies.title)),
    ctx.db
      .select({ id: themes.id, policyId: themes.policyId, number: themes.number, title: themes.title })
      .from(themes)
      .where(eq(themes.organisationId, org))
      .orderBy(asc(themes.number)),
    ctx.db
      .select({
        id: goals.id,
        policyId: goals.policyId,
        themeId: goals.themeId,
        number: goals.number,
        text: goals.text,
      })
      .from(goals)
      .where(eq(goals.organisationId, org))
      .orderBy(asc(goals.sortOrder), asc(goals.number), asc(goals.text)),
    ctx.db
      .select({ id: indicators.id, goalId: indicators.goalId, title: indicators.title })
      .from(indicators)
      .where(eq(indicators.organisationId, org))
      .orderBy(asc(indicators.title)),
    ctx.db
      .select({
        id: initiatives.id,
        policyId: initiatives.policyId,
        title: initiatives.title,
        status: initiatives.status,
        fundingStatus: initiatives.fundingStatus,
        administrationCode: administrations.code,
      })
      .from(initiatives)
      .leftJoin(
        administrations,
        and(eq(administrations.id, initiatives.administrationId), inOrganisation(administrations, org)),
      )
      .where(
        filter.administration
          ? and(eq(initiatives.organisationId, org), eq(administrations.code, filter.administration))
          : eq(initiatives.organisationId, org),
      )
      .orderBy(asc(initiatives.title)),
  ]);
  const indicatorsOf = (goalId: string) => indicatorRows.filter((i) => i.goalId === goalId);
  const goalNode = (g: (typeof goalRows)[number]) => ({ ...g, indicators: indicatorsOf(g.id) });
  return policyRows.map((p) => {
    const policyGoals = goalRows.filter((g) => g.policyId === p.id);
    return {
      ...p,
      themes: themeRows
        .filter((t) => t.policyId === p.id)
        .map((t) => ({ ...t, goals: policyGoals.filter((g) => g.themeId === t.id).map(goalNode) })),
      /** Goals not placed under a theme. */
      goals: policyGoals.filter((g) => !g.themeId).map(goalNode),
      initiatives: initiativeRows.filter((i) => i.policyId === p.id),
    };
  });
}

export type RegistryOverview = Awaited<ReturnType<typeof registryOverview>>;
