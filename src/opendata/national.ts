// The national data package: every organisation's public package stacked into
// one, each resource with an `organisation` column (the organisation's slug) in
// front, and an `organisations` resource naming them. Built from each
// organisation's own public export, so exactly what each portal publishes (and
// suppresses) is in it. Ids are UUIDs, unique across organisations; codes
// (BIF, SOU) are not, so a reference by code becomes (organisation, code).

import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { strToU8, zipSync } from "fflate";
import { createContext, publicActor } from "../context.ts";
import type { Executor } from "../db/client.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../domain/suppression.ts";
import { listOrganisations } from "../organisation.ts";
import { buildDescriptor, LICENCE } from "./descriptor.ts";
import { buildDataPackage } from "./export.ts";
import { resources } from "./resources.ts";

export interface NationalOptions {
  suppressionThreshold?: number;
  /** The descriptor's `created` (default: now). */
  created?: Date | string;
}

type Schema = {
  fields: Record<string, unknown>[];
  foreignKeys?: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[];
  [key: string]: unknown;
};

const ORGANISATION_FIELD = {
  name: "organisation",
  type: "string",
  description: "Kommunens korte navn (slug), som i ressourcen organisations",
  constraints: { required: true },
};

/**
 * A resource's schema with the organisation column in front. References by id stay
 * (ids are unique across organisations); references by code (BIF, SOU) name an
 * administration or committee only together with the organisation, and as a code
 * may be empty, no foreign key can say so (a composite key with an empty part is
 * refused by Frictionless's readers), so the field's description does.
 */
function stackedSchema(schema: Schema): Schema {
  const byCode = new Set(
    (schema.foreignKeys ?? [])
      .filter((fk) => fk.reference.fields === "code")
      .map((fk) => fk.fields as string),
  );
  return {
    ...schema,
    fields: [
      ORGANISATION_FIELD,
      ...schema.fields.map((f) =>
        byCode.has(f.name as string)
          ? {
              ...f,
              description: `${f.description ? `${f.description} ` : ""}Koden gælder i rækkens kommune (organisation).`,
            }
          : f,
      ),
    ],
    foreignKeys: [
      { fields: "organisation", reference: { resource: "organisations", fields: "slug" } },
      ...(schema.foreignKeys ?? []).filter((fk) => fk.reference.fields !== "code"),
    ],
  };
}

/** datapackage.json and one CSV per resource, as text. */
export async function buildNationalPackage(
  db: Executor,
  opts: NationalOptions = {},
): Promise<Map<string, string>> {
  const threshold = opts.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const created = new Date(opts.created ?? Date.now()).toISOString();
  const organisations = await listOrganisations(db);
  const packages = [];
  for (const org of organisations) {
    const ctx = createContext({ db, organisationId: org.id, actor: publicActor });
    packages.push({
      slug: org.slug,
      files: (await buildDataPackage(ctx, { suppressionThreshold: threshold, created })).files,
    });
  }
  const base = buildDescriptor({
    organisation: { name: "", slug: "national" },
    audience: "public",
    created,
    threshold,
  });
  const { organisation: _one, ...rest } = base;
  const descriptor = {
    ...rest,
    title: "Ligestilling og inklusion i kommunerne: politikker, mål, indikatorer og initiativer",
    description: `Alle kommuners åbne data fra Pejl i én pakke; kolonnen organisation siger, hvilken kommune en række hører til. Målinger med færre end ${threshold} personer er ikke med (vist som <${threshold}). Beløb er i hele kroner.`,
    licenses: [LICENCE],
    resources: [
      {
        profile: "tabular-data-resource",
        name: "organisations",
        path: "organisations.csv",
        title: "Kommuner",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        schema: {
          fields: [
            { name: "slug", type: "string", constraints: { required: true, unique: true } },
            { name: "name", type: "string", constraints: { required: true } },
          ],
          missingValues: [""],
          primaryKey: "slug",
        },
      },
      ...(base.resources as { schema: Schema }[]).map((r) => ({ ...r, schema: stackedSchema(r.schema) })),
    ],
  };
  const files = new Map<string, string>([["datapackage.json", `${JSON.stringify(descriptor, null, 2)}\n`]]);
  files.set(
    "organisations.csv",
    stringify(
      organisations.map((o) => [o.slug, o.name]),
      { header: true, columns: ["slug", "name"], eof: true },
    ),
  );
  for (const def of resources) {
    const rows = packages.flatMap(({ slug, files: own }) =>
      (parse(own.get(`${def.name}.csv`) ?? "", { from_line: 2 }) as string[][]).map((row) => [slug, ...row]),
    );
    const columns = ["organisation", ...def.fields.map((f) => f.name)];
    files.set(`${def.name}.csv`, stringify(rows, { header: true, columns, eof: true }));
  }
  return files;
}

export async function nationalPackageZip(db: Executor, opts: NationalOptions = {}): Promise<Uint8Array> {
  const created = new Date(opts.created ?? Date.now());
  const files = await buildNationalPackage(db, { ...opts, created });
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of files) entries[name] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: created });
}

export async function exportNationalPackage(db: Executor, outDir: string, opts: NationalOptions = {}) {
  const files = await buildNationalPackage(db, opts);
  await fs.mkdir(outDir, { recursive: true });
  for (const [name, text] of files) {
    const target = path.join(outDir, name);
    await fs.writeFile(`${target}.tmp`, text, "utf8");
    await fs.rename(`${target}.tmp`, target);
  }
  return { outDir, files: [...files.keys()] };
}
