// Counting the statements a piece of work sends to the driver: a page that should read in one
// round trip is checked where the statements leave, not by trusting the query code.
import type { Database } from "../src/db/client.ts";

/** Runs `work` and returns how many statements it sent to the driver (PGlite's query/exec, pg's pool). */
export async function statementsOf(database: Database, work: () => Promise<unknown>): Promise<number> {
  const target = (database.pglite ?? database.pool) as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  let count = 0;
  for (const name of ["query", "exec"]) {
    const original = target[name];
    if (typeof original !== "function") continue;
    originals.set(name, original);
    target[name] = function (this: unknown, ...args: unknown[]) {
      count++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    for (const [name, original] of originals) target[name] = original;
  }
  return count;
}
