// datapackage.json: written for an organisation's export, and on import checked against
// the vendored profiles and against what Pejl reads (a Tabular Data Package whose
// resources and columns are ours). Nothing in a package is trusted before this passes.
import { councilNameSchema } from "../domain/council.ts";
import { settingDefinition, validSettingValue } from "../domain/settings.ts";
import { type FieldDef, resourceNames, tableSchemaField } from "./fields.ts";
import { dataPackageProblems, tableSchemaProblems } from "./profiles.ts";
import type { ResourceDef } from "./resourceDef.ts";
import { resourceByName, resources } from "./resources.ts";

export type Audience = "public" | "full";

/** The open licence of every Pejl package: attribution to the municipality, otherwise free use. */
export const LICENCE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Navngivelse 4.0 International",
};

/**
 * The organisation a package belongs to (descriptor property `organisation`). A full
 * package carries its settings too (none is a secret), so a move keeps them.
 */
export interface PackageOrganisation {
  name: string;
  slug: string;
  /** What its pages call its council ("Borgerrepræsentationen"); older packages lack it. */
  council?: string;
  settings?: Record<string, number>;
}

export interface DescriptorInput {
  organisation: PackageOrganisation;
  audience: Audience;
  created: string;
  threshold: number;
}

/** The Table Schema of one resource for the given audience. */
export function tableSchema(def: ResourceDef, audience: Audience): Record<string, unknown> {
  const relaxed = new Set(audience === "public" ? (def.publicOptional ?? []) : []);
  const foreignKeys = def.fields
    .filter((f) => f.references && !f.list)
    .map((f) => ({
      fields: f.name,
      reference: {
        resource: f.references!.resource === def.name ? "" : f.references!.resource,
        fields: f.references!.field,
      },
    }));
  return {
    fields: def.fields.map((f) => tableSchemaField(f, relaxed.has(f.name) ? { required: false } : {})),
    missingValues: [""],
    primaryKey: "id",
    ...(foreignKeys.length ? { foreignKeys } : {}),
  };
}

export function packageName(slug: string): string {
  const clean = slug
    .toLowerCase()
    .replace(/[^-a-z0-9._]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `pejl-${clean || "organisation"}`;
}

export function buildDescriptor(input: DescriptorInput): Record<string, unknown> {
  const { organisation, audience } = input;
  return {
    profile: "tabular-data-package",
    name: packageName(organisation.slug),
    title: `Ligestilling og inklusion i ${organisation.name}: politikker, mål, indikatorer og initiativer`,
    description:
      audience === "public"
        ? "Åbne data fra Pejl. Målinger med færre end " +
          `${input.threshold} personer er ikke med (vist som <${input.threshold}). Beløb er i hele kroner.`
        : "Fuld eksport fra Pejl til overførsel og sikkerhedskopi. Indeholder ikke-offentliggjorte værdier: må ikke offentliggøres.",
    created: input.created,
    licenses: [LICENCE],
    organisation: {
      name: organisation.name,
      slug: organisation.slug,
      ...(organisation.council ? { council: organisation.council } : {}),
      ...(audience === "full" ? { settings: organisation.settings ?? {} } : {}),
    },
    audience,
    suppression: { threshold: input.threshold, marker: `<${input.threshold}` },
    resources: resources.map((def) => ({
      profile: "tabular-data-resource",
      name: def.name,
      path: `${def.name}.csv`,
      title: def.title,
      ...(def.description ? { description: def.description } : {}),
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      schema: tableSchema(def, audience),
    })),
  };
}

export interface DeclaredResource {
  def: ResourceDef;
  path: string;
}

/** The descriptor's `organisation`, if it names one; what is wrong with it goes to `add`. */
function packageOrganisation(raw: unknown, add: (p: string) => void): PackageOrganisation | undefined {
  if (raw === undefined) return undefined;
  const o = raw as Record<string, unknown>;
  if (typeof raw !== "object" || raw === null || typeof o.slug !== "string" || typeof o.name !== "string") {
    add('organisation must be an object with a "slug" and a "name"');
    return undefined;
  }
  let council: string | undefined;
  if (o.council !== undefined) {
    const parsed = councilNameSchema.safeParse(o.council);
    if (parsed.success) council = parsed.data;
    else add("organisation.council must be the council's name, 2 to 80 characters on one line");
  }
  const settings: Record<string, number> = {};
  if (o.settings !== undefined) {
    if (typeof o.settings !== "object" || o.settings === null || Array.isArray(o.settings)) {
      add("organisation.settings must be an object of setting → value");
      return undefined;
    }
    for (const [key, value] of Object.entries(o.settings)) {
      const def = settingDefinition(key);
      if (!def) add(`organisation.settings: "${key}" is not a setting of Pejl`);
      else if (validSettingValue(def, value) === undefined)
        add(`organisation.settings.${key} must be a whole number from ${def.min} to ${def.max}`);
      else settings[key] = value as number;
    }
  }
  return {
    slug: o.slug,
    name: o.name,
    ...(council === undefined ? {} : { council }),
    ...(o.settings === undefined ? {} : { settings }),
  };
}

export interface CheckedDescriptor {
  problems: string[];
  declared: DeclaredResource[];
  organisation?: PackageOrganisation;
}

/** Everything wrong with a descriptor, or the resources it declares, and the organisation it names. */
export function checkDescriptor(descriptor: unknown): CheckedDescriptor {
  const problems = dataPackageProblems(descriptor).map((p) => `datapackage.json: ${p}`);
  if (problems.length) return { problems, declared: [] };
  const d = descriptor as Record<string, unknown>;
  const add = (p: string) => problems.push(`datapackage.json: ${p}`);
  const organisation = packageOrganisation(d.organisation, add);
  if (d.profile !== "tabular-data-package")
    add(`profile is ${JSON.stringify(d.profile)}; a Pejl package is a "tabular-data-package"`);
  if (d.audience === "public") {
    add(
      'this is a public package (audience "public"): suppressed values and document texts are left out of it, ' +
        "so it cannot be imported without loss. Import a full export (pejl export --full) instead.",
    );
  } else if (d.audience !== undefined && d.audience !== "full")
    add(`audience ${JSON.stringify(d.audience)} is not "full"`);
  const declared: DeclaredResource[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of (d.resources as Record<string, unknown>[]).entries()) {
    const name = String(raw.name);
    const at = `resource ${name}`;
    const def = resourceByName(name);
    if (!def) {
      add(
        `resource ${JSON.stringify(name)} is not part of a Pejl package (known: ${resourceNames.join(", ")})`,
      );
      continue;
    }
    if (seen.has(name)) add(`${at} is declared twice`);
    seen.add(name);
    if (raw.profile !== "tabular-data-resource") add(`${at}: profile must be "tabular-data-resource"`);
    if (typeof raw.path !== "string") {
      add(
        `${at}: path must be one CSV file in the package folder (inline data and several files are not read)`,
      );
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw.path) || raw.path.includes("/") || raw.path.includes("\\")) {
      add(`${at}: path ${JSON.stringify(raw.path)} must be a file name in the package folder`);
    }
    if (raw.encoding !== undefined && !/^utf-?8$/i.test(String(raw.encoding))) {
      add(`${at}: encoding is ${JSON.stringify(raw.encoding)}; Pejl reads UTF-8 only`);
    }
    if (typeof raw.schema !== "object" || raw.schema === null) {
      add(`${at}: schema must be a Table Schema object`);
      continue;
    }
    const schemaProblems = tableSchemaProblems(raw.schema, `/resources/${i}/schema`);
    if (schemaProblems.length) {
      for (const p of schemaProblems) add(p);
      continue;
    }
    for (const p of compareFields(def, (raw.schema as { fields: Record<string, unknown>[] }).fields))
      add(`${at}: ${p}`);
    declared.push({ def, path: raw.path });
  }
  return { problems, declared, organisation };
}

/** The declared fields must be ours, with our types, in our order: the header is checked against them. */
function compareFields(def: ResourceDef, declared: Record<string, unknown>[]): string[] {
  const expected = def.fields;
  const names = declared.map((f) => String(f.name));
  const problems: string[] = [];
  const missing = expected.filter((f) => !names.includes(f.name)).map((f) => f.name);
  const unknown = names.filter((n) => !expected.some((f) => f.name === n));
  if (missing.length) problems.push(`field ${missing.join(", ")} is missing`);
  if (unknown.length) problems.push(`field ${unknown.join(", ")} is not known`);
  if (!missing.length && !unknown.length && names.join() !== expected.map((f) => f.name).join()) {
    problems.push(`fields must be in the order ${expected.map((f) => f.name).join(", ")}`);
  }
  for (const f of declared) {
    const ours = expected.find((e: FieldDef) => e.name === f.name);
    const type = f.type ?? "string";
    if (ours && type !== ours.type)
      problems.push(`field ${ours.name} has type ${String(type)}; expected ${ours.type}`);
  }
  return problems;
}
