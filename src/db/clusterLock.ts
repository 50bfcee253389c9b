// Work that one server process of a cluster does at a time (the periodic tick):
// a PostgreSQL session-level advisory lock, tried and not waited for, so another
// process that holds it makes this one skip its turn. PGlite is one process
// (the data-directory lock), so its work just runs.
import type { Database } from "./client.ts";

/** Advisory lock keys of Pejl's cluster-wide jobs. */
export const lockKeys = { periodicTick: 0x7065_6a6c } as const;

/** Runs `work` unless another process holds the lock; returns whether it ran. */
export async function whileHoldingClusterLock(
  database: Pick<Database, "kind" | "pool">,
  key: number,
  work: () => Promise<void>,
): Promise<boolean> {
  if (database.kind !== "postgres" || !database.pool) {
    await work();
    return true;
  }
  const client = await database.pool.connect();
  try {
    const { rows } = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1) AS got", [key]);
    if (!rows[0]?.got) return false;
    try {
      await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [key]);
    }
    return true;
  } finally {
    client.release();
  }
}
