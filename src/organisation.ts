// The organisations of a deployment and their reference data (administrations,
// committees). One deployment can hold several organisations; the server picks
// one per request (http/tenancy.ts).
import { asc, eq } from "drizzle-orm";
import type { Db, Executor } from "./db/client.ts";
import { administrations, committees, organisations } from "./db/schema.ts";

export interface OrganisationSeed {
  slug: string;
  name: string;
  administrations: { code: string; name: string }[];
  committees: { code: string; name: string }[];
}

/** What a request needs to know of its organisation. */
export interface OrganisationRef {
  id: string;
  slug: string;
  name: string;
}

/** Every organisation, by name (the national pages list them in this order). */
export async function listOrganisations(db: Executor): Promise<OrganisationRef[]> {
  return db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.name), asc(organisations.slug));
}

export async function findOrganisation(db: Db, slug?: string) {
  const rows = slug
    ? await db.select().from(organisations).where(eq(organisations.slug, slug))
    : await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  return rows[0];
}

/** Creates the organisation and its reference data if missing; idempotent. */
export async function ensureOrganisation(db: Db, seed: OrganisationSeed) {
  return db.transaction(async (tx) => {
    await tx.insert(organisations).values({ slug: seed.slug, name: seed.name }).onConflictDoNothing();
    const [org] = await tx.select().from(organisations).where(eq(organisations.slug, seed.slug));
    const organisationId = org!.id;
    if (seed.administrations.length)
      await tx
        .insert(administrations)
        .values(seed.administrations.map((a) => ({ ...a, organisationId })))
        .onConflictDoNothing();
    if (seed.committees.length)
      await tx
        .insert(committees)
        .values(seed.committees.map((c) => ({ ...c, organisationId })))
        .onConflictDoNothing();
    return org!;
  });
}
