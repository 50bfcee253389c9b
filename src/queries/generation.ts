// The registry's "generation": a counter per organisation that every write
// bumps, so caches of rendered pages (web/portal/renderCache.ts) know at once
// that what they hold may be out of date. Reading it costs nothing (no query),
// which is what lets a cached page be served at close to static-file speed.
//
// Contract for writers: inside the transaction that changes public data, call
// `announceChange` (changeNotice.ts), which tells the other processes on
// PostgreSQL when it commits; AFTER the commit, call `bumpGeneration` (bumping
// before it would let a concurrent request re-render the old rows and cache them
// under the new generation). One place that covers every command is the
// outermost `inTransaction` in context.ts.
//
// The counter lives in this process. With several server processes on one
// PostgreSQL (DESIGN.md §10) each hears the others' notifications
// (generationSync.ts) and bumps its own counter. What is kept by generation is
// also dropped after MAX_AGE_MS: a bound for the writes Pejl cannot see (an
// operator's SQL straight into the database).

const generations = new Map<string, number>();

/**
 * The scope of pages that show every organisation (the national pages): its
 * generation moves with any organisation's.
 */
export const NATIONAL_SCOPE = "national";
/**
 * How long a page or read kept by generation may be served at most: a bound for
 * writes made outside Pejl's commands, which tell nobody.
 */
export const MAX_AGE_MS = 5 * 60_000;

type Listener = (organisationId: string, generation: number) => void;
const listeners = new Set<Listener>();

/** The current generation of an organisation's registry (0 until the first write in this process). */
export function currentGeneration(organisationId: string): number {
  return generations.get(organisationId) ?? 0;
}

function bump(scope: string): number {
  const next = currentGeneration(scope) + 1;
  generations.set(scope, next);
  for (const listener of listeners) listener(scope, next);
  return next;
}

/**
 * Marks the organisation's registry (and so the national pages) as changed, whether this
 * process or another made the write; returns the new generation.
 */
export function bumpGeneration(organisationId: string): number {
  const next = bump(organisationId);
  if (organisationId !== NATIONAL_SCOPE) bump(NATIONAL_SCOPE);
  return next;
}

/** Called on every bump (the render cache drops an organisation's pages). Returns an unsubscribe function. */
export function onGenerationBump(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
