// Opens the database: PGlite (embedded, the default) or a PostgreSQL server
// (DATABASE_URL). Both speak the same SQL and apply the same migrations.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { errorText } from "../errors.ts";
import { type DirectoryLock, lockDataDirectory } from "./lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction in it: what queries and commands run on. */
export type Executor = Db | Tx;

/**
 * The one connection a transaction runs on, for what Drizzle does not speak: COPY
 * (pg-copy-streams on PostgreSQL; on PGlite the /dev/blob device, or the wire protocol of
 * `pglite`, whose open transaction `client` is).
 */
export type RawConnection =
  | { kind: "postgres"; client: pg.PoolClient; pool: pg.Pool }
  | { kind: "pglite"; client: Transaction; pglite: PGlite };

// Every transaction of a database opened here runs on a connection we took ourselves
// (a pool client, a PGlite transaction) and gave to Drizzle; this remembers which.
const rawConnections = new WeakMap<Tx, RawConnection>();

/** The connection of a transaction opened by `db.transaction` on a database of `openDatabase`, if any. */
export function rawConnection(tx: Executor): RawConnection | undefined {
  return rawConnections.get(tx as Tx);
}

type Work<T> = (tx: Tx) => Promise<T>;
type TransactionConfig = Parameters<Db["transaction"]>[1];

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** For PGlite: the data directory; for PostgreSQL: the connection URL. */
  location: string;
  /** PostgreSQL only: the connection URL (for pg_dump/pg_restore). */
  url?: string;
  pglite?: PGlite;
  pool?: pg.Pool;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * PGlite starts PostgreSQL with fsync off ("-F"). We drop that flag so a
 * commit is on disk before it is acknowledged: the safe setting, measured in bench/.
 */
export const pgliteStartParams = PGliteDefaultStartParams().filter((p) => p !== "-F");

function PGliteDefaultStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams;
  return (
    defaults ?? [
      "--single",
      "-O",
      "-j",
      "-c",
      "search_path=public",
      "-c",
      "exit_on_error=false",
      "-c",
      "log_checkpoints=false",
    ]
  );
}

export interface OpenOptions {
  /** postgres://… selects a PostgreSQL server. */
  url?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  /** A PGlite data-dir dump (tar) to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

/**
 * A connection whose queries go to the driver one at a time, in the order asked: what Drizzle
 * runs a transaction on. A transaction's reads may be asked together (Promise.all); the
 * driver would queue them on the connection itself, which it warns it will stop doing in
 * pg@9. They still run one after another on the one connection, as they did.
 */
export function oneQueryAtATime<C extends pg.ClientBase>(client: C): C {
  let previous: Promise<unknown> = Promise.resolve();
  const query = (...args: unknown[]) => {
    const run = previous.then(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args));
    previous = run.catch(() => {});
    return run;
  };
  // Drizzle calls nothing else on a connection it is given.
  return { query } as unknown as C;
}

const JIT_OFF = "-c jit=off";

/**
 * The pool's connection settings: every connection starts with no JIT, after any settings
 * the URL's `options` give (the driver would let the URL's replace ours, so they move here).
 * Pejl's statements are short, and the export's per-row subqueries pass jit_above_cost
 * although compiling them took longer (0.3 s a query) than running them.
 */
function connectionConfig(url: string): { connectionString: string; options: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL: the driver reads it (and reports what is wrong with it).
    return { connectionString: url, options: JIT_OFF };
  }
  const given = parsed.searchParams.get("options");
  if (given === null) return { connectionString: url, options: JIT_OFF };
  parsed.searchParams.delete("options");
  return { connectionString: parsed.toString(), options: `${given} ${JIT_OFF}` };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ ...connectionConfig(url), max });
  // A connection the server ends (a restart, an administrator's terminate) emits
  // "error" on its client; the pool listens only while the client is idle in it,
  // so one that is closing would crash the process. A query in flight still
  // rejects with the error, and the pool replaces the connection.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  // numeric and bigint arrive as strings from node-postgres; drizzle maps the columns we declare.
  await pool.query("select 1");
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  // A Drizzle database per pooled connection, made once: Drizzle opens the transaction
  // on the connection it is given, so we know it.
  const onClient = new WeakMap<pg.PoolClient, Db>();
  db.transaction = async <T>(work: Work<T>, config?: TransactionConfig): Promise<T> => {
    const client = await pool.connect();
    try {
      let own = onClient.get(client);
      if (!own) {
        own = drizzleNodePg(oneQueryAtATime(client), { schema }) as unknown as Db;
        onClient.set(client, own);
      }
      return await own.transaction((tx) => {
        rawConnections.set(tx, { kind: "postgres", client, pool });
        return work(tx);
      }, config);
    } finally {
      client.release();
    }
  };
  return {
    db,
    kind: "postgres",
    location: url.replace(/:[^:@/]*@/, ":***@"),
    url,
    pool,
    migrate: () => migrateNodePg(db as never, { migrationsFolder }),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  let lock: DirectoryLock | undefined;
  if (dataDir) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    lock = lockDataDirectory(`${dataDir}.lock`);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      // PGlite's file system does not follow a symbolic link to the directory itself.
      dataDir: dataDir && fs.existsSync(dataDir) ? fs.realpathSync(dataDir) : dataDir,
      loadDataDir,
      startParams: pgliteStartParams,
    });
  } catch (error) {
    lock?.release();
    throw new Error(
      `The embedded database in ${dataDir ?? "memory"} could not be opened: ${errorText(error)}.`,
      {
        cause: error,
      },
    );
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  // PGlite runs one transaction at a time; Drizzle is given the open one, through a
  // client whose transaction is that one (so Drizzle issues no second BEGIN).
  db.transaction = <T>(work: Work<T>, config?: TransactionConfig): Promise<T> =>
    client.transaction((open) => {
      const inOpen = {
        query: open.query,
        exec: open.exec,
        transaction: <R>(f: (t: Transaction) => R) => f(open),
      };
      const own = drizzlePglite(inOpen as unknown as PGlite, { schema }) as unknown as Db;
      return own.transaction((tx) => {
        rawConnections.set(tx, { kind: "pglite", client: open, pglite: client });
        return work(tx);
      }, config);
    });
  let closed = false;
  return {
    db,
    kind: "pglite",
    location: dataDir ?? "memory",
    pglite: client,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
