// The database itself keeps every reference inside one organisation: a child row whose
// organisation differs from its parent's is refused by the composite foreign keys, whatever
// code writes it; the same row in the parent's organisation is accepted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { describe, expect, it } from "vitest";
import { databaseKind, emptyPostgresDatabase } from "../../test/db.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildOrganisation,
  buildPolicy,
  buildTheme,
  type TestOrganisation,
} from "../../test/factories.ts";
import { rowsOf } from "../opendata/sqlRows.ts";
import { type Database, openDatabase } from "./client.ts";
import {
  annualTargets,
  budgetLines,
  goals,
  indicators,
  initiatives,
  observations,
  themes,
} from "./schema.ts";

/** The PostgreSQL error code of what `work` rejects with (drizzle wraps it in `cause`). */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code ?? String(error);
  }
  return "accepted";
}

async function registryOf(org: TestOrganisation) {
  const policy = await buildPolicy(org);
  const theme = await buildTheme(org, policy.id);
  const goal = await buildGoal(org, policy.id, { themeId: theme.id });
  const indicator = await buildIndicator(org, goal.id);
  const initiative = await buildInitiative(org, policy.id);
  return { policy, theme, goal, indicator, initiative };
}

type Parents = Awaited<ReturnType<typeof registryOf>>;

// Each child with the parent it hangs under; `organisationId` is the child's own.
const children: [string, (org: TestOrganisation, organisationId: string, p: Parents) => Promise<unknown>][] =
  [
    [
      "a budget line under an initiative",
      (o, organisationId, p) =>
        o.db
          .insert(budgetLines)
          .values({ organisationId, initiativeId: p.initiative.id, year: 2025, amountDkk: 1 }),
    ],
    [
      "an annual target under an initiative",
      (o, organisationId, p) =>
        o.db
          .insert(annualTargets)
          .values({ organisationId, initiativeId: p.initiative.id, year: 2025, metric: "deltagere" }),
    ],
    [
      "an observation of an indicator",
      (o, organisationId, p) =>
        o.db
          .insert(observations)
          .values({ organisationId, indicatorId: p.indicator.id, period: "2025", year: 2025, value: 1 }),
    ],
    [
      "an indicator under a goal",
      (o, organisationId, p) =>
        o.db.insert(indicators).values({ organisationId, goalId: p.goal.id, title: "Andel" }),
    ],
    [
      "a goal under a policy",
      (o, organisationId, p) =>
        o.db.insert(goals).values({ organisationId, policyId: p.policy.id, text: "Mål" }),
    ],
    [
      "a theme under a policy",
      (o, organisationId, p) =>
        o.db.insert(themes).values({ organisationId, policyId: p.policy.id, number: 99, title: "Tema" }),
    ],
    [
      "an initiative under a policy",
      (o, organisationId, p) =>
        o.db.insert(initiatives).values({ organisationId, policyId: p.policy.id, title: "Indsats" }),
    ],
  ];

describe(`references stay inside their organisation (${databaseKind})`, () => {
  it.each(children)("refuses %s of another organisation, accepts it in its own", async (_, insert) => {
    const [own, other] = [await buildOrganisation(), await buildOrganisation()];
    const parents = await registryOf(own);
    expect(await refusal(insert(own, other.organisationId, parents))).toBe("23503"); // foreign_key_violation
    expect(await refusal(insert(own, own.organisationId, parents))).toBe("accepted");
  });

  it("refuses to move a child into another organisation, and a goal onto another organisation's theme", async () => {
    const [own, other] = [await buildOrganisation(), await buildOrganisation()];
    const mine = await registryOf(own);
    const theirs = await registryOf(other);
    await own.db
      .insert(budgetLines)
      .values({ organisationId: own.organisationId, initiativeId: mine.initiative.id });
    const move = own.db.execute(
      sql`UPDATE ${budgetLines} SET organisation_id = ${other.organisationId} WHERE initiative_id = ${mine.initiative.id}`,
    );
    expect(await refusal(move)).toBe("23503");
    const crossTheme = own.db.execute(
      sql`UPDATE ${goals} SET theme_id = ${theirs.theme.id} WHERE id = ${mine.goal.id}`,
    );
    expect(await refusal(crossTheme)).toBe("23503");
  });
});

const MIGRATIONS = "src/db/migrations";

/** A copy of the migrations folder that ends before `tag`: the schema as it was before it. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8"));
  const cut = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries)
    fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/** A new database of the run's kind, not migrated. */
async function emptyDatabase(): Promise<{ database: Database; close(): Promise<void> }> {
  const url = process.env.PEJL_TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase();
    return { database, close: () => database.close() };
  }
  const empty = await emptyPostgresDatabase(url);
  const database = await openDatabase({ url: empty.url, poolSize: 1 });
  return {
    database,
    async close() {
      await database.close();
      await empty.drop();
    },
  };
}

const migrateTo = (database: Database, migrationsFolder: string) =>
  database.kind === "pglite"
    ? migratePglite(database.db as never, { migrationsFolder })
    : migrateNodePg(database.db as never, { migrationsFolder });

/** The messages of an error and its causes. */
function messages(error: unknown): string {
  const out: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    out.push(String(e.message));
  return out.join(" / ");
}

describe(`the migration that ties references to their organisation (${databaseKind})`, () => {
  it("stops on rows that point into another organisation, names them and changes nothing", async () => {
    const { database, close } = await emptyDatabase();
    const before = migrationsBefore("0007_org_integrity");
    try {
      await migrateTo(database, before);
      const db = database.db;
      await db.execute(sql`INSERT INTO organisations (id, slug, name) VALUES
        ('00000000-0000-4000-8000-00000000000a', 'a', 'A'), ('00000000-0000-4000-8000-00000000000b', 'b', 'B')`);
      await db.execute(sql`INSERT INTO policies (id, organisation_id, slug, title, kind) VALUES
        ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-00000000000a', 'p', 'P', 'policy')`);
      // B's theme under A's policy: the old single-column reference let it in.
      await db.execute(sql`INSERT INTO themes (organisation_id, policy_id, number, title) VALUES
        ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-0000000000a1', 1, 'T')`);

      let failure: unknown;
      await migrateTo(database, MIGRATIONS).catch((error: unknown) => {
        failure = error;
      });
      expect(messages(failure)).toMatch(
        /1 row\(s\) of themes\.policy_id point at policies of another organisation/,
      );
      // One transaction: the constraints the migration adds first are not there either.
      const [added] = rowsOf(
        await db.execute(
          sql`SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'policies_organisation_id'`,
        ),
      );
      expect(added!.n).toBe(0);
    } finally {
      await close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
