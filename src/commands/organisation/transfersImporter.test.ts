// `pejl import-data DIR DIR …`: each package into the organisation it names, one
// transaction each, in order; the first refused package stops the command and changes
// nothing of its own, and the packages before it stay imported.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildOrganisation } from "../../../test/factories.ts";
import {
  freshDatabaseEachTest,
  operator,
  sourcePackage,
  spoiltPackage,
} from "../../../test/fixtures/datapackage/helpers.ts";
import type { Db } from "../../db/client.ts";
import { initiatives, organisations } from "../../db/schema.ts";
import { transfersImporter } from "./transfersImporter.ts";

const fresh = freshDatabaseEachTest();

async function initiativeCount(db: Db, slug: string): Promise<number> {
  const rows = await db
    .select({ id: initiatives.id })
    .from(initiatives)
    .innerJoin(organisations, eq(organisations.id, initiatives.organisationId))
    .where(eq(organisations.slug, slug));
  return rows.length;
}

describe("transfersImporter", () => {
  it("imports several packages, each into the organisation it names, created in an empty database", async () => {
    const [a, b] = [await sourcePackage(), await sourcePackage()];
    const told: string[] = [];
    const results = await transfersImporter(operator(fresh.db), { dirs: [a.dir, b.dir] }, (dir) =>
      told.push(dir),
    );
    expect(results.map((r) => r.organisation)).toEqual([
      expect.objectContaining({ slug: a.slug, created: true }),
      expect.objectContaining({ slug: b.slug, created: true }),
    ]);
    expect(told).toEqual([a.dir, b.dir]);
    expect(await initiativeCount(fresh.db, a.slug)).toBe(2);
    expect(await initiativeCount(fresh.db, b.slug)).toBe(2);
  });

  // Reading the next package ahead in a worker thread, or one after the other in this one.
  it.each([
    ["reading ahead", true],
    ["one after the other", false],
  ])(
    "stops at a refused package, changing nothing of it; the packages before it stay imported (%s)",
    async (_, overlap) => {
      const [a, b, c, d] = [
        await sourcePackage(),
        await sourcePackage(),
        await sourcePackage(),
        await sourcePackage(),
      ];
      const spoilt = spoiltPackage(c.dir);
      const error = await transfersImporter(
        operator(fresh.db),
        { dirs: [a.dir, b.dir, spoilt, d.dir] },
        undefined,
        overlap,
      ).catch((e: Error) => e);
      expect(error).toMatchObject({ id: "bad_package" });
      expect((error as Error).message).toMatch(new RegExp(`^${spoilt}: The data package was not imported`));
      expect((error as Error).message).toContain(
        `. The packages before it were imported: ${a.dir}, ${b.dir}.`,
      );
      const slugs = (await fresh.db.select().from(organisations)).map((o) => o.slug);
      expect(slugs.sort()).toEqual([a.slug, b.slug].sort());
      expect(await initiativeCount(fresh.db, a.slug)).toBe(2);
      expect(await initiativeCount(fresh.db, b.slug)).toBe(2);
    },
  );

  it("refuses a user who is not the operator, creating nothing", async () => {
    const a = await sourcePackage();
    const { buildActor } = await import("../../../test/actors.ts");
    const org = await buildOrganisation();
    const admin = await buildActor(org, "admin");
    await expect(
      transfersImporter({ db: fresh.db, actor: admin.actor }, { dirs: [a.dir, a.dir] }),
    ).rejects.toMatchObject({ id: "forbidden" });
    expect(await fresh.db.select().from(organisations)).toEqual([]);
  });
});
