// COPY … TO STDOUT on the embedded database: the bytes COPY writes, and the database's error.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db.ts";
import { rawConnection } from "./client.ts";
import { pgliteCopyOut } from "./pgliteCopyOut.ts";

const QUERY = `SELECT i, 'row ' || i || CASE WHEN i % 3 = 0 THEN ', "quoted"' ELSE '' END FROM generate_series(1, 5000) i`;

describe("COPY TO STDOUT on PGlite", () => {
  it("gives the bytes COPY writes to a file, in the open transaction", async () => {
    const database = await testDatabase();
    const [copied, blob] = await database.db.transaction(async (tx) => {
      const connection = rawConnection(tx);
      if (connection?.kind !== "pglite") throw new Error("not PGlite");
      await tx.execute(sql`CREATE TEMP TABLE pejl_copy_probe AS ${sql.raw(QUERY)}`);
      const copied = await pgliteCopyOut(
        connection.pglite,
        "COPY pejl_copy_probe TO STDOUT WITH (FORMAT csv)",
      );
      const { blob } = await connection.client.query("COPY pejl_copy_probe TO '/dev/blob' WITH (FORMAT csv)");
      await tx.execute(sql`DROP TABLE pejl_copy_probe`);
      return [copied, Buffer.from(await blob!.arrayBuffer())];
    });
    expect(copied.text.toString("utf8")).toBe(blob.toString("utf8"));
    expect(copied.text.toString("utf8").split("\n")).toHaveLength(5001);
    expect(copied.records).toBe(5000);
    expect(copied.text.toString("utf8")).toContain('3,"row 3, ""quoted"""\n');
  });

  it("throws the database's error, and the database goes on working", async () => {
    const database = await testDatabase();
    await expect(
      database.db.transaction(async (tx) => {
        const connection = rawConnection(tx);
        if (connection?.kind !== "pglite") throw new Error("not PGlite");
        await pgliteCopyOut(connection.pglite, "COPY (SELECT 1 / 0) TO STDOUT WITH (FORMAT csv)");
      }),
    ).rejects.toThrow("division by zero");
    const { rows } = await database.pglite!.query<{ two: number }>("SELECT 2 AS two");
    expect(rows).toEqual([{ two: 2 }]);
  });
});
