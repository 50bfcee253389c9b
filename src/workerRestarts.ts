// When the primary of `pejl serve --workers N` stops replacing workers that die. A worker
// that dies now and then (a bug one request hits, memory) is replaced; workers that die
// soon after they are ready, again and again, have a cause a new process will not mend
// (a database that went away, a broken deployment), and replacing them would only spin.

/** A worker that dies within this long of being ready died "soon". */
export const SOON_MS = 30_000;
/** This many such deaths in a row stop the cluster. */
export const IN_A_ROW = 3;

export function workerRestarts(now: () => number = Date.now) {
  let soonInARow = 0;
  return {
    /** Called when a worker that was ready at `readyAt` has died: whether to start another. */
    replace(readyAt: number): boolean {
      soonInARow = now() - readyAt < SOON_MS ? soonInARow + 1 : 0;
      return soonInARow < IN_A_ROW;
    },
  };
}
