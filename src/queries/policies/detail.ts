// One policy for the public portal with everything under it: themes → goals →
// indicators with progress, initiatives, related policies, budget, documents and sources.
import { and, eq, sql } from "drizzle-orm";
import type { Context } from "../../context.ts";
import type { Executor } from "../../db/client.ts";
import {
  administrations,
  committees,
  goalCommittees,
  goals,
  indicators,
  initiatives,
  observations,
  policies,
  provenance,
  themes,
} from "../../db/schema.ts";
import { documentsJson } from "../documents.ts";
import {
  type IndicatorWithProgress,
  indicatorColumns,
  observationColumns,
  withProgress,
} from "../indicators/progress.ts";
import { preparedPer } from "../prepared.ts";
import { sourcesJson } from "../provenance.ts";
import { col, jsonRows, ownedBy } from "../sqlFragments.ts";
import { budgetOf, policyBudgetLinesJson, policyBudgetSpansJson } from "./budget.ts";
import { policyListing, policyQuery } from "./policies.ts";

export interface GoalRow {
  id: string;
  themeId: string | null;
  kind: string;
  number: string | null;
  text: string;
  administrationCode: string | null;
  committees: { code: string; name: string }[];
  indicators: IndicatorWithProgress[];
}

export interface PolicyInitiative {
  id: string;
  title: string;
  fundingStatus: string;
  status: string;
  administrationCode: string | null;
  administrationName: string | null;
}

const asc = (...columns: Parameters<typeof col>[0][]) => columns.map((c) => sql`${col(c)} asc`);

// One statement: the policy's row with each list as a subquery beside it, so an uncached page
// holds one pooled connection for one round trip, not one per list. It is prepared: parsing and
// planning a statement this size costs the database more than running it, so each connection
// does that once. The subqueries find the policy by its slug themselves rather than from the
// outer row: uncorrelated, each runs once. (The budget's stated totals, when its lines have
// sources, are read afterwards: where to read depends on those sources.)
function prepare(db: Executor) {
  const org = sql.placeholder("organisationId");
  const slug = sql.placeholder("slug");
  const policy = sql`(SELECT ${col(policies.id)} FROM ${policies}
    WHERE ${ownedBy(policies, org)} AND ${col(policies.slug)} = ${slug})`;
  const ofPolicy = (table: typeof themes | typeof goals | typeof initiatives) =>
    sql`${ownedBy(table, org)} AND ${col(table.policyId)} = ${policy}`;
  // The ids whose sources the page shows, as an array the database builds once.
  const entityIds = sql`ARRAY(SELECT ${policy}
    UNION ALL SELECT ${col(themes.id)} FROM ${themes} WHERE ${ofPolicy(themes)}
    UNION ALL SELECT ${col(goals.id)} FROM ${goals} WHERE ${ofPolicy(goals)}
    UNION ALL SELECT ${col(indicators.id)} FROM ${indicators}
      JOIN ${goals} ON ${col(goals.id)} = ${col(indicators.goalId)}
      WHERE ${ownedBy(indicators, org)} AND ${ofPolicy(goals)}
    UNION ALL SELECT ${col(initiatives.id)} FROM ${initiatives} WHERE ${ofPolicy(initiatives)})`;
  // The documents those sources quote, and the policy's own document.
  const documentIds = sql`ARRAY(SELECT ${col(provenance.documentId)} FROM ${provenance}
      WHERE ${ownedBy(provenance, org)} AND ${col(provenance.entityId)} = ANY(${entityIds})
    UNION ALL SELECT ${col(policies.documentId)} FROM ${policies}
      WHERE ${ownedBy(policies, org)} AND ${col(policies.slug)} = ${slug})`;
  const indicatorsOfPolicy = sql`FROM ${indicators} JOIN ${goals} ON ${col(goals.id)} = ${col(indicators.goalId)}
      AND ${ownedBy(goals, org)}
    WHERE ${ownedBy(indicators, org)} AND ${col(goals.policyId)} = ${policy}`;
  return policyQuery(
    { db, organisationId: org },
    {
      themes: jsonRows(
        { id: themes.id, number: themes.number, title: themes.title, description: themes.description },
        sql`FROM ${themes} WHERE ${ofPolicy(themes)}`,
        asc(themes.number, themes.id),
      ),
      goals: jsonRows(
        {
          id: goals.id,
          themeId: goals.themeId,
          kind: goals.kind,
          number: goals.number,
          text: goals.text,
          administrationCode: administrations.code,
        },
        sql`FROM ${goals} LEFT JOIN ${administrations} ON ${col(administrations.id)} = ${col(goals.administrationId)}
            AND ${ownedBy(administrations, org)}
          WHERE ${ofPolicy(goals)}`,
        asc(goals.sortOrder, goals.number, goals.id),
      ),
      committees: jsonRows(
        { goalId: goalCommittees.goalId, code: committees.code, name: committees.name },
        sql`FROM ${goalCommittees}
          JOIN ${committees} ON ${col(committees.id)} = ${col(goalCommittees.committeeId)} AND ${ownedBy(committees, org)}
          JOIN ${goals} ON ${col(goals.id)} = ${col(goalCommittees.goalId)}
          WHERE ${ownedBy(goalCommittees, org)} AND ${ofPolicy(goals)}`,
        asc(committees.code, goalCommittees.goalId),
      ),
      indicators: jsonRows(indicatorColumns, indicatorsOfPolicy, asc(indicators.title, indicators.id)),
      observations: jsonRows(
        observationColumns,
        sql`FROM ${observations} WHERE ${ownedBy(observations, org)}
          AND ${col(observations.indicatorId)} IN (SELECT ${col(indicators.id)} ${indicatorsOfPolicy})`,
        asc(observations.year, observations.period, observations.id),
      ),
      initiatives: jsonRows(
        {
          id: initiatives.id,
          title: initiatives.title,
          fundingStatus: initiatives.fundingStatus,
          status: initiatives.status,
          administrationCode: administrations.code,
          administrationName: administrations.name,
        },
        sql`FROM ${initiatives} LEFT JOIN ${administrations}
            ON ${col(administrations.id)} = ${col(initiatives.administrationId)} AND ${ownedBy(administrations, org)}
          WHERE ${ofPolicy(initiatives)}`,
        asc(administrations.code, initiatives.title, initiatives.id),
      ),
      // Its parent and its children.
      related: jsonRows(
        { ...policyListing, parentPolicyId: policies.parentPolicyId },
        sql`FROM ${policies} WHERE ${ownedBy(policies, org)} AND (${col(policies.parentPolicyId)} = ${policy}
          OR ${col(policies.id)} = (SELECT ${col(policies.parentPolicyId)} FROM ${policies}
            WHERE ${ownedBy(policies, org)} AND ${col(policies.slug)} = ${slug}))`,
        asc(policies.periodStart, policies.title, policies.id),
      ),
      sources: sourcesJson(org, entityIds),
      documents: documentsJson(org, documentIds),
      budgetLines: policyBudgetLinesJson(policy, org),
      budgetSpans: policyBudgetSpansJson(policy, org),
    },
  )
    .where(and(eq(policies.organisationId, org), eq(policies.slug, slug)))
    .limit(1)
    .prepare("policy_detail");
}

const prepared = preparedPer(prepare);

/** One policy with themes → goals → indicators, initiatives, related policies, documents and sources. */
export async function policyDetail(ctx: Context, slug: string, threshold: number) {
  const [row] = await prepared(ctx.db).execute({ slug, organisationId: ctx.organisationId });
  if (!row) return undefined;
  const {
    themes: themeRows,
    goals: goalRows,
    committees: committeeRows,
    indicators: indicatorRows,
    observations: observationRows,
    initiatives: initiativeRows,
    related,
    sources,
    documents,
    budgetLines,
    budgetSpans,
    ...policy
  } = row;
  const observationsOf = Map.groupBy(observationRows, (o) => o.indicatorId);
  const indicatorList = indicatorRows.map((i) => withProgress(i, observationsOf.get(i.id) ?? [], threshold));
  const goalList: GoalRow[] = goalRows.map((g) => ({
    ...g,
    committees: committeeRows.filter((c) => c.goalId === g.id).map(({ code, name }) => ({ code, name })),
    indicators: indicatorList.filter((i) => i.goalId === g.id),
  }));

  return {
    policy,
    budget: await budgetOf(ctx, budgetLines, budgetSpans),
    parent: related.find((r) => r.id === policy.parentPolicyId),
    children: related.filter((r) => r.parentPolicyId === policy.id),
    themes: themeRows,
    goals: goalList,
    indicators: indicatorList,
    initiatives: initiativeRows as PolicyInitiative[],
    documents,
    sources,
  };
}

export type PolicyDetail = NonNullable<Awaited<ReturnType<typeof policyDetail>>>;
