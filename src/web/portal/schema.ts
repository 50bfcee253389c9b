// Query parameters of the portal pages, validated with zod. A bad value is a
// 400 with a Danish sentence naming the parameter (AppError validation_failed),
// never a 500 and never silently ignored.
import { z } from "zod";
import { equalityGrounds, fundingStatuses, initiativeStatuses } from "../../domain/enums.ts";
import { equalityGroundFromSlug, equalityGroundSlugs } from "../../domain/labels.ts";
import { AppError } from "../../errors.ts";
import { initiativeSortKeys } from "../../queries/initiatives/browse.ts";

/** An empty parameter (a form's "Alle" option) means "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), schema.optional());

const groundSlugs = equalityGrounds.map((g) => equalityGroundSlugs[g]) as [string, ...string[]];

export const initiativeQuerySchema = z.object({
  forvaltning: optional(z.string().regex(/^[A-ZÆØÅ]{2,8}$/u)),
  politik: optional(z.string().regex(/^[a-z0-9-]{1,200}$/)),
  grund: optional(z.enum(groundSlugs)),
  finansiering: optional(z.enum(fundingStatuses)),
  status: optional(z.enum(initiativeStatuses)),
  aar: optional(z.coerce.number().int().min(1900).max(2200)),
  /** "alle": every policy; default: the current policies (unless a policy or year is chosen). */
  politikker: optional(z.enum(["gaeldende", "alle"])),
  sortering: optional(z.enum(initiativeSortKeys)),
  retning: optional(z.enum(["asc", "desc"])),
  side: optional(z.coerce.number().int().min(1).max(100_000)),
  format: optional(z.enum(["html", "csv"])),
});
export type InitiativeQuery = z.infer<typeof initiativeQuerySchema>;

const parameterNames: Record<string, string> = {
  forvaltning: "forvaltning",
  politik: "politik",
  grund: "diskriminationsgrund",
  finansiering: "finansiering",
  status: "status",
  aar: "år",
  politikker: "politikker",
  sortering: "sortering",
  retning: "retning",
  side: "side",
  format: "format",
  opdeling: "opdeling",
  q: "søgning",
};

/**
 * Reads the schema's parameters, each by name (so the render cache knows which ones the page
 * depends on), and parses them, or throws a validation error whose Danish text names the bad ones.
 */
export function parseQuery<T extends z.ZodObject>(
  schema: T,
  read: (name: string) => string | undefined,
): z.infer<T> {
  const query = Object.fromEntries(Object.keys(schema.shape).map((name) => [name, read(name)]));
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const names = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? "")))].filter(Boolean);
  const danishNames = names.map((n) => `»${parameterNames[n] ?? n}«`);
  const danish =
    danishNames.length === 1
      ? `Værdien af ${danishNames[0]} i adressen er ikke gyldig. Vælg en af mulighederne på siden, og prøv igen.`
      : `Værdierne af ${danishNames.join(", ")} i adressen er ikke gyldige. Vælg blandt mulighederne på siden, og prøv igen.`;
  const details = result.error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    message: i.message,
  }));
  throw new AppError("validation_failed", `Invalid query parameters: ${names.join(", ")}`, {
    details,
    danish,
  });
}

export const indicatorQuerySchema = z.object({
  opdeling: optional(z.string().max(200)),
  format: optional(z.enum(["html", "csv"])),
});

export function groundOfSlug(slug: string | undefined) {
  return slug ? equalityGroundFromSlug(slug) : undefined;
}
