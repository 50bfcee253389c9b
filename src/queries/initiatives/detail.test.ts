// The initiative page's read is one statement, counted at the driver: each list a subquery
// of the initiative's row, so an uncached page holds one pooled connection, not one per list.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../../test/db.ts";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import type { Database } from "../../db/client.ts";
import { initiativeDetail } from "./detail.ts";

/** Runs `work` and returns how many statements it sent to the driver (PGlite's query/exec, pg's pool). */
async function statementsOf(database: Database, work: () => Promise<unknown>): Promise<number> {
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

describe("initiativeDetail", () => {
  it("reads the initiative and all its lists in one statement", async () => {
    const org = await buildOrganisation();
    const initiative = await buildInitiative(org, (await buildPolicy(org)).id);
    const database = await testDatabase();
    let detail: Awaited<ReturnType<typeof initiativeDetail>>;
    const count = await statementsOf(database, async () => {
      detail = await initiativeDetail(org.ctx(), initiative.id);
    });
    expect(detail!.initiative.title).toBe(initiative.title);
    expect(count).toBe(1);
  });
});
