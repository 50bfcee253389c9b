// The embedded database has one connection: an export reads on it alone, with no readers beside it.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db.ts";
import { withSnapshotReaders } from "./sharedSnapshot.ts";

describe("readers of a transaction's snapshot on PGlite", () => {
  it("are none", async () => {
    const database = await testDatabase();
    const readers = await database.db.transaction((tx) => withSnapshotReaders(tx, 2, async (r) => r));
    expect(readers).toEqual([]);
  });
});
