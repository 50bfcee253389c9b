// Reads across every organisation, for the national pages: only what each
// organisation's public portal shows anyway (its policies, indicators and
// initiatives), counted per organisation.
import { asc, count } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { indicators, initiatives, organisations, policies } from "../db/schema.ts";

export interface OrganisationOverview {
  id: string;
  slug: string;
  name: string;
  policies: number;
  indicators: number;
  initiatives: number;
}

/** Every organisation with how much its registry holds, by name. */
export async function organisationOverview(db: Executor): Promise<OrganisationOverview[]> {
  const countsOf = async (table: typeof policies | typeof indicators | typeof initiatives) =>
    new Map(
      (
        await db
          .select({ organisationId: table.organisationId, n: count() })
          .from(table)
          .groupBy(table.organisationId)
      ).map((r) => [r.organisationId, r.n]),
    );
  const [rows, policyCounts, indicatorCounts, initiativeCounts] = await Promise.all([
    db
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(organisations)
      .orderBy(asc(organisations.name), asc(organisations.slug)),
    countsOf(policies),
    countsOf(indicators),
    countsOf(initiatives),
  ]);
  return rows.map((o) => ({
    ...o,
    policies: policyCounts.get(o.id) ?? 0,
    indicators: indicatorCounts.get(o.id) ?? 0,
    initiatives: initiativeCounts.get(o.id) ?? 0,
  }));
}
