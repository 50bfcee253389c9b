// `pejl serve` and `npm start`: serve until SIGINT/SIGTERM, with the periodic tick
// (outbox, automatic reminders, clean-up) beside the server. One process, or with
// PEJL_WORKERS/--workers above 1 a primary and its workers (workers.ts).
import cluster from "node:cluster";
import { type Env, refuseWorkersOnPglite } from "./env.ts";
import type { Logger } from "./logger.ts";
import { startPeriodicJobs } from "./outbox/periodic.ts";
import { startServer } from "./server.ts";
import { runPrimary, runWorker } from "./workers.ts";

export async function serveUntilStopped(env: Env, logger: Logger, opts: { demo?: boolean } = {}) {
  // A worker runs the same entry point as its primary, and lands here.
  if (cluster.isWorker) return runWorker(env, logger);
  refuseWorkersOnPglite(env);
  if (env.PEJL_WORKERS > 1) return runPrimary(env, logger, opts);
  const { stop, database } = await startServer(env, logger, opts);
  const jobs = startPeriodicJobs({ database, env, logger });
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  // The tick stops first: it must not run against a closed database.
  await jobs.stop();
  await stop();
}
