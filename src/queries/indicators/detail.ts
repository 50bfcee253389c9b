// One indicator for the public portal: its goal and policy, observations and
// computed progress.
import { and, asc, eq } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { goals, indicators, observations, policies } from "../../db/schema.ts";
import { sourcesOf } from "../provenance.ts";
import { inOrganisation } from "../scope.ts";
import { indicatorColumns, observationColumns, withProgress } from "./progress.ts";

export async function indicatorDetail(ctx: Context, id: string, threshold: number) {
  const org = ctx.organisationId;
  // One round trip: the observations and sources hang on the id alone (empty for an unknown one).
  const [[row], obs, sources] = await Promise.all([
    ctx.db
      .select({
        ...indicatorColumns,
        goalNumber: goals.number,
        goalText: goals.text,
        policySlug: policies.slug,
        policyTitle: policies.title,
      })
      .from(indicators)
      .innerJoin(goals, and(eq(goals.id, indicators.goalId), inOrganisation(goals, org)))
      .innerJoin(policies, and(eq(policies.id, goals.policyId), inOrganisation(policies, org)))
      .where(and(eq(indicators.organisationId, org), eq(indicators.id, id)))
      .limit(1),
    ctx.db
      .select(observationColumns)
      .from(observations)
      .where(and(eq(observations.organisationId, org), eq(observations.indicatorId, id)))
      .orderBy(asc(observations.disaggregation), asc(observations.year), asc(observations.period)),
    sourcesOf(ctx, [id]),
  ]);
  if (!row) return undefined;
  const { goalNumber, goalText, policySlug, policyTitle, ...indicator } = row;
  return {
    indicator: withProgress(indicator, obs, threshold),
    goal: { id: indicator.goalId, number: goalNumber, text: goalText },
    policy: { slug: policySlug, title: policyTitle },
    sources,
  };
}

export type IndicatorDetail = NonNullable<Awaited<ReturnType<typeof indicatorDetail>>>;
