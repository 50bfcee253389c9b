// Readers beside a transaction read its moment: what another connection commits after the
// snapshot is exported is invisible to all of them, so a package read on several
// connections is still one consistent moment. Their connections go back to the pool.
// PostgreSQL only (vitest.config.ts); PGlite's one connection has none (sharedSnapshotPglite.test.ts).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../test/db.ts";
import { buildOrganisation } from "../../test/factories.ts";
import type { Executor } from "./client.ts";
import { organisations } from "./schema.ts";
import { withSnapshotReaders } from "./sharedSnapshot.ts";

async function nameOf(db: Executor, id: string): Promise<string> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row!.name;
}

const snapshot = { isolationLevel: "repeatable read", accessMode: "read only" } as const;

describe("readers of a transaction's snapshot", () => {
  it("do not see what another connection commits after the snapshot", async () => {
    const database = await testDatabase();
    const { organisationId } = await buildOrganisation();
    const before = await nameOf(database.db, organisationId);
    const seen = await database.db.transaction(
      (tx) =>
        withSnapshotReaders(tx, 2, async (readers) => {
          expect(readers).toHaveLength(2);
          await database.db
            .update(organisations)
            .set({ name: "Ændret bagefter" })
            .where(eq(organisations.id, organisationId));
          return Promise.all([
            nameOf(tx, organisationId),
            ...readers.map((r) => nameOf(r.db, organisationId)),
          ]);
        }),
      snapshot,
    );
    expect(seen).toEqual([before, before, before]);
    expect(await nameOf(database.db, organisationId)).toBe("Ændret bagefter");
  });

  it("give their connections back to the pool, also when the work fails", async () => {
    const database = await testDatabase();
    const pool = database.pool!;
    await expect(
      database.db.transaction(
        (tx) =>
          withSnapshotReaders(tx, 2, async (readers) => {
            expect(readers).toHaveLength(2);
            throw new Error("afbrudt");
          }),
        snapshot,
      ),
    ).rejects.toThrow("afbrudt");
    expect(pool.totalCount - pool.idleCount).toBe(0);
    await database.db.transaction((tx) => withSnapshotReaders(tx, 2, async () => {}), snapshot);
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});
