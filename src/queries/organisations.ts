// The organisations of the installation with a few counts, for `pejl organisation
// list`: installation-level, so only the operator at the terminal reads it.
import { asc, sql } from "drizzle-orm";
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
