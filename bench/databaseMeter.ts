// What the benches count of the database's work (crawl.ts, render.ts), at the driver: every
// node-postgres connection (the pool's, a transaction's, a snapshot reader's) or PGlite's
// query and exec. Counted: the queries; the waits (each time a query starts while none is
// running: queries run together count once, and under load each wait costs a request a turn
// of the event loop); and the wall time during which at least one query was running (a page
// runs some at once, so their own times would add up to more than the request took).
import pg from "pg";

export interface DatabaseMeter {
  queries: number;
  waits: number;
  busyMs: number;
}

/** Starts counting the database's work in this process (for the rest of it). */
export function meterDatabase(database: { pglite?: object }): DatabaseMeter {
  const meter: DatabaseMeter = { queries: 0, waits: 0, busyMs: 0 };
  let running = 0;
  let since = 0;
  const started = () => {
    if (running++ === 0) {
      meter.waits++;
      since = performance.now();
    }
    meter.queries++;
  };
  const ended = () => {
    if (--running === 0) meter.busyMs += performance.now() - since;
  };
  const targets: [object, string[]][] = database.pglite
    ? [[database.pglite, ["query", "exec"]]]
    : [[pg.Client.prototype, ["query"]]];
  for (const [target, names] of targets)
    for (const name of names) {
      const original = (target as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        // The pool runs its queries with a callback; Drizzle on a connection, with a promise.
        const last = args.length - 1;
        const callback = args[last];
        if (typeof callback === "function") {
          started();
          args[last] = (...answer: unknown[]) => {
            ended();
            return callback(...answer);
          };
          return original.apply(this, args);
        }
        const result = original.apply(this, args);
        // A COPY stream is neither: not counted.
        if (!(result instanceof Promise)) return result;
        started();
        return result.finally(ended);
      };
    }
  return meter;
}
