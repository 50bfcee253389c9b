// `pejl serve --workers N`: one machine's cores for one installation. A node:cluster
// primary does the one-time set-up (migrations, clean-up, demo, statistics, the
// session secret and set-up code), closes its database and forks N workers that
// each open their own pool and listen on the same port (the cluster shares it).
// Several processes on one PostgreSQL already agree with each other: render caches
// hear writes through LISTEN/NOTIFY (queries/generationSync.ts), rate limits live in
// the database, and the periodic tick takes an advisory lock.
//
// The periodic jobs run in one worker, which the primary names (and names again in
// the worker that replaces it): the advisory lock only keeps ticks from
// overlapping, so N workers would each tick every period. A worker rather than the
// primary, because the primary hands every connection to a worker and keeps no
// database, and a tick's writes reach the other workers' caches through the
// worker's own NOTIFY, as any request's do.
//
// The primary supervises: a worker that dies after it was ready is replaced, unless
// workers keep dying soon after they are ready (workerRestarts.ts); one that dies
// before it was ready (a database that refuses connections, a port in use) stops
// them all with a non-zero exit, not a loop of forks. SIGINT/SIGTERM
// asks every worker to finish its requests and close its database, then exits.
import cluster, { type Worker } from "node:cluster";
import { z } from "zod";
import { openFromEnv } from "./boot.ts";
import { type Env, refuseWorkersOnPglite } from "./env.ts";
import { AppError } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { startPeriodicJobs } from "./outbox/periodic.ts";
import { announceReady, listen, type ServerSetup, setUpServer } from "./server.ts";
import { IN_A_ROW, SOON_MS, workerRestarts } from "./workerRestarts.ts";

/** The primary's set-up, handed to each worker in its environment (not configuration: set by the primary). */
const HANDOFF = "PEJL_WORKER_SETUP";

const handoffSchema = z.object({
  /** Whether this worker runs the periodic jobs (one worker of the cluster does). */
  periodicJobs: z.boolean(),
  secret: z.string().min(32),
  setupCode: z.string().optional(),
  organisationId: z.string().optional(),
  hosts: z.array(z.tuple([z.string(), z.string()])),
});

type Message = { type: "ready"; port: number } | { type: "stop" };

/** The primary: set up once, fork, supervise; resolves when every worker has stopped after a signal. */
export async function runPrimary(env: Env, logger: Logger, opts: { demo?: boolean } = {}): Promise<void> {
  refuseWorkersOnPglite(env);
  const started = performance.now();
  const database = await openFromEnv(env);
  let setup: ServerSetup;
  try {
    setup = await setUpServer(database, env, logger, opts);
  } finally {
    await database.close();
  }

  const count = env.PEJL_WORKERS;
  // cluster.workers drops a worker only once both its process and its channel closed: our own count.
  const live = new Set<Worker>();
  /** The ready workers, with when each became ready. */
  const ready = new Map<Worker, number>();
  const restarts = workerRestarts();
  let announced = false;
  let stopping = false;
  let failure: Error | undefined;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });

  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping the workers");
    // Only to the ready: one still starting may not hear a message yet, and is told when it is ready.
    for (const worker of ready.keys())
      if (worker.isConnected()) worker.send({ type: "stop" } satisfies Message);
    if (live.size === 0) finished();
  };

  let jobsIn: Worker | undefined;
  const fork = () => {
    const periodicJobs = !jobsIn;
    const worker = cluster.fork({ [HANDOFF]: JSON.stringify({ ...setup, periodicJobs }) });
    if (periodicJobs) jobsIn = worker;
    live.add(worker);
    worker.on("message", (message: Message) => {
      if (message?.type !== "ready") return;
      ready.set(worker, Date.now());
      logger.debug({ worker: worker.id, pid: worker.process.pid }, "worker ready");
      if (stopping) worker.send({ type: "stop" } satisfies Message);
      else if (!announced && ready.size === count) {
        announced = true;
        announceReady(logger, {
          port: message.port,
          database: "postgres",
          ms: Math.round(performance.now() - started),
          setupCode: setup.setupCode,
          workers: count,
        });
      }
    });
  };

  cluster.on("exit", (worker, code, signal) => {
    live.delete(worker);
    const readyAt = ready.get(worker);
    ready.delete(worker);
    if (jobsIn === worker) jobsIn = undefined;
    if (stopping) {
      if (code !== 0 && !failure) {
        failure = new AppError(
          "internal",
          `A worker did not stop cleanly (${signal ?? `exit code ${code}`}).`,
        );
        logger.error({ worker: worker.id, code, signal }, "a worker did not stop cleanly");
      }
    } else if (readyAt === undefined) {
      failure = new AppError(
        "internal",
        `A worker stopped before it was ready (${signal ?? `exit code ${code}`}); its error is above. All workers are stopped.`,
      );
      logger.error({ worker: worker.id, code, signal }, "a worker stopped before it was ready");
      stopAll();
    } else if (restarts.replace(readyAt)) {
      logger.error({ worker: worker.id, code, signal }, "a worker stopped unexpectedly; starting another");
      fork();
    } else {
      failure = new AppError(
        "internal",
        `${IN_A_ROW} workers in a row stopped within ${SOON_MS / 1000} s of being ready (the last: ${signal ?? `exit code ${code}`}); their errors are above. All workers are stopped.`,
      );
      logger.error(
        { worker: worker.id, code, signal },
        "workers keep stopping soon after they start; stopping all",
      );
      stopAll();
    }
    if (stopping && live.size === 0) finished();
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stopAll);
  for (let i = 0; i < count; i++) fork();
  await done;
  if (failure) throw failure;
  logger.info("every worker has stopped");
}

/** A worker: serve with the primary's set-up until the primary (or a signal) says stop. */
export async function runWorker(env: Env, logger: Logger): Promise<void> {
  // Heard before "ready" is sent, which is when the primary may first say stop; a signal
  // (Ctrl-C reaches every process of the group) may come sooner, while this worker starts.
  const stopRequested = new Promise<void>((resolve) => {
    process.on("message", (message: Message) => {
      if (message?.type === "stop") resolve();
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  const { periodicJobs, ...setup } = handoffSchema.parse(JSON.parse(process.env[HANDOFF] ?? "null"));
  const workerLogger = logger.child({ worker: cluster.worker?.id });
  // The primary applied the migrations before forking.
  const database = await openFromEnv(env, { migrate: false });
  const running = await listen(database, env, workerLogger, setup).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const jobs = periodicJobs ? startPeriodicJobs({ database, env, logger: workerLogger }) : undefined;
  process.send?.({ type: "ready", port: running.port } satisfies Message);
  await stopRequested;
  // The tick stops first: it must not run against a closed database.
  await jobs?.stop();
  await running.stop();
  // The channel to the primary would keep this process alive.
  process.disconnect?.();
}
