// PGlite runs no autovacuum: after rows are written in bulk the planner knows nothing of
// them until someone analyses; the server start and the bulk loads do (statistics.ts).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseKind, openFreshDatabase, openFreshPglite } from "../../test/db.ts";
import { buildOrganisation } from "../../test/factories.ts";
import { packageTables } from "../opendata/resources.ts";
import { refreshStatistics, refreshTableStatistics, statisticsMissing } from "./statistics.ts";

const estimate = async (db: Awaited<ReturnType<typeof openFreshPglite>>["db"], table: string) => {
  const result = (await db.execute(
    sql`select reltuples::int as n from pg_class where relname = ${table}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
};

describe("planner statistics on the embedded database", () => {
  it("are missing after rows are written and present after refreshStatistics", async () => {
    const database = await openFreshPglite();
    try {
      await buildOrganisation(database.db);
      expect(await statisticsMissing(database)).toBe(true);
      expect(await refreshStatistics(database)).toBe(true);
      expect(await statisticsMissing(database)).toBe(false);
      expect(await estimate(database.db, "administrations")).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it(`after a bulk import know the rows of the tables it wrote (${databaseKind})`, async () => {
    const fresh = await openFreshDatabase();
    try {
      await buildOrganisation(fresh.db);
      await refreshTableStatistics(fresh.database, packageTables());
      expect(await estimate(fresh.db, "administrations")).toBeGreaterThan(0);
      expect(await estimate(fresh.db, "committees")).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
