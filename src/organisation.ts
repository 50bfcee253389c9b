// The organisation a process serves, and its reference data (administrations,
// committees). One deployment can hold several organisations; the server serves
// the one named by PEJL_ORGANISATION, or the first.
import { asc, eq } from "drizzle-orm";
import type { Db } from "./db/client.ts";
import { administrations, committees, organisations } from "./db/schema.ts";

export interface OrganisationSeed {
  slug: string;
  name: string;
  administrations: { code: string; name: string }[];
  committees: { code: string; name: string }[];
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
