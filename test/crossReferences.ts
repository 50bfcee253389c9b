// Rows that name another organisation's rows. The database refuses them (references
// between an organisation's tables go through (organisation_id, id)); the queries keep
// the organisation's condition on every table all the same, so a constraint dropped or
// written around still leaks nothing. Tests write such rows with the reference checks
// off for one transaction, as no command could.
import { sql } from "drizzle-orm";
import type { Db } from "../src/db/client.ts";

export function withoutReferenceChecks<T>(db: Db, write: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Foreign keys are triggers that a replica session does not fire (superuser only, as in tests).
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    return write(tx);
  });
}
