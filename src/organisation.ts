// The organisations of a deployment and their reference data (administrations,
// committees). One deployment can hold several organisations: the server picks one
// per request (http/tenancy.ts); a CLI command works in the one named by
// --organisation (or PEJL_ORGANISATION), or the only one.
import { asc, eq } from "drizzle-orm";
import type { Db, Executor } from "./db/client.ts";
import { administrations, committees, organisations } from "./db/schema.ts";
import { AppError } from "./errors.ts";

export interface OrganisationSeed {
  slug: string;
  name: string;
  /** What the pages call its council; default "kommunalbestyrelsen". */
  council?: string;
  administrations: { code: string; name: string }[];
  committees: { code: string; name: string }[];
}

export type OrganisationRow = typeof organisations.$inferSelect;

/** What to do in a database without an organisation: every way in that works there. */
export const NO_ORGANISATION =
  "The database holds no organisation yet. Create yours with `pejl organisation create --name NAME` " +
  "(or `--from FILE`), move one in with `pejl import-data DIR`, or load the demo with `pejl demo`.";

/** What a request needs to know of its organisation. */
export interface OrganisationRef {
  id: string;
  slug: string;
  name: string;
  /** The council as the pages write it inside a sentence (organisations.council_name). */
  councilName: string;
}

/** Every organisation, by name (the national pages list them in this order). */
export async function listOrganisations(db: Executor): Promise<OrganisationRef[]> {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      councilName: organisations.councilName,
    })
    .from(organisations)
    .orderBy(asc(organisations.name), asc(organisations.slug));
}

export async function findOrganisation(db: Db, slug?: string) {
  const rows = slug
    ? await db.select().from(organisations).where(eq(organisations.slug, slug))
    : await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  return rows[0];
}

export async function allOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.select().from(organisations).orderBy(asc(organisations.createdAt), asc(organisations.slug));
}

const listed = (rows: OrganisationRow[]) => rows.map((o) => `${o.slug} (${o.name})`).join(", ");

/**
 * The organisation a command works in: the one named, else the only one. With none,
 * or several and none named, the error says what exists and how to go on.
 */
export async function chooseOrganisation(db: Db, slug?: string): Promise<OrganisationRow> {
  const all = await allOrganisations(db);
  if (slug) {
    const named = all.find((o) => o.slug === slug);
    if (named) return named;
    throw new AppError(
      "not_found",
      all.length
        ? `No organisation "${slug}" in the database; it holds ${listed(all)}.`
        : `No organisation "${slug}": ${NO_ORGANISATION}`,
    );
  }
  if (all.length === 1) return all[0]!;
  if (!all.length) throw new AppError("not_found", NO_ORGANISATION);
  throw new AppError(
    "validation_failed",
    `The database holds ${all.length} organisations: ${listed(all)}. Name one with --organisation SLUG (or PEJL_ORGANISATION).`,
  );
}

/** What the organisation calls its council, with the version a change of it must name. */
export async function councilNameOf(db: Executor, organisationId: string) {
  const [row] = await db
    .select({ councilName: organisations.councilName, version: organisations.version })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) throw new AppError("not_found", "The organisation was not found.");
  return row;
}

/** Creates the organisation and its reference data if missing; idempotent. */
export async function ensureOrganisation(db: Db, seed: OrganisationSeed) {
  return db.transaction(async (tx) => {
    await tx
      .insert(organisations)
      .values({ slug: seed.slug, name: seed.name, ...(seed.council ? { councilName: seed.council } : {}) })
      .onConflictDoNothing();
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
