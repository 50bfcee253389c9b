// The initiative page's read is one statement, counted at the driver: each list a subquery
// of the initiative's row, so an uncached page holds one pooled connection, not one per list.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../../../test/db.ts";
import { buildInitiative, buildOrganisation, buildPolicy } from "../../../test/factories.ts";
import { statementsOf } from "../../../test/statements.ts";
import { initiativeDetail } from "./detail.ts";

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
