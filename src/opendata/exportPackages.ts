// The data package written to disk, for one organisation or for many in one pass. Each
// resource is read once for all of them, from a cursor a page at a time, and each page's
// rows go to their organisation's file: no package is ever held in memory, and the number
// of queries does not grow with the number of organisations. The package of one
// organisation is the same whether it is exported alone or with others.
import fs from "node:fs/promises";
import path from "node:path";
import { getTableName, sql } from "drizzle-orm";
import { to as copyTo } from "pg-copy-streams";
import type { Context } from "../context.ts";
import type { RawConnection } from "../db/client.ts";
import { withLocalSetting } from "../db/localSetting.ts";
import { pgliteCopyOut } from "../db/pgliteCopyOut.ts";
import { withSnapshotReaders } from "../db/sharedSnapshot.ts";
import { listOrganisations } from "../organisation.ts";
import { copyConnection } from "./copy.ts";
import {
  csvHeader,
  csvLines,
  descriptorTexts,
  type ExportOptions,
  inSnapshot,
  publicSettings,
} from "./exportRows.ts";
import {
  copyable,
  copySelectText,
  ORGANISATION_COLUMN,
  type OrganisationSet,
  oneOrganisation,
  selectText,
  unwritableNumbersText,
} from "./exportSql.ts";
import type { ResourceName } from "./fields.ts";
import { KeyedCsv } from "./keyedCsv.ts";
import { KeyedRecords } from "./keyedRecords.ts";
import type { PublicSettings } from "./publicSql.ts";
import type { RawRow, ResourceDef } from "./resourceDef.ts";
import { resourceByName, resources, writeOrder } from "./resources.ts";
import { rowsOf } from "./sqlRows.ts";

export interface PackageTarget {
  organisationId: string;
  /** The package's folder (created if missing). */
  outDir: string;
}

export interface WrittenPackage extends PackageTarget {
  files: string[];
  rows: Record<ResourceName, number>;
}

// Connections beside the transaction's own that read resources the database writes (PostgreSQL).
const EXTRA_READERS = 2;

// Rows are fetched from a cursor and written this many at a time.
const PAGE = 20_000;

/** One resource's rows of the organisations, in `PAGE`-sized pages, from a cursor in the snapshot's transaction. */
async function* resourcePages(
  ctx: Pick<Context, "db">,
  def: ResourceDef,
  organisations: OrganisationSet,
  view: PublicSettings | null,
) {
  const cursor = `pejl_export_${def.name}`;
  await ctx.db.execute(
    sql.raw(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${selectText(def, organisations, view)}`),
  );
  for (;;) {
    const page = rowsOf(await ctx.db.execute(sql.raw(`FETCH ${PAGE} FROM ${cursor}`)));
    if (page.length) yield page;
    if (page.length < PAGE) break;
  }
  await ctx.db.execute(sql.raw(`CLOSE ${cursor}`));
}

/**
 * Writes the resource's records of the organisations to their files (`files`, by
 * organisation) as CSV text written by the database (COPY), in one COPY of them all, each
 * record led by its organisation's id, which is split off again; returns the number of
 * records written for each organisation. On PostgreSQL the COPY is streamed through
 * pg-copy-streams (keyedCsv.ts). PGlite answers the COPY within one synchronous call, and
 * the records are written there (keyedRecords.ts): one COPY of each organisation instead
 * cost more than reading them all (national data set: its 1,100 COPYs took 3.9 s CPU of the
 * full export's 5.5 s; one COPY of each resource, 2.4 s).
 */
async function copyToFiles(
  reader: Pick<Context, "db">,
  connection: NonNullable<ReturnType<typeof copyConnection>>,
  def: ResourceDef,
  organisations: OrganisationSet,
  view: PublicSettings | null,
  files: Map<string, fs.FileHandle>,
): Promise<Map<string, number>> {
  const statement = `COPY (${copySelectText(def, organisations, view)}) TO STDOUT WITH (FORMAT csv)`;
  if (connection.kind === "pglite") {
    const records = new KeyedRecords(new Map([...files].map(([id, file]) => [id, file.fd])));
    await pgliteCopyOut(connection.pglite, statement, records.record);
    if (records.unwritable) await refuseNumbers(reader, def, organisations, view);
    return records.finish();
  }
  const counts = new Map<string, number>();
  const split = new KeyedCsv();
  for await (const chunk of connection.client.query(copyTo(statement)))
    for (const run of split.push(chunk as Buffer)) {
      await files.get(run.organisationId)!.write(run.text);
      counts.set(run.organisationId, (counts.get(run.organisationId) ?? 0) + run.records);
    }
  if (split.unfinished) throw new Error(`The COPY of ${def.name} ended inside a record.`);
  if (split.unwritable) await refuseNumbers(reader, def, organisations, view);
  return counts;
}

/**
 * Runs the resource's export with the planner's sort turned off, where that is safe. The
 * queries read in (organisation, id) order, which each table's index on (organisation_id,
 * id) gives, but the planner preferred to scan and sort the whole table, on disk with
 * work_mem's 4 MB (on PGlite, for 100,000 observations: 2.3 s sorted, 0.3 s by the index).
 * A query of several organisations that aggregates a link table (a list cell) keeps the
 * sort: without it the planner re-ran the aggregate per row (initiatives on PGlite, 1.5 s →
 * 214 s). One organisation's query looks up each row's items by the link table's primary
 * key anyway (exportSql.ts, oneOrganisation), and then sorts nothing.
 */
async function byIndexOrder(
  ctx: Pick<Context, "db">,
  def: ResourceDef,
  organisations: OrganisationSet,
  work: () => Promise<void>,
) {
  if (!oneOrganisation(organisations) && def.fields.some((f) => f.join)) return work();
  return withLocalSetting(ctx.db, "enable_sort", "off", work);
}

/**
 * Refuses, as formatCell does, a number the package cannot write (COPY would write "NaN"),
 * once the COPY has found one, naming its row.
 */
async function refuseNumbers(
  ctx: Pick<Context, "db">,
  def: ResourceDef,
  organisations: OrganisationSet,
  view: PublicSettings | null,
) {
  const text = unwritableNumbersText(def, organisations, view);
  const [row] = text ? rowsOf(await ctx.db.execute(sql.raw(text))) : [];
  if (row) csvLines(def, [row]);
  throw new Error(`The COPY of ${def.name} found a number it cannot write, and then none.`);
}

/** A page's rows in runs of one organisation each (the query orders them by organisation). */
function* byOrganisation(page: RawRow[]): Generator<[string, RawRow[]]> {
  let start = 0;
  for (let i = 1; i <= page.length; i++) {
    const organisationId = page[start]![ORGANISATION_COLUMN] as string;
    if (i === page.length || page[i]![ORGANISATION_COLUMN] !== organisationId) {
      yield [organisationId, page.slice(start, i)];
      start = i;
    }
  }
}

/** The resources, those whose tables the planner's statistics count the most rows in first. */
async function largestFirst(ctx: Pick<Context, "db">, names: ResourceName[]): Promise<ResourceName[]> {
  const estimates = rowsOf(
    await ctx.db.execute(
      sql`SELECT relname AS name, reltuples::float8 AS rows FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
    ),
  );
  const rows = new Map(estimates.map((row) => [row.name as string, Number(row.rows)]));
  const estimate = (name: ResourceName) => rows.get(getTableName(resourceByName(name)!.table)) ?? 0;
  return [...names].sort((a, b) => estimate(b) - estimate(a));
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
  const view = publicSettings(opts);
  const packages = new Map(
    targets.map((target) => [target.organisationId, { ...target, rows: {} as Record<ResourceName, number> }]),
  );
  for (const target of targets) await fs.mkdir(target.outDir, { recursive: true });
  if (targets.length === 0) return [];
  const ownSnapshot = !ctx.inTransaction;
  await inSnapshot(ctx, async (ctx) => {
    // Every organisation of the database: read without a condition (see OrganisationSet).
    const existing = rowsOf(await ctx.db.execute(sql`SELECT id::text AS id FROM organisations`));
    const organisations: OrganisationSet = existing.every((row) => packages.has(row.id as string))
      ? "all"
      : ids;
    const descriptors = await descriptorTexts(ctx, ids, opts);
    for (const target of targets)
      await fs.writeFile(
        path.join(target.outDir, "datapackage.json.tmp"),
        descriptors.get(target.organisationId)!,
        "utf8",
      );
    for (const pkg of packages.values()) for (const name of writeOrder) pkg.rows[name] = 0;
    // copyConnection looks only at the transaction; any one organisation's context will do.
    const connection = copyConnection({ ...ctx, organisationId: ids[0]! });

    /** One resource's file of each organisation, read on the reader's connection. */
    const writeResource = async (
      reader: Pick<Context, "db">,
      copier: RawConnection | null,
      name: ResourceName,
    ) => {
      const def = resourceByName(name)!;
      const files = new Map<string, fs.FileHandle>();
      try {
        for (const target of targets) {
          const file = await fs.open(path.join(target.outDir, `${name}.csv.tmp`), "w");
          files.set(target.organisationId, file);
          await file.write(csvHeader(def));
        }
        await byIndexOrder(reader, def, organisations, async () => {
          // The database writes the CSV where it can; otherwise the rows are formatted here.
          if (copier !== null && copyable(def)) {
            const copied = await copyToFiles(reader, copier, def, organisations, view, files);
            for (const [organisationId, records] of copied)
              packages.get(organisationId)!.rows[name] += records;
            return;
          }
          for await (const page of resourcePages(reader, def, organisations, view)) {
            for (const [organisationId, run] of byOrganisation(page)) {
              await files.get(organisationId)!.write(csvLines(def, run));
              packages.get(organisationId)!.rows[name] += run.length;
            }
          }
        });
      } finally {
        for (const file of files.values()) await file.close();
      }
    };

    // Extra readers only in a snapshot of our own: a caller's transaction may have written.
    await withSnapshotReaders(ctx.db, ownSnapshot ? EXTRA_READERS : 0, async (readers) => {
      type Reader = { db: Context["db"]; copier: RawConnection | null };
      // The resources are independent of each other (the public view asks the rows it
      // depends on itself): each is read on the first connection free, largest first.
      const queue = readers.length ? await largestFirst(ctx, writeOrder) : [...writeOrder];
      let failed = false;
      const work = async (reader: Reader) => {
        try {
          for (let name = queue.shift(); name && !failed; name = queue.shift())
            await writeResource(reader, reader.copier, name);
        } catch (error) {
          failed = true;
          throw error;
        }
      };
      const settled = await Promise.allSettled([
        work({ db: ctx.db, copier: connection }),
        ...readers.map((reader) => work({ db: reader.db, copier: reader.connection })),
      ]);
      for (const result of settled) if (result.status === "rejected") throw result.reason;
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
