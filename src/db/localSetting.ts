// A planner setting changed for some statements of a transaction and restored after them.
import { sql } from "drizzle-orm";
import type { Executor } from "./client.ts";

/**
 * Runs `work` with the setting `name` (from our code, never from input) at `value` in the
 * current transaction, then restores the value it had. When `work` fails the transaction
 * ends anyway, and with it the change.
 */
export async function withLocalSetting<T>(
  db: Executor,
  name: string,
  value: string,
  work: () => Promise<T>,
): Promise<T> {
  const result = (await db.execute(sql`SELECT current_setting(${name}) AS value`)) as unknown as {
    rows: { value: string }[];
  };
  const previous = result.rows[0]!.value;
  await db.execute(sql`SELECT set_config(${name}, ${value}, true)`);
  const done = await work();
  await db.execute(sql`SELECT set_config(${name}, ${previous}, true)`);
  return done;
}
