// The pool's reads are prepared once per connection and then only executed;
// what cannot be a prepared statement (several statements in one text) still
// runs. PostgreSQL only (vitest.config.ts): PGlite has no pool.
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { buildOrganisation } from "../../test/factories.ts";
import { type Database, openDatabase } from "./client.ts";
import { organisations } from "./schema.ts";

const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

async function oneConnection(): Promise<Database> {
  const database = await openDatabase({ url: process.env.PEJL_TEST_DATABASE_URL!, poolSize: 1 });
  opened.push(database);
  return database;
}

async function preparedTexts(database: Database): Promise<string[]> {
  const result = await database.pool!.query<{ statement: string }>(
    "select statement from pg_prepared_statements where not from_sql",
  );
  return result.rows.map((r) => r.statement);
}

describe("named statements", () => {
  it("prepare a read with parameters once and give the same rows each time", async () => {
    const { organisationId } = await buildOrganisation();
    const database = await oneConnection();
    const read = () =>
      database.db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
    const first = await read();
    const second = await read();
    expect(second).toEqual(first);
    expect(first).toHaveLength(1);
    const texts = (await preparedTexts(database)).filter((t) => t.includes('from "organisations"'));
    expect(texts).toHaveLength(1);
  });

  it("leave texts without parameters to the simple protocol, which runs several statements", async () => {
    const database = await oneConnection();
    await database.db.execute(sql.raw("select 1; select 2"));
    expect(await preparedTexts(database)).toEqual([]);
  });
});
