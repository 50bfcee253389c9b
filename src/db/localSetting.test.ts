// The import turns parallel plans off for its id lookups only: the rest of its transaction
// keeps the setting it had.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseKind, testDatabase } from "../../test/db.ts";
import type { Executor } from "./client.ts";
import { withLocalSetting } from "./localSetting.ts";

const setting = async (db: Executor) => {
  const result = (await db.execute(
    sql`SELECT current_setting('max_parallel_workers_per_gather') AS value`,
  )) as unknown as { rows: { value: string }[] };
  return result.rows[0]!.value;
};

describe(`a local setting (${databaseKind})`, () => {
  it("holds inside the work and is restored after it, in the same transaction", async () => {
    const { db } = await testDatabase();
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('max_parallel_workers_per_gather', '3', true)`);
      const inside = await withLocalSetting(tx, "max_parallel_workers_per_gather", "0", () => setting(tx));
      expect(inside).toBe("0");
      expect(await setting(tx)).toBe("3");
    });
  });

  it("ends with the transaction when the work fails", async () => {
    const { db } = await testDatabase();
    const before = await setting(db);
    await expect(
      db.transaction((tx) =>
        withLocalSetting(tx, "max_parallel_workers_per_gather", "0", () => tx.execute(sql`SELECT 1/0`)),
      ),
    ).rejects.toThrow();
    expect(await setting(db)).toBe(before);
  });
});
