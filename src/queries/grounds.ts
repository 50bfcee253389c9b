// Everything across policies that concerns one equality ground ("Alt om
// handicap og funktionsevne"): the initiatives registered with the ground, the
// goals and policies whose words name it, and the policies whose documents
// were recognized as concerning it.
import { and, asc, eq, like, sql } from "drizzle-orm";
import type { Context } from "../context.ts";
import { goals, initiatives, policies, provenance } from "../db/schema.ts";
import type { EqualityGround } from "../domain/enums.ts";
import { browse } from "./initiatives/browse.ts";
import { type BrowseSet, loadBrowseSet } from "./initiatives/browseSet.ts";
import { policyListing } from "./policies/policies.ts";
import { inOrganisation } from "./scope.ts";

/**
 * Danish words that name each ground, as tsquery prefixes (Danish builds
 * compounds: "handicap:*" finds "Handicappolitik"). Search terms, not
 * sentences from any document.
 */
export const groundTerms: Record<EqualityGround, string> = {
  gender: "køn | kvinde:* | mænd | ligestilling:*",
  race_ethnicity: "etnicitet:* | etnisk:* | race | racisme:* | integration:* | ikke-vestlig:*",
  religion_belief: "religion:* | religiøs:* | trosretning:*",
  age: "alder:* | ældre:*",
  disability: "handicap:* | funktionsnedsættelse:* | funktionsevne:*",
  sexual_orientation: "seksuel:* | homoseksuel:* | biseksuel:* | lgbti:*",
  gender_identity: "kønsidentitet:* | transkønne:* | lgbti:*",
  gender_expression: "kønsudtryk:* | lgbti:*",
  sex_characteristics: "kønskarakteristika:* | interkøn:* | lgbti:*",
};

export interface GroundPolicy {
  id: string;
  slug: string;
  title: string;
  kind: string;
  periodStart: number | null;
  periodEnd: number | null;
  /** Why it is listed: initiatives with the ground, words in its title/goals, or its document. */
  reasons: ("initiatives" | "words" | "document")[];
  initiativeCount: number;
}

/** `browseSetOf` gives the organisation's initiative rows (the portal passes the ones it keeps). */
export async function groundOverview(
  ctx: Context,
  ground: EqualityGround,
  browseSetOf: (ctx: Context) => Promise<BrowseSet> = loadBrowseSet,
) {
  const org = ctx.organisationId;
  const query = sql`to_tsquery('danish', ${groundTerms[ground]})`;
  // One wait for the database: every policy of the organisation is read with the rest (an
  // organisation has a few dozen), in the page's order, and those about the ground kept.
  const [initiativeList, goalRows, policyRows, viaInitiatives, viaDocument, everyPolicy] = await Promise.all([
    browseSetOf(ctx).then((set) => browse(set, { ground, sort: "administration" }, { all: true })),
    ctx.db
      .select({
        id: goals.id,
        number: goals.number,
        text: goals.text,
        policyId: policies.id,
        policySlug: policies.slug,
        policyTitle: policies.title,
      })
      .from(goals)
      .innerJoin(policies, and(eq(policies.id, goals.policyId), inOrganisation(policies, org)))
      .where(and(eq(goals.organisationId, org), sql`${goals.search} @@ ${query}`))
      .orderBy(asc(policies.title), asc(goals.sortOrder), asc(goals.number)),
    ctx.db
      .select({ id: policies.id })
      .from(policies)
      .where(and(eq(policies.organisationId, org), sql`${policies.search} @@ ${query}`)),
    ctx.db
      .select({ policyId: initiatives.policyId, count: sql<number>`count(*)::int` })
      .from(initiatives)
      .where(and(eq(initiatives.organisationId, org), sql`${ground} = any(${initiatives.equalityGrounds})`))
      .groupBy(initiatives.policyId),
    ctx.db
      .selectDistinct({ policyId: provenance.entityId })
      .from(provenance)
      .where(
        and(
          eq(provenance.organisationId, org),
          eq(provenance.entity, "policy"),
          like(provenance.field, `equality_grounds:${ground}`),
        ),
      ),
    ctx.db
      .select(policyListing)
      .from(policies)
      .where(eq(policies.organisationId, org))
      .orderBy(
        sql`coalesce(${policies.periodEnd}, ${policies.periodStart}) desc nulls last`,
        asc(policies.title),
      ),
  ]);
  const reasons = new Map<string, Set<GroundPolicy["reasons"][number]>>();
  const add = (id: string, reason: GroundPolicy["reasons"][number]) => {
    const set = reasons.get(id) ?? new Set();
    set.add(reason);
    reasons.set(id, set);
  };
  for (const r of viaInitiatives) add(r.policyId, "initiatives");
  for (const r of policyRows) add(r.id, "words");
  for (const g of goalRows) add(g.policyId, "words");
  for (const r of viaDocument) add(r.policyId, "document");
  const listed = everyPolicy.filter((p) => reasons.has(p.id));
  const groundPolicies: GroundPolicy[] = listed.map((p) => ({
    ...p,
    reasons: [...(reasons.get(p.id) ?? [])],
    initiativeCount: viaInitiatives.find((v) => v.policyId === p.id)?.count ?? 0,
  }));
  return { initiatives: initiativeList, goals: goalRows, policies: groundPolicies };
}

export type GroundOverview = Awaited<ReturnType<typeof groundOverview>>;
