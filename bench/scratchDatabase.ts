// A PostgreSQL database of the bench's own on the given server, migrated, so a bench never
// writes into real data; dropped afterwards whatever happens (the tests' own helper).
import { type Database, openDatabase } from "../src/db/client.ts";
import { emptyPostgresDatabase } from "../test/db.ts";

/** Runs `work` on a new, migrated database on the server at `url`, then drops it. */
export async function withScratchDatabase(
  url: string,
  work: (database: Database, label: string) => Promise<void>,
): Promise<void> {
  const scratch = await emptyPostgresDatabase(url);
  const database = await openDatabase({ url: scratch.url, poolSize: 4 });
  try {
    await database.migrate();
    await work(database, `PostgreSQL (${database.location.replace(/\/[^/]*$/, "/…")})`);
  } finally {
    await database.close();
    await scratch.drop();
  }
}
