// The planner's statistics on PGlite. PostgreSQL's autovacuum analyses tables
// as their rows change; PGlite runs no autovacuum, so after the demo load or a
// bulk import its planner knows nothing of the rows (it guesses, and an
// initiative page was measured at 295 ms before ANALYZE and 87 ms after). The
// places that write many rows at once call `refreshStatistics`, and a server
// start analyses a database whose tables were never analysed (one restored or
// written by an older version). `pejl import-data` analyses the tables it wrote on
// PostgreSQL too (refreshTableStatistics), since autovacuum comes late after a bulk import.
import { sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { quoteIdentifier } from "./identifier.ts";

/** ANALYZE on PGlite (some hundred milliseconds for a municipality); nothing on PostgreSQL, where autovacuum does it. */
export async function refreshStatistics(database: Database): Promise<boolean> {
  if (database.kind !== "pglite") return false;
  await database.db.execute(sql`ANALYZE`);
  return true;
}

/**
 * After a bulk write of these tables: on PGlite the whole database, as above; on PostgreSQL
 * the tables named. Autovacuum analyses them too, but only some while after a bulk import,
 * and until then the planner guesses (a list page measured at 185–235 ms before and
 * 12–22 ms after). Table names come from the schema, never from input.
 */
export async function refreshTableStatistics(database: Database, tables: string[]): Promise<void> {
  if (database.kind === "pglite") {
    await refreshStatistics(database);
    return;
  }
  if (tables.length === 0) return;
  const names = tables.map(quoteIdentifier).join(", ");
  await database.db.execute(sql.raw(`ANALYZE ${names}`));
}

/** Whether a table of the schema holds rows but was never analysed (reltuples -1: unknown). */
export async function statisticsMissing(database: Database): Promise<boolean> {
  if (database.kind !== "pglite") return false;
  const result = (await database.db.execute(sql`
    select exists (
      select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0 and pg_relation_size(c.oid) > 0
    ) as missing`)) as unknown as { rows: { missing: boolean }[] };
  return result.rows[0]?.missing === true;
}
