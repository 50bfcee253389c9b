// What every pooled PostgreSQL connection is set to, whichever way a query reaches it:
// the pool itself, a transaction, or the readers beside a transaction's snapshot; and how
// a transaction's queries asked together reach its one connection.
// PostgreSQL only (vitest.config.ts): PGlite has no pool and no JIT.
import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db.ts";
import { type Executor, openDatabase } from "./client.ts";
import { withSnapshotReaders } from "./sharedSnapshot.ts";

async function jit(db: Executor): Promise<string> {
  const result = (await db.execute(sql`show jit`)) as unknown as { rows: { jit: string }[] };
  return result.rows[0]!.jit;
}

describe("pooled connections", () => {
  it("run without JIT compilation, on every connection the pool opens", async () => {
    const database = await testDatabase();
    // More at once than the pool may hold idle: new connections are opened for them.
    const direct = await Promise.all(Array.from({ length: 6 }, () => jit(database.db)));
    expect(direct).toEqual(Array(6).fill("off"));
    const inTransaction = await database.db.transaction((tx) =>
      withSnapshotReaders(tx, 2, async (readers) => [
        await jit(tx),
        ...(await Promise.all(readers.map((r) => jit(r.db)))),
      ]),
    );
    expect(inTransaction).toEqual(["off", "off", "off"]);
  });

  it("keep the settings the database URL's options give", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set("options", "-c statement_timeout=1234");
    const database = await openDatabase({ url: url.toString(), poolSize: 1 });
    try {
      const result = (await database.db.execute(sql`show statement_timeout`)) as unknown as {
        rows: { statement_timeout: string }[];
      };
      expect(result.rows[0]!.statement_timeout).toBe("1234ms");
      expect(await jit(database.db)).toBe("off");
    } finally {
      await database.close();
    }
  });

  it("hand a transaction's queries asked together to the driver one at a time, in the order asked", async () => {
    const database = await testDatabase();
    const query = pg.Client.prototype.query;
    let running = 0;
    let most = 0;
    // Counts the queries the driver holds at once on any connection (its own queue included).
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      if (!(result instanceof Promise)) return result;
      most = Math.max(most, ++running);
      return result.finally(() => running--);
    } as typeof query;
    try {
      const answers = await database.db.transaction((tx) =>
        Promise.all(
          [1, 2, 3, 4].map(async (n) => {
            const result = (await tx.execute(sql`select pg_sleep(0.01), ${n}::int as n`)) as unknown as {
              rows: { n: number }[];
            };
            return result.rows[0]!.n;
          }),
        ),
      );
      expect(answers).toEqual([1, 2, 3, 4]);
      expect(most).toBe(1);
    } finally {
      pg.Client.prototype.query = query;
    }
  });
});
