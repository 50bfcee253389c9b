// A table or column name written into SQL text: double-quoted, an inner quote doubled.
// Where a statement is built as text (COPY, UNION ALL of every resource, ANALYZE) rather
// than through Drizzle's `sql.identifier`.
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
