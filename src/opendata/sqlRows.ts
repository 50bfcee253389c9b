// The rows of a raw `db.execute(sql)`: PGlite and node-postgres both answer `{ rows }`,
// but Drizzle types the result per driver, so the one cast lives here.
export function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}
