// Creates an organisation (a municipality) with its administrations and committees,
// from `pejl organisation create`, the browser's set-up form and a data package moved
// into an empty database. Refuses a taken slug and a code listed twice; either way
// nothing is written. The audit event goes into the new organisation's log.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import { type InstallationContext, inInstallationTransaction, markChanged } from "../../context.ts";
import { administrations, committees, organisations } from "../../db/schema.ts";
import { councilNameSchema } from "../../domain/council.ts";
import { slugify } from "../../domain/slug.ts";
import { AppError, validationFailed } from "../../errors.ts";
import { recordAudit } from "../audit.ts";
import { unitCodeSchema, unitNameSchema } from "./unitSaver.ts";

export const SLUG_MAX_LENGTH = 60;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug as it appears in addresses and package names: a–z, digits, single hyphens. */
export const organisationSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "at least 2 characters")
  .max(SLUG_MAX_LENGTH, `at most ${SLUG_MAX_LENGTH} characters`)
  .regex(SLUG, "only a–z, digits and single hyphens between them");

export const organisationNameSchema = z.string().trim().min(2).max(200);

const unit = z.object({ code: unitCodeSchema, name: unitNameSchema }).strict();
const units = (what: string) =>
  z
    .array(unit)
    .max(500)
    .default([])
    .superRefine((list, ctx) => {
      const first = new Map<string, number>();
      list.forEach((u, i) => {
        const at = first.get(u.code);
        if (at === undefined) first.set(u.code, i);
        else
          ctx.addIssue({
            code: "custom",
            path: [i, "code"],
            message: `the ${what} code ${u.code} is listed twice (items ${at + 1} and ${i + 1})`,
          });
      });
    });

/** The shape of data/demo/organisation.json; a missing slug is made from the name. */
export const organisationCreateSchema = z
  .object({
    slug: organisationSlugSchema.optional(),
    name: organisationNameSchema,
    /** What the pages call its council ("Borgerrepræsentationen"); default "kommunalbestyrelsen". */
    council: councilNameSchema.optional(),
    administrations: units("administration"),
    committees: units("committee"),
  })
  .strict();
export type OrganisationCreate = z.input<typeof organisationCreateSchema>;

export interface CreatedOrganisation {
  id: string;
  slug: string;
  name: string;
  administrations: number;
  committees: number;
}

/** The slug a name gives when none is chosen ("Vesterå Kommune" → "vesteraa-kommune"). */
export function slugForName(name: string): string {
  return slugify(name, SLUG_MAX_LENGTH);
}

export function takenSlug(slug: string, name: string): AppError {
  return new AppError("duplicate", `An organisation with the slug "${slug}" already exists (${name}).`, {
    details: [{ path: "slug", message: "already in use" }],
    danish: `Der findes allerede en organisation med det korte navn "${slug}" (${name}). Vælg et andet.`,
  });
}

export async function organisationCreator(
  ctx: InstallationContext,
  input: unknown,
): Promise<CreatedOrganisation> {
  const parsed = organisationCreateSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  const data = parsed.data;
  const slug = data.slug ?? slugForName(data.name);
  if (!SLUG.test(slug) || slug.length < 2)
    throw validationFailed([{ path: ["slug"], message: "the name gives no usable slug: choose one" }]);
  authorize(ctx.actor, "create", { entity: "organisation" });
  return inInstallationTransaction(ctx, async (tx) => {
    const [clash] = await tx.db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.slug, slug));
    if (clash) throw takenSlug(slug, clash.name);
    // A concurrent creator of the same slug loses here rather than on a raw unique violation.
    const [org] = await tx.db
      .insert(organisations)
      .values({ slug, name: data.name, ...(data.council ? { councilName: data.council } : {}) })
      .onConflictDoNothing()
      .returning();
    if (!org) throw takenSlug(slug, data.name);
    const organisationId = org.id;
    markChanged(tx, organisationId);
    if (data.administrations.length)
      await tx.db.insert(administrations).values(data.administrations.map((a) => ({ ...a, organisationId })));
    if (data.committees.length)
      await tx.db.insert(committees).values(data.committees.map((c) => ({ ...c, organisationId })));
    await recordAudit(
      { ...tx, organisationId },
      {
        action: "organisation.create",
        entity: "organisation",
        entityId: organisationId,
        after: {
          slug,
          name: data.name,
          council: data.council,
          administrations: data.administrations,
          committees: data.committees,
        },
      },
    );
    return {
      id: organisationId,
      slug,
      name: data.name,
      administrations: data.administrations.length,
      committees: data.committees.length,
    };
  });
}
