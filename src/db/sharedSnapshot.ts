// More connections reading the same moment as a transaction: on PostgreSQL the transaction
// exports its snapshot (pg_export_snapshot) and each extra connection of the pool opens a
// read-only REPEATABLE READ transaction on it (SET TRANSACTION SNAPSHOT), so what they read
// together is still one consistent moment. PGlite has one connection: no readers there.
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { type Db, type Executor, oneQueryAtATime, type RawConnection, rawConnection } from "./client.ts";
import * as schema from "./schema.ts";

/** A connection reading the snapshot: Drizzle for queries, the raw client for COPY. */
export interface SnapshotReader {
  db: Db;
  connection: RawConnection;
}

/**
 * Runs `work` with up to `count` readers of `tx`'s snapshot (fewer, or none, when the pool
 * has no connection free now: waiting for one could wait for ever while this transaction
 * holds its own). `tx` must be a REPEATABLE READ transaction that has written nothing (the
 * readers would not see it). The readers end with `work`: rolled back and returned to the
 * pool, or, if `work` failed, closed (a COPY may still be under way on them).
 */
export async function withSnapshotReaders<T>(
  tx: Executor,
  count: number,
  work: (readers: SnapshotReader[]) => Promise<T>,
): Promise<T> {
  const main = rawConnection(tx);
  if (main?.kind !== "postgres") return work([]);
  const { pool } = main;
  const free = Math.min(count, pool.idleCount + (pool.options.max ?? 10) - pool.totalCount);
  if (free <= 0) return work([]);
  const clients: pg.PoolClient[] = [];
  let failed = true;
  try {
    const { rows } = await main.client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    const snapshot = rows[0]!.id;
    for (let i = 0; i < free; i++) {
      const client = await pool.connect();
      clients.push(client);
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      // Must be the transaction's first statement.
      await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replaceAll("'", "''")}'`);
    }
    const result = await work(
      clients.map((client) => ({
        db: drizzleNodePg(oneQueryAtATime(client), { schema }) as unknown as Db,
        connection: { kind: "postgres", client, pool },
      })),
    );
    failed = false;
    return result;
  } finally {
    for (const client of clients) {
      let error: Error | undefined;
      if (failed) error = new Error("the work on the snapshot failed");
      else
        try {
          await client.query("ROLLBACK");
        } catch (e) {
          error = e as Error;
        }
      // With an error the pool closes the connection instead of keeping it.
      client.release(error);
    }
  }
}
