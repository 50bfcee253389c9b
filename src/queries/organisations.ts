// Reads across every organisation of the installation: the list for `pejl
// organisation list` (the operator at the terminal), and for the national pages only
// what each organisation's public portal shows anyway, counted per organisation.
import { asc, inArray, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { organisations } from "../db/schema.ts";

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

/** How much an organisation's registry holds: its part of the national overview. */
export type RegistryCounts = Pick<OrganisationOverview, "policies" | "indicators" | "initiatives">;

/** What each of the organisations' registries holds. */
export async function registryCountsOf(
  db: Executor,
  organisationIds: readonly string[],
): Promise<Map<string, RegistryCounts>> {
  const rows = await db
    .select({
      id: organisations.id,
      policies: countOf("policies"),
      indicators: countOf("indicators"),
      initiatives: countOf("initiatives"),
    })
    .from(organisations)
    .where(inArray(organisations.id, [...organisationIds]));
  const byId = new Map<string, RegistryCounts>(
    organisationIds.map((id) => [id, { policies: 0, indicators: 0, initiatives: 0 }]),
  );
  for (const r of rows)
    byId.set(r.id, {
      policies: Number(r.policies),
      indicators: Number(r.indicators),
      initiatives: Number(r.initiatives),
    });
  return byId;
}
