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
 * Keeps values by key, each valid while the generation it was read at is its scope's current
 * one and for at most MAX_AGE_MS; at most `limit` of them, the least recently used going first.
 */
function keeper<T>(limit = Number.POSITIVE_INFINITY) {
  const kept = new Map<string, Kept<T>>();
  /** The kept value of `key`, if still valid for `scope`. */
  const valid = (key: string, scope: string): Promise<T> | undefined => {
    const hit = kept.get(key);
    if (!hit || hit.generation !== currentGeneration(scope) || Date.now() - hit.at >= MAX_AGE_MS) return;
    // A Map iterates in insertion order: moved to the end, it is the most recently used.
    kept.delete(key);
    kept.set(key, hit);
    return hit.value;
  };
  /** Keeps `value` as read at `generation` (read before loading, so rows read after a concurrent commit count as older). */
  const store = (key: string, generation: number, value: Promise<T>) => {
    const entry = { generation, at: Date.now(), value };
    kept.delete(key);
    kept.set(key, entry);
    if (kept.size > limit) kept.delete(kept.keys().next().value as string);
    value.catch(() => {
      if (kept.get(key) === entry) kept.delete(key);
    });
  };
  /** Drops the values of every key not in `keys`. */
  const keepOnly = (keys: ReadonlySet<string>) => {
    for (const key of kept.keys()) if (!keys.has(key)) kept.delete(key);
  };
  const keep = (key: string, scope: string, load: () => Promise<T>): Promise<T> => {
    const hit = valid(key, scope);
    if (hit) return hit;
    const generation = currentGeneration(scope);
    const value = load();
    store(key, generation, value);
    return value;
  };
  return { valid, store, keep, keepOnly };
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
  const { keep } = keeper<T>(opts.limit);
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
  const { keep } = keeper<T>();
  return () => keep("", scope, load);
}

/** Parts kept per organisation; `keepOnly` drops those of every organisation not named (one deleted since). */
export interface PartsMemo<T> {
  (organisationIds: readonly string[]): Promise<T[]>;
  keepOnly(organisationIds: ReadonlySet<string>): void;
}

/**
 * A read across organisations kept in parts, one per organisation, each valid while
 * that organisation's generation is unchanged: so one organisation's write reloads its part
 * alone, where a value kept by NATIONAL_SCOPE would reload every organisation's. A call names
 * the organisations it needs and gets their parts in that order; those without a valid part
 * are read together, in one call of `load`, which returns a part for each of them. Concurrent
 * calls share a load. No write of a deleted organisation would ever replace its part: with
 * `everyOrganisation`, each call names every organisation there is and the parts of any other
 * are dropped; a memo called with a few names is pruned by its `keepOnly`.
 */
export function memoPartsByGeneration<T>(
  load: (organisationIds: readonly string[]) => Promise<ReadonlyMap<string, T>>,
  opts: { everyOrganisation?: boolean } = {},
): PartsMemo<T> {
  const { valid, store, keepOnly } = keeper<T>();
  const parts = (organisationIds: readonly string[]) => {
    if (opts.everyOrganisation) keepOnly(new Set(organisationIds));
    const kept = organisationIds.map((id) => valid(id, id));
    const missing = [...new Set(organisationIds.filter((_, i) => !kept[i]))];
    if (missing.length) {
      const generations = missing.map((id) => currentGeneration(id));
      const loaded = load(missing);
      const partOf = new Map(
        missing.map((id, i) => {
          const part = loaded.then((byId) => {
            if (!byId.has(id)) throw new Error(`The load returned no part for the organisation ${id}.`);
            return byId.get(id) as T;
          });
          store(id, generations[i]!, part);
          return [id, part] as const;
        }),
      );
      organisationIds.forEach((id, i) => {
        kept[i] ??= partOf.get(id);
      });
    }
    return Promise.all(kept as Promise<T>[]);
  };
  return Object.assign(parts, { keepOnly });
}
