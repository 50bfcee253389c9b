// Reads across every organisation of the installation: the list for `pejl
// organisation list` (the operator at the terminal), and for the national pages only
// what each organisation's public portal shows anyway, counted per organisation.
import { asc, count, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { indicators, initiatives, organisations, policies } from "../db/schema.ts";

export interface OrganisationListing {
  slug: string;
  name: string;
  createdAt: string;
  administrations: number;
  committees: number;
  policies: number;
  users: number;
}

const countOf = (table: string) =>
  sql<number>`(SELECT count(*)::int FROM ${sql.raw(table)} x WHERE x.organisation_id = "organisations"."id")`;

export async function organisationListing(db: Executor): Promise<OrganisationListing[]> {
  const rows = await db
    .select({
      slug: organisations.slug,
      name: organisations.name,
      createdAt: organisations.createdAt,
      administrations: countOf("administrations"),
      committees: countOf("committees"),
      policies: countOf("policies"),
      users: countOf("users"),
    })
    .from(organisations)
    .orderBy(asc(organisations.createdAt), asc(organisations.slug));
  return rows.map((r) => ({
    ...r,
    administrations: Number(r.administrations),
    committees: Number(r.committees),
    policies: Number(r.policies),
    users: Number(r.users),
  }));
}

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
