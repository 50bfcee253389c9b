// PostgreSQL parses, analyses and plans every unnamed statement anew, and the
// portal runs the same few dozen SQL texts over and over: on the demo's pages
// that work was half of the server's CPU per query. So the pool's reads go as
// named (prepared) statements: each connection parses a text once and then
// only binds and executes it (node-postgres keeps which names a connection
// has). PostgreSQL still plans the first executions with their values and
// keeps a generic plan only where it is no dearer (plan_cache_mode "auto").
// Prepared statements live as long as their connection, so the named texts are
// bounded: texts past the bound, and long parameter lists (a text per list
// length), run unnamed as before, and so do texts without parameters (those
// go by the simple protocol, which allows several statements in one text).
// Transactions run on their own connection without this (client.ts).
import { createHash } from "node:crypto";
import type pg from "pg";

/** At most this many different texts are named, so a connection holds at most this many statements. */
const MAX_NAMED_TEXTS = 200;
/** A text with more parameters than this is usually an IN list of one request's length: not named. */
const MAX_PARAMETERS = 32;

interface QueryConfig {
  text?: unknown;
  name?: unknown;
}

/** Makes `pool.query` send reads as named statements; returns the pool. */
export function nameStatements(pool: pg.Pool): pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined || names.size >= MAX_NAMED_TEXTS) return known;
    const name = `pejl_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
    names.set(text, name);
    return name;
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    const c = config as QueryConfig | undefined;
    if (
      c !== null &&
      typeof c === "object" &&
      typeof c.text === "string" &&
      c.name === undefined &&
      Array.isArray(values) &&
      values.length > 0 &&
      values.length <= MAX_PARAMETERS
    ) {
      const name = nameOf(c.text);
      if (name !== undefined) return query({ ...c, name }, values, callback);
    }
    return query(config, values, callback);
  };
  return pool;
}
