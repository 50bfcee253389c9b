// The streamed export of the public or full package's resources, for one organisation or
// for many in one pass. Each resource is read once for all of them, from a cursor a page at
// a time (or COPYed by the database), and each run of one organisation's records goes to a
// sink: no package is ever held in memory, and the number of queries does not grow with
// the number of organisations. An organisation's records are the same whether it is read
// alone or with others.
import { getTableName, sql } from "drizzle-orm";
import { to as copyTo } from "pg-copy-streams";
import type { Context } from "../context.ts";
import type { RawConnection } from "../db/client.ts";
import { withLocalSetting } from "../db/localSetting.ts";
import { pgliteCopyOut } from "../db/pgliteCopyOut.ts";
import { withSnapshotReaders } from "../db/sharedSnapshot.ts";
import { turnTaker } from "../eventLoop.ts";
import { copyConnection } from "./copy.ts";
import { csvLines } from "./exportRows.ts";
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
import { resourceByName, writeOrder } from "./resources.ts";
import { rowsOf } from "./sqlRows.ts";

/** Where one resource's records go, a run of one organisation's records at a time. */
export interface ResourceSink {
  /**
   * Records of the organisation (each ending in a line break), in the package's order. It
   * may be called inside the database's own call (PGlite runs a COPY in one synchronous
   * call), so it is synchronous, and `text` is valid only until it returns: copy what is kept.
   */
  write(organisationId: string, text: string | Buffer, records: number): void;
  close(): Promise<void> | void;
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
 * Hands the resource's records of the organisations to the sink as CSV text written by the
 * database (COPY), in one COPY of them all, each record led by its organisation's id, which
 * is split off again. On PostgreSQL the COPY is streamed through pg-copy-streams
 * (keyedCsv.ts). PGlite answers the COPY within one synchronous call, and the records go to
 * the sink there (keyedRecords.ts): one COPY of each organisation instead cost more than
 * reading them all (national data set: its 1,100 COPYs took 3.9 s CPU of the full export's
 * 5.5 s; one COPY of each resource, 2.4 s).
 */
async function copyToSink(
  reader: Pick<Context, "db">,
  connection: RawConnection,
  def: ResourceDef,
  organisations: OrganisationSet,
  view: PublicSettings | null,
  sink: ResourceSink,
): Promise<void> {
  const statement = `COPY (${copySelectText(def, organisations, view)}) TO STDOUT WITH (FORMAT csv)`;
  if (connection.kind === "pglite") {
    const records = new KeyedRecords((organisationId, text, count) =>
      sink.write(organisationId, text, count),
    );
    await pgliteCopyOut(connection.pglite, statement, records.record);
    records.finish();
    if (records.unwritable) await refuseNumbers(reader, def, organisations, view);
    return;
  }
  const split = new KeyedCsv();
  const giveWay = turnTaker();
  for await (const chunk of connection.client.query(copyTo(statement))) {
    for (const run of split.push(chunk as Buffer)) sink.write(run.organisationId, run.text, run.records);
    await giveWay();
  }
  if (split.unfinished) throw new Error(`The COPY of ${def.name} ended inside a record.`);
  if (split.unwritable) await refuseNumbers(reader, def, organisations, view);
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
 * Reads every resource of the organisations (`ids`) in the snapshot of `ctx` (a read-only
 * REPEATABLE READ transaction, inSnapshot) into the sink `open` gives for it. `ownSnapshot`:
 * the transaction is the export's own, so more connections may read it too (a caller's
 * transaction may have written what they would not see).
 */
export async function streamResources(
  ctx: Omit<Context, "organisationId">,
  ids: string[],
  view: PublicSettings | null,
  ownSnapshot: boolean,
  open: (def: ResourceDef) => Promise<ResourceSink>,
): Promise<void> {
  if (ids.length === 0) return;
  // Every organisation of the database: read without a condition (see OrganisationSet).
  const existing = rowsOf(await ctx.db.execute(sql`SELECT id::text AS id FROM organisations`));
  const wanted = new Set(ids);
  const organisations: OrganisationSet = existing.every((row) => wanted.has(row.id as string)) ? "all" : ids;
  // copyConnection looks only at the transaction; any one organisation's context will do.
  const connection = copyConnection({ ...ctx, organisationId: ids[0]! });

  /** One resource's records of each organisation, read on the reader's connection. */
  const readResource = async (
    reader: Pick<Context, "db">,
    copier: RawConnection | null,
    name: ResourceName,
  ) => {
    const def = resourceByName(name)!;
    const sink = await open(def);
    try {
      await byIndexOrder(reader, def, organisations, async () => {
        // The database writes the CSV where it can; otherwise the rows are formatted here.
        if (copier !== null && copyable(def))
          return copyToSink(reader, copier, def, organisations, view, sink);
        const giveWay = turnTaker();
        for await (const page of resourcePages(reader, def, organisations, view))
          for (const [organisationId, run] of byOrganisation(page)) {
            sink.write(organisationId, csvLines(def, run), run.length);
            await giveWay();
          }
      });
    } finally {
      await sink.close();
    }
  };

  await withSnapshotReaders(ctx.db, ownSnapshot ? EXTRA_READERS : 0, async (readers) => {
    type Reader = { db: Context["db"]; copier: RawConnection | null };
    // The resources are independent of each other (the public view asks the rows it
    // depends on itself): each is read on the first connection free, largest first.
    const queue = readers.length ? await largestFirst(ctx, writeOrder) : [...writeOrder];
    let failed = false;
    const work = async (reader: Reader) => {
      try {
        for (let name = queue.shift(); name && !failed; name = queue.shift())
          await readResource(reader, reader.copier, name);
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
}
