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
// PostgreSQL (DESIGN.md §10) each bump is told to the others through
// LISTEN/NOTIFY (generationSync.ts), which bump theirs as a peer's; the render
// cache also expires entries after a short time (MAX_AGE_MS there), which
// bounds staleness should a notification be missed.

const generations = new Map<string, number>();

/**
 * The scope of pages that show every organisation (the national pages): its
 * generation moves with any organisation's.
 */
export const NATIONAL_SCOPE = "national";
/** Who made a bump: a write in this process, or another server process's (told by the database). */
export type BumpOrigin = "local" | "peer";
type Listener = (organisationId: string, generation: number, origin: BumpOrigin) => void;
const listeners = new Set<Listener>();

/** The current generation of an organisation's registry (0 until the first write in this process). */
export function currentGeneration(organisationId: string): number {
  return generations.get(organisationId) ?? 0;
}

function bump(scope: string, origin: BumpOrigin): number {
  const next = currentGeneration(scope) + 1;
  generations.set(scope, next);
  for (const listener of listeners) listener(scope, next, origin);
  return next;
}

/**
 * Marks the organisation's registry (and so the national pages) as changed; returns the new
 * generation. `origin: "peer"` when another server process made the write.
 */
export function bumpGeneration(organisationId: string, origin: BumpOrigin = "local"): number {
  const next = bump(organisationId, origin);
  if (organisationId !== NATIONAL_SCOPE) bump(NATIONAL_SCOPE, origin);
  return next;
}

/** Called on every bump (the render cache drops an organisation's pages). Returns an unsubscribe function. */
export function onGenerationBump(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
