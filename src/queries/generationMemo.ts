// Per-organisation reads that every uncached page repeats (the policies that
// are current, the filter's drop-downs, the front page's summaries) are kept
// until the organisation's registry changes: the same generation the render
// cache follows (generation.ts), so a write shows at once. Concurrent requests
// share one load. Inside a transaction the database is read as it is (the
// transaction may have written what the kept value does not hold yet).
import type { Context } from "../context.ts";
import { currentGeneration, MAX_AGE_MS } from "./generation.ts";

interface Kept<T> {
  generation: number;
  at: number;
  value: Promise<T>;
}

/**
 * Keeps values by key, each valid while `scope`'s generation is unchanged and for at most
 * MAX_AGE_MS; at most `limit` of them, the least recently used going first.
 */
function keeper<T>(limit = Number.POSITIVE_INFINITY) {
  const kept = new Map<string, Kept<T>>();
  return (key: string, scope: string, load: () => Promise<T>): Promise<T> => {
    // Read before loading: rows read after a concurrent commit are then kept under the older generation.
    const generation = currentGeneration(scope);
    const now = Date.now();
    const hit = kept.get(key);
    if (hit && hit.generation === generation && now - hit.at < MAX_AGE_MS) {
      // A Map iterates in insertion order: moved to the end, it is the most recently used.
      kept.delete(key);
      kept.set(key, hit);
      return hit.value;
    }
    const value = load();
    const entry = { generation, at: now, value };
    kept.delete(key);
    kept.set(key, entry);
    if (kept.size > limit) kept.delete(kept.keys().next().value as string);
    value.catch(() => {
      if (kept.get(key) === entry) kept.delete(key);
    });
    return value;
  };
}

/**
 * `load` once per organisation (and key) and generation; with `limit`, at most that many
 * values are kept (for reads per entity, which a crawl of every page would otherwise pile up).
 */
export function memoByGeneration<T, A extends unknown[] = []>(
  load: (ctx: Context, ...args: A) => Promise<T>,
  keyOf: (...args: A) => string = () => "",
  opts: { limit?: number } = {},
): (ctx: Context, ...args: A) => Promise<T> {
  const keep = keeper<T>(opts.limit);
  return (ctx, ...args) => {
    if (ctx.inTransaction) return load(ctx, ...args);
    return keep(`${ctx.organisationId} ${keyOf(...args)}`, ctx.organisationId, () => load(ctx, ...args));
  };
}

/**
 * `load` once per generation of `scope`: for reads across organisations (the national
 * pages, NATIONAL_SCOPE), which any organisation's write changes. Never inside a transaction.
 */
export function memoByScope<T>(scope: string, load: () => Promise<T>): () => Promise<T> {
  const keep = keeper<T>();
  return () => keep("", scope, load);
}
