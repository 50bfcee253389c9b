// The registry's "generation": a counter per organisation that every write
// bumps, so caches of rendered pages (web/portal/renderCache.ts) know at once
// that what they hold may be out of date. Reading it costs nothing (no query),
// which is what lets a cached page be served at close to static-file speed.
//
// Contract for writers: call `bumpGeneration(organisationId)` AFTER the
// transaction that changed public data has committed (bumping before the
// commit would let a concurrent request re-render the old rows and cache them
// under the new generation). One place that covers every command is the end of
// the outermost `inTransaction` in context.ts.
//
// The counter lives in this process. With several server processes on one
// PostgreSQL (DESIGN.md §10) a write in one is not seen by the others'
// counters; the render cache therefore also expires entries after a short
// time (see MAX_AGE_MS there), which bounds staleness everywhere.

const generations = new Map<string, number>();

/**
 * The scope of pages that show every organisation (the national pages): its
 * generation moves with any organisation's.
 */
export const NATIONAL_SCOPE = "national";
const listeners = new Set<(organisationId: string, generation: number) => void>();

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

/** Marks the organisation's registry (and so the national pages) as changed; returns the new generation. */
export function bumpGeneration(organisationId: string): number {
  const next = bump(organisationId);
  bump(NATIONAL_SCOPE);
  return next;
}

/** Called on every bump (the render cache drops an organisation's pages). Returns an unsubscribe function. */
export function onGenerationBump(listener: (organisationId: string, generation: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
