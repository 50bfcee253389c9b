// The open-data export (DESIGN.md §4): one organisation's registry as a Frictionless
// Tabular Data Package. Audience "public" (the default, for the portal's /data page)
// withholds what must not be published: observations with n below the suppression
// threshold lose value and n (footnote "<5"), document texts and storage paths,
// unsent inquiry answers, unpublished hearing responses and the names of citizens who
// did not consent. Audience "full" holds everything, for a lossless round trip.
import fs from "node:fs/promises";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import type { Context } from "../context.ts";
import { organisations, settings } from "../db/schema.ts";
import { settingDefinition, settingKeys, validSettingValue } from "../domain/settings.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../domain/suppression.ts";
import { AppError } from "../errors.ts";
import { formatCell, UnwritableValue } from "./cells.ts";
import { type Audience, buildDescriptor } from "./descriptor.ts";
import type { ResourceName } from "./fields.ts";
import { type PublicContext, type RawRow, type ResourceDef, selectSql, selectText } from "./resourceDef.ts";
import { resourceByName, resources, writeOrder } from "./resources.ts";
import { rowsOf } from "./sqlRows.ts";

export interface ExportOptions {
  /** "public" (default) for publication; "full" for transfers and backups. */
  audience?: Audience;
  /** n below this is suppressed in the public package (default 5). */
  suppressionThreshold?: number;
  /** The descriptor's `created` (default: now); fixed in tests so packages compare byte for byte. */
  created?: Date | string;
}

export interface DataPackageFiles {
  /** File name → UTF-8 text: datapackage.json and one CSV per resource. */
  files: Map<string, string>;
  rows: Record<ResourceName, number>;
}

function publicContext(threshold: number): PublicContext {
  const hidden = new Set<string>();
  return {
    threshold,
    hide: (id, field) => hidden.add(field ? `${id}:${field}` : id),
    isHidden: (id, field) => hidden.has(id) || hidden.has(`${id}:${field}`),
  };
}

/** Reads in one read-only snapshot, so the resources agree with each other. */
async function inSnapshot<T>(ctx: Context, work: (ctx: Context) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx, inTransaction: true }), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

/** The rows as CSV records, without the header. */
function csvLines(def: ResourceDef, rows: RawRow[]): string {
  return stringify(records(def, rows));
}

function toCsv(def: ResourceDef, rows: RawRow[]): string {
  return stringify(records(def, rows), { header: true, columns: def.fields.map((f) => f.name), eof: true });
}

function records(def: ResourceDef, rows: RawRow[]): string[][] {
  return rows.map((row) =>
    def.fields.map((f) => {
      try {
        return formatCell(f, row[f.name]);
      } catch (error) {
        if (!(error instanceof UnwritableValue)) throw error;
        throw new AppError("bad_package", `${def.name} ${String(row.id)}: ${error.message}.`, {
          cause: error,
        });
      }
    }),
  );
}

async function readResources(ctx: Context, names: ResourceName[], opts: ExportOptions) {
  const audience = opts.audience ?? "public";
  const view = publicContext(opts.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  const out = new Map<ResourceName, RawRow[]>();
  // Dependency order, so provenance sees what the resources it quotes have withheld.
  for (const name of writeOrder.filter((n) => names.includes(n))) {
    const def = resourceByName(name)!;
    let rows = rowsOf(await ctx.db.execute(selectSql(def, ctx.organisationId)));
    if (audience === "public" && def.publicView) {
      rows = rows.map((row) => def.publicView!(row, view)).filter((row): row is RawRow => row !== null);
    }
    out.set(name, rows);
  }
  return out;
}

/** The organisation's saved settings (never secrets; defaults are not written), by key. */
async function savedSettings(ctx: Context): Promise<Record<string, number>> {
  const rows = await ctx.db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(and(eq(settings.organisationId, ctx.organisationId), inArray(settings.key, settingKeys)))
    .orderBy(asc(settings.key));
  const out: Record<string, number> = {};
  for (const row of rows) {
    const value = validSettingValue(settingDefinition(row.key)!, row.value);
    if (value !== undefined) out[row.key] = value;
  }
  return out;
}

/** datapackage.json's text for the context's organisation. */
async function descriptorText(ctx: Context, opts: ExportOptions): Promise<string> {
  const [organisation] = await ctx.db
    .select({ name: organisations.name, slug: organisations.slug, council: organisations.councilName })
    .from(organisations)
    .where(eq(organisations.id, ctx.organisationId));
  if (!organisation) throw new AppError("not_found", "The organisation was not found.");
  const descriptor = buildDescriptor({
    organisation: { ...organisation, settings: await savedSettings(ctx) },
    audience: opts.audience ?? "public",
    created: new Date(opts.created ?? Date.now()).toISOString(),
    threshold: opts.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
  });
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

/** The whole package as text files, without touching the disk. */
export async function buildDataPackage(ctx: Context, opts: ExportOptions = {}): Promise<DataPackageFiles> {
  return inSnapshot(ctx, async (ctx) => {
    const descriptor = await descriptorText(ctx, opts);
    // Public packages need every resource read, so that provenance of withheld values is withheld too.
    const data = await readResources(
      ctx,
      resources.map((r) => r.name),
      opts,
    );
    const files = new Map<string, string>([["datapackage.json", descriptor]]);
    const rows = {} as Record<ResourceName, number>;
    for (const def of resources) {
      const resourceRows = data.get(def.name) ?? [];
      files.set(`${def.name}.csv`, toCsv(def, resourceRows));
      rows[def.name] = resourceRows.length;
    }
    return { files, rows };
  });
}

// Rows are fetched from a cursor and written this many at a time.
const PAGE = 20_000;

/** One resource's rows in `PAGE`-sized pages, from a cursor in the snapshot's transaction. */
async function* resourcePages(ctx: Context, def: ResourceDef): AsyncGenerator<RawRow[]> {
  const cursor = `pejl_export_${def.name}`;
  await ctx.db.execute(
    sql.raw(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${selectText(def, ctx.organisationId)}`),
  );
  for (;;) {
    const page = rowsOf(await ctx.db.execute(sql.raw(`FETCH ${PAGE} FROM ${cursor}`)));
    if (page.length) yield page;
    if (page.length < PAGE) break;
  }
  await ctx.db.execute(sql.raw(`CLOSE ${cursor}`));
}

/**
 * Writes datapackage.json and one CSV per resource into `outDir` (created if missing),
 * streamed: each resource is read from a cursor and written a page at a time, so the
 * package is never held in memory. Each file is written beside its name and renamed
 * when all are complete, so a reader never sees half a file.
 */
export async function exportDataPackage(ctx: Context, outDir: string, opts: ExportOptions = {}) {
  await fs.mkdir(outDir, { recursive: true });
  const audience = opts.audience ?? "public";
  const view = publicContext(opts.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  const names = ["datapackage.json", ...resources.map((def) => `${def.name}.csv`)];
  const rows = await inSnapshot(ctx, async (ctx) => {
    const counts = {} as Record<ResourceName, number>;
    await fs.writeFile(path.join(outDir, "datapackage.json.tmp"), await descriptorText(ctx, opts), "utf8");
    // Dependency order, so provenance sees what the resources it quotes have withheld.
    for (const name of writeOrder) {
      const def = resourceByName(name)!;
      const file = await fs.open(path.join(outDir, `${name}.csv.tmp`), "w");
      let count = 0;
      try {
        await file.write(stringify([def.fields.map((f) => f.name)]));
        for await (const page of resourcePages(ctx, def)) {
          const shown =
            audience === "public" && def.publicView
              ? page.map((row) => def.publicView!(row, view)).filter((row): row is RawRow => row !== null)
              : page;
          if (shown.length) await file.write(csvLines(def, shown));
          count += shown.length;
        }
      } finally {
        await file.close();
      }
      counts[name] = count;
    }
    return counts;
  });
  for (const name of names) await fs.rename(path.join(outDir, `${name}.tmp`), path.join(outDir, name));
  return { outDir, files: names, rows };
}

/** The package as one zip (for the portal's download link); entries dated `created`, so it is reproducible. */
export async function dataPackageZip(ctx: Context, opts: ExportOptions = {}): Promise<Uint8Array> {
  const created = new Date(opts.created ?? Date.now());
  const { files } = await buildDataPackage(ctx, { ...opts, created });
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of files) entries[name] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: created });
}

/** One resource as CSV text (the portal links each table on its own). */
export async function resourceCsv(ctx: Context, name: string, opts: ExportOptions = {}): Promise<string> {
  const def = resourceByName(name);
  if (!def) throw new AppError("not_found", `There is no open-data resource called "${name}".`);
  return inSnapshot(ctx, async (ctx) => {
    // What the public sees of a resource depends on what those before it withhold (a draft
    // hearing hides its responses); provenance depends on every resource it may quote.
    const isPublic = (opts.audience ?? "public") === "public";
    const upTo = def.name === "provenance" ? writeOrder.length : writeOrder.indexOf(def.name) + 1;
    const data = await readResources(ctx, isPublic ? writeOrder.slice(0, upTo) : [def.name], opts);
    return toCsv(def, data.get(def.name) ?? []);
  });
}
