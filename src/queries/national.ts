// Reads across every organisation, for the national pages: only what each
// organisation's public portal shows anyway (its policies, indicators and
// initiatives), counted per organisation.
import { asc, sql } from "drizzle-orm";
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

const countOf = (table: typeof policies | typeof indicators | typeof initiatives) =>
  sql<number>`(select count(*)::int from ${table} where ${table.organisationId} = ${organisations.id})`;

/** Every organisation with how much its registry holds, by name. */
export async function organisationOverview(db: Executor): Promise<OrganisationOverview[]> {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      policies: countOf(policies),
      indicators: countOf(indicators),
      initiatives: countOf(initiatives),
    })
    .from(organisations)
    .orderBy(asc(organisations.name), asc(organisations.slug));
}
