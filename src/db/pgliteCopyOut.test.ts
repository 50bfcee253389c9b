// COPY … TO STDOUT on the embedded database: the bytes COPY writes, and the database's error.
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db.ts";
import { rawConnection } from "./client.ts";
import { pgliteCopyOut } from "./pgliteCopyOut.ts";

// Records of a few bytes and a few of 100,000, longer than each chunk PGlite writes at once.
const QUERY = `SELECT i, 'row ' || i || CASE WHEN i % 3 = 0 THEN ', "quoted"' ELSE '' END || CASE WHEN i % 1000 = 0 THEN repeat('x', 100000) ELSE '' END FROM generate_series(1, 5000) i`;

/** The statement's records, each as a string. */
async function records(pglite: PGlite, statement: string): Promise<{ records: string[]; count: number }> {
  const records: string[] = [];
  const count = await pgliteCopyOut(pglite, statement, (data, start, end) =>
    records.push(data.toString("utf8", start, end)),
  );
  return { records, count };
}

describe("COPY TO STDOUT on PGlite", () => {
  it("gives the bytes COPY writes to a file, in the open transaction", async () => {
    const database = await testDatabase();
    const [copied, blob] = await database.db.transaction(async (tx) => {
      const connection = rawConnection(tx);
      if (connection?.kind !== "pglite") throw new Error("not PGlite");
      await tx.execute(sql`CREATE TEMP TABLE pejl_copy_probe AS ${sql.raw(QUERY)}`);
      const copied = await records(connection.pglite, "COPY pejl_copy_probe TO STDOUT WITH (FORMAT csv)");
      const { blob } = await connection.client.query("COPY pejl_copy_probe TO '/dev/blob' WITH (FORMAT csv)");
      await tx.execute(sql`DROP TABLE pejl_copy_probe`);
      return [copied, Buffer.from(await blob!.arrayBuffer())];
    });
    expect(copied.records.join("")).toBe(blob.toString("utf8"));
    expect(copied.count).toBe(5000);
    expect(copied.records).toHaveLength(5000);
    expect(copied.records[2]).toBe('3,"row 3, ""quoted"""\n');
    expect(copied.records[999]).toBe(`1000,row 1000${"x".repeat(100000)}\n`);
  });

  it("throws the database's error, and the database goes on working", async () => {
    const database = await testDatabase();
    await expect(
      database.db.transaction(async (tx) => {
        const connection = rawConnection(tx);
        if (connection?.kind !== "pglite") throw new Error("not PGlite");
        await records(connection.pglite, "COPY (SELECT 1 / 0) TO STDOUT WITH (FORMAT csv)");
      }),
    ).rejects.toThrow("division by zero");
    const { rows } = await database.pglite!.query<{ two: number }>("SELECT 2 AS two");
    expect(rows).toEqual([{ two: 2 }]);
  });

  it("throws what the records' receiver throws (a full disk, say), and the database goes on working", async () => {
    const database = await testDatabase();
    let received = 0;
    await expect(
      database.db.transaction(async (tx) => {
        const connection = rawConnection(tx);
        if (connection?.kind !== "pglite") throw new Error("not PGlite");
        await pgliteCopyOut(connection.pglite, `COPY (${QUERY}) TO STDOUT WITH (FORMAT csv)`, () => {
          if (++received === 10) throw new Error("no space left on device");
        });
      }),
    ).rejects.toThrow("no space left on device");
    expect(received).toBe(10);
    const { rows } = await database.pglite!.query<{ two: number }>("SELECT 2 AS two");
    expect(rows).toEqual([{ two: 2 }]);
  });
});
