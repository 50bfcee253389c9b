// The national data package: every organisation's public package stacked into
// one, each resource with an `organisation` column (the organisation's slug) in
// front, and an `organisations` resource naming them. Built from each
// organisation's own public export (nationalParts.ts), so exactly what each portal
// publishes (and suppresses) is in it. Ids are UUIDs, unique across organisations;
// codes (BIF, SOU) are not, so a reference by code becomes (organisation, code).
// Each organisation's part is kept compressed and joined into the zip as it is, so
// the package is never held whole, and a part kept from before serves again.

import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify/sync";
import type { Executor } from "../db/client.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../domain/suppression.ts";
import { listOrganisations, type OrganisationRef } from "../organisation.ts";
import { deflatedOf, inflated, joined } from "./deflatedText.ts";
import { buildDescriptor, LICENCE } from "./descriptor.ts";
import { csvHeader } from "./exportRows.ts";
import { type NationalPart, nationalParts } from "./nationalParts.ts";
import { resources } from "./resources.ts";
import { type ZipEntry, zipStream } from "./zipStream.ts";

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

/** datapackage.json's text. */
function nationalDescriptor(threshold: number, created: string): string {
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
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

/**
 * The package's files, compressed: datapackage.json, organisations.csv and each
 * resource's header followed by every organisation's part, in the organisations' order.
 */
function nationalEntries(
  organisations: readonly OrganisationRef[],
  parts: readonly NationalPart[],
  opts: { threshold: number; created: Date },
): ZipEntry[] {
  const organisationsCsv = stringify(
    organisations.map((o) => [o.slug, o.name]),
    { header: true, columns: ["slug", "name"], eof: true },
  );
  return [
    {
      name: "datapackage.json",
      content: deflatedOf(nationalDescriptor(opts.threshold, opts.created.toISOString())),
    },
    { name: "organisations.csv", content: deflatedOf(organisationsCsv) },
    ...resources.map((def) => ({
      name: `${def.name}.csv`,
      content: joined([
        deflatedOf(`organisation,${csvHeader(def)}`),
        ...parts.map((part) => part.get(def.name)!),
      ]),
    })),
  ];
}

/**
 * The national package as a zip, a piece at a time, from the organisations (in the
 * package's order) and each one's part (nationalParts.ts); entries dated `created`.
 */
export function nationalPackageZip(
  organisations: readonly OrganisationRef[],
  parts: readonly NationalPart[],
  opts: NationalOptions = {},
): Generator<Uint8Array> {
  const created = new Date(opts.created ?? Date.now());
  const threshold = opts.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  return zipStream(nationalEntries(organisations, parts, { threshold, created }), created);
}

/** Writes the national package's files into `outDir` (created if missing), each complete before it is renamed into place. */
export async function exportNationalPackage(db: Executor, outDir: string, opts: NationalOptions = {}) {
  const threshold = opts.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const created = new Date(opts.created ?? Date.now());
  const organisations = await listOrganisations(db);
  const parts = await nationalParts(db, organisations, { suppressionThreshold: threshold });
  const entries = nationalEntries(
    organisations,
    organisations.map((o) => parts.get(o.id)!),
    { threshold, created },
  );
  await fs.mkdir(outDir, { recursive: true });
  for (const { name, content } of entries) {
    const target = path.join(outDir, name);
    await pipeline(inflated(content), createWriteStream(`${target}.tmp`));
    await fs.rename(`${target}.tmp`, target);
  }
  return { outDir, files: entries.map((e) => e.name) };
}
