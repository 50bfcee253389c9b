// The data package written to disk, for one organisation or for many in one pass, from
// the streamed export (exportStream.ts): each organisation's records go straight to its
// files, so no package is ever held in memory. The package of one organisation is the same
// whether it is exported alone or with others.
import { writeSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Context } from "../context.ts";
import { listOrganisations } from "../organisation.ts";
import { csvHeader, descriptorTexts, type ExportOptions, inSnapshot, publicSettings } from "./exportRows.ts";
import { streamResources } from "./exportStream.ts";
import type { ResourceName } from "./fields.ts";
import { resources, writeOrder } from "./resources.ts";

export interface PackageTarget {
  organisationId: string;
  /** The package's folder (created if missing). */
  outDir: string;
}

export interface WrittenPackage extends PackageTarget {
  files: string[];
  rows: Record<ResourceName, number>;
}

/**
 * Writes datapackage.json and one CSV per resource for each organisation into its folder,
 * all from one read-only snapshot. Each file is written beside its name and renamed when
 * all are complete, so a reader never sees half a file.
 */
export async function exportDataPackages(
  ctx: Omit<Context, "organisationId">,
  targets: PackageTarget[],
  opts: ExportOptions = {},
): Promise<WrittenPackage[]> {
  const ids = targets.map((t) => t.organisationId);
  if (new Set(ids).size !== ids.length) throw new Error("an organisation is named twice");
  const names = ["datapackage.json", ...resources.map((def) => `${def.name}.csv`)];
  const packages = new Map(
    targets.map((target) => [target.organisationId, { ...target, rows: {} as Record<ResourceName, number> }]),
  );
  for (const target of targets) await fs.mkdir(target.outDir, { recursive: true });
  if (targets.length === 0) return [];
  const ownSnapshot = !ctx.inTransaction;
  await inSnapshot(ctx, async (ctx) => {
    const descriptors = await descriptorTexts(ctx, ids, opts);
    for (const target of targets)
      await fs.writeFile(
        path.join(target.outDir, "datapackage.json.tmp"),
        descriptors.get(target.organisationId)!,
        "utf8",
      );
    for (const pkg of packages.values()) for (const name of writeOrder) pkg.rows[name] = 0;
    await streamResources(ctx, ids, publicSettings(opts), ownSnapshot, async (def) => {
      const files = new Map<string, fs.FileHandle>();
      const close = async () => {
        for (const file of files.values()) await file.close();
      };
      try {
        for (const target of targets) {
          const file = await fs.open(path.join(target.outDir, `${def.name}.csv.tmp`), "w");
          files.set(target.organisationId, file);
          await file.write(csvHeader(def));
        }
      } catch (error) {
        await close();
        throw error;
      }
      return {
        // At once (the sink's rule: the text may be the database's own memory): a synchronous write.
        write(organisationId, text, records) {
          writeAll(files.get(organisationId)!.fd, typeof text === "string" ? Buffer.from(text) : text);
          packages.get(organisationId)!.rows[def.name] += records;
        },
        close,
      };
    });
  });
  for (const target of targets)
    for (const name of names)
      await fs.rename(path.join(target.outDir, `${name}.tmp`), path.join(target.outDir, name));
  return [...packages.values()].map(({ organisationId, outDir, rows }) => ({
    organisationId,
    outDir,
    files: names,
    rows,
  }));
}

/**
 * Every organisation's package, each in a folder of `outDir` named by its slug, in one
 * pass (`pejl export --all-organisations`): what a region publishing for many
 * municipalities runs.
 */
export async function exportEveryOrganisation(
  ctx: Omit<Context, "organisationId">,
  outDir: string,
  opts: ExportOptions = {},
): Promise<(WrittenPackage & { slug: string })[]> {
  const organisations = await listOrganisations(ctx.db);
  const written = await exportDataPackages(
    ctx,
    organisations.map((o) => ({ organisationId: o.id, outDir: path.join(outDir, o.slug) })),
    opts,
  );
  return written.map((pkg, i) => ({ ...pkg, slug: organisations[i]!.slug }));
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}
