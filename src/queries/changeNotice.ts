// Telling every server process on the same PostgreSQL that an organisation's
// registry changed. The NOTIFY is sent inside the writing transaction, so
// PostgreSQL delivers it when, and only when, that transaction commits: no commit
// goes untold, whichever process made it (a server, `pejl import-data`, a
// script using the commands), and a rolled-back one tells nothing. The listening
// side is generationSync.ts. PGlite is one process: there is nobody to tell.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Executor, rawConnection } from "../db/client.ts";

export const GENERATION_CHANNEL = "pejl_generation";

/** This process, as its notifications name it, so that it can ignore its own. */
export const PROCESS_ID = randomUUID();

/** Inside the writing transaction, before it commits: other processes hear of it on commit. */
export async function announceChange(tx: Executor, organisationId: string): Promise<void> {
  if (rawConnection(tx)?.kind !== "postgres") return;
  await tx.execute(sql`select pg_notify(${GENERATION_CHANNEL}, ${`${PROCESS_ID} ${organisationId}`})`);
}

/** The organisation named in another process's notification, or undefined for this process's own. */
export function changedElsewhere(payload: string | undefined): string | undefined {
  const [from, scope] = (payload ?? "").split(" ");
  return from && scope && from !== PROCESS_ID ? scope : undefined;
}
