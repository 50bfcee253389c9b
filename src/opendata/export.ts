// The open-data export (DESIGN.md §4): one organisation's registry as a Frictionless
// Tabular Data Package. Audience "public" (the default, for the portal's /data page)
// withholds what must not be published: observations with n below the suppression
// threshold lose value and n (footnote "<5"), document texts and storage paths,
// unsent inquiry answers, unpublished hearing responses and the names of citizens who
// did not consent. Audience "full" holds everything, for a lossless round trip.
import { stringify } from "csv-stringify/sync";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { exportDataPackages } from "./exportPackages.ts";
import { csvLines, descriptorText, type ExportOptions, inSnapshot, publicSettings } from "./exportRows.ts";
import { selectSql } from "./exportSql.ts";
import type { ResourceName } from "./fields.ts";
import type { RawRow, ResourceDef } from "./resourceDef.ts";
import { resourceByName, resources } from "./resources.ts";
import { rowsOf } from "./sqlRows.ts";

export type { ExportOptions } from "./exportRows.ts";

export interface DataPackageFiles {
  /** File name → UTF-8 text: datapackage.json and one CSV per resource. */
  files: Map<string, string>;
  rows: Record<ResourceName, number>;
}

function toCsv(def: ResourceDef, rows: RawRow[]): string {
  return stringify([def.fields.map((f) => f.name)]) + csvLines(def, rows);
}

/** The resource's rows for the context's organisation, as the options' audience sees them. */
async function readResource(ctx: Context, def: ResourceDef, opts: ExportOptions): Promise<RawRow[]> {
  return rowsOf(await ctx.db.execute(selectSql(def, ctx.organisationId, publicSettings(opts))));
}

/** The whole package as text files, without touching the disk. */
export async function buildDataPackage(ctx: Context, opts: ExportOptions = {}): Promise<DataPackageFiles> {
  return inSnapshot(ctx, async (ctx) => {
    const files = new Map<string, string>([["datapackage.json", await descriptorText(ctx, opts)]]);
    const rows = {} as Record<ResourceName, number>;
    for (const def of resources) {
      const resourceRows = await readResource(ctx, def, opts);
      files.set(`${def.name}.csv`, toCsv(def, resourceRows));
      rows[def.name] = resourceRows.length;
    }
    return { files, rows };
  });
}

/**
 * Writes datapackage.json and one CSV per resource into `outDir` (created if missing),
 * streamed (see exportPackages.ts): the package is never held in memory.
 */
export async function exportDataPackage(ctx: Context, outDir: string, opts: ExportOptions = {}) {
  const [written] = await exportDataPackages(ctx, [{ organisationId: ctx.organisationId, outDir }], opts);
  return { outDir, files: written!.files, rows: written!.rows };
}

/** One resource as CSV text (the portal links each table on its own). */
export async function resourceCsv(ctx: Context, name: string, opts: ExportOptions = {}): Promise<string> {
  const def = resourceByName(name);
  if (!def) throw new AppError("not_found", `There is no open-data resource called "${name}".`);
  // One statement, so one moment: the public view asks the rows a resource depends on
  // itself (a draft hearing hides its responses), and no transaction is needed around it.
  return toCsv(def, await readResource(ctx, def, opts));
}
