// `pejl import-data DIR`: a data package into the installation. The package names its
// organisation (slug, name, settings), so a whole organisation moves: into the one of
// that slug, or, in a database without organisations (or when named explicitly), into a
// new one made from the package. Everything is checked first; then one transaction
// creates the organisation if needed, sets its name and settings and writes the rows.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import {
  createContext,
  type InstallationContext,
  inInstallationTransaction,
  markChanged,
} from "../../context.ts";
import { organisations, settings } from "../../db/schema.ts";
import { AppError, validationFailed } from "../../errors.ts";
import type { PackageOrganisation } from "../../opendata/descriptor.ts";
import { type ImportResult, importTables } from "../../opendata/import.ts";
import { type CheckedPackage, readPackage } from "../../opendata/readPackage.ts";
import { allOrganisations, chooseOrganisation, type OrganisationRow } from "../../organisation.ts";
import { recordAudit } from "../audit.ts";
import { organisationCreator } from "./organisationCreator.ts";

export const transferImportSchema = z.object({
  dir: z.string().min(1),
  /** The organisation to import into (--organisation); default: the one the package names. */
  organisation: z.string().min(1).optional(),
});

export interface TransferResult extends ImportResult {
  organisation: { slug: string; name: string; created: boolean };
}

type Target = { existing: OrganisationRow } | { create: PackageOrganisation };

async function target(
  ctx: InstallationContext,
  named: string | undefined,
  own: PackageOrganisation | undefined,
): Promise<Target> {
  const all = await allOrganisations(ctx.db);
  const slug = named ?? own?.slug;
  const existing = slug ? all.find((o) => o.slug === slug) : undefined;
  if (existing) return { existing };
  if (!slug) return { existing: await chooseOrganisation(ctx.db) };
  // The package's own organisation is made when the database has none, or when it is named.
  if (own && slug === own.slug && (named || all.length === 0)) return { create: own };
  if (named) return { existing: await chooseOrganisation(ctx.db, named) };
  const held = all.map((o) => `${o.slug} (${o.name})`).join(", ");
  throw new AppError(
    "not_found",
    `This package is ${own!.name}'s (slug ${own!.slug}), which the database does not hold; it holds ${held}. ` +
      `Import into one of them with --organisation SLUG, or add ${own!.slug} as a new organisation with --organisation ${own!.slug}.`,
  );
}

/** The package's name and settings on its own organisation; returns what changed, for the log. */
async function applyIdentity(ctx: InstallationContext, org: OrganisationRow, own: PackageOrganisation) {
  const changes: {
    name?: [string, string];
    council?: [string, string];
    settings: Record<string, [unknown, number]>;
  } = { settings: {} };
  if (own.name !== org.name) changes.name = [org.name, own.name];
  if (own.council !== undefined && own.council !== org.councilName)
    changes.council = [org.councilName, own.council];
  if (changes.name || changes.council) {
    await ctx.db
      .update(organisations)
      .set({
        name: own.name,
        ...(changes.council ? { councilName: changes.council[1] } : {}),
        version: sql`${organisations.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(organisations.id, org.id));
  }
  for (const [key, value] of Object.entries(own.settings ?? {})) {
    const where = and(eq(settings.organisationId, org.id), eq(settings.key, key));
    const [current] = await ctx.db.select().from(settings).where(where).for("update");
    if (current && current.value === value) continue;
    if (current)
      await ctx.db
        .update(settings)
        .set({ value, version: sql`${settings.version} + 1`, updatedAt: sql`now()` })
        .where(where);
    else await ctx.db.insert(settings).values({ organisationId: org.id, key, value });
    changes.settings[key] = [current?.value ?? null, value];
  }
  return changes;
}

export async function transferImporter(ctx: InstallationContext, input: unknown): Promise<TransferResult> {
  const parsed = transferImportSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  // It may create an organisation and change every table of one: the operator's work.
  authorize(ctx.actor, "create", { entity: "organisation" });
  return importCheckedPackage(ctx, await readPackage(parsed.data.dir), parsed.data.organisation);
}

/**
 * A package already read and checked (readPackage), written in one transaction: into the
 * organisation `named`, or the one the package names. The caller has authorized the operator.
 */
export async function importCheckedPackage(
  ctx: InstallationContext,
  pkg: CheckedPackage,
  named: string | undefined,
): Promise<TransferResult> {
  const result = await inInstallationTransaction(ctx, async (tx) => {
    const chosen = await target(tx, named, pkg.organisation);
    const created = "create" in chosen;
    if ("create" in chosen)
      await organisationCreator(tx, {
        slug: chosen.create.slug,
        name: chosen.create.name,
        ...(chosen.create.council ? { council: chosen.create.council } : {}),
      });
    const slug = "create" in chosen ? chosen.create.slug : chosen.existing.slug;
    const [org] = await tx.db.select().from(organisations).where(eq(organisations.slug, slug));
    const orgCtx = {
      ...createContext({ db: tx.db, organisationId: org!.id, actor: tx.actor }),
      inTransaction: true,
    };
    if (pkg.organisation && pkg.organisation.slug === org!.slug) {
      const changes = await applyIdentity(tx, org!, pkg.organisation);
      if (changes.name || changes.council || Object.keys(changes.settings).length)
        await recordAudit(orgCtx, {
          action: "organisation.update",
          entity: "organisation",
          entityId: org!.id,
          after: changes,
        });
    }
    const imported = await importTables(orgCtx, pkg);
    const [final] = await tx.db.select().from(organisations).where(eq(organisations.id, org!.id));
    markChanged(tx, org!.id);
    return { ...imported, organisation: { slug: final!.slug, name: final!.name, created }, id: final!.id };
  });
  const { id: _id, ...rest } = result;
  return rest;
}
