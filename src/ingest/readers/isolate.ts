// Run a reader in a worker thread: a hostile file that makes a parser loop or balloon costs a
// worker, never the server. The worker is terminated at the time limit, its V8 heap is capped,
// and a watchdog stops it when the process's resident memory grows past the limit (decoded PDF
// streams are ArrayBuffers, which the heap cap does not count).
//
// Starting a worker and loading pdf.js, mammoth and linkedom takes about a second, so a worker
// that finished a document normally (text, or a refusal such as pdf_encrypted) is kept for the
// next one. A worker that ran out of time or memory, crashed, or saw a parser throw something
// unforeseen or leave a rejection unhandled is discarded, and workers retire after MAX_JOBS
// documents, so whatever a hostile file might leave behind in a parser does not live on.
import type { Worker } from "node:worker_threads";
import { startWorker } from "../../workerThread.ts";
import type { DocumentFormat } from "../detect.ts";
import type { ReadLimits } from "../limits.ts";
import type { RawText } from "../types.ts";
import { ReadError, type ReadErrorCode, readErrors } from "./readError.ts";

export interface WorkerJob {
  format: DocumentFormat;
  bytes: ArrayBuffer;
  limits: ReadLimits;
}

/**
 * `reusable` is false when a parser threw something unforeseen, or left a promise rejection or
 * an exception unhandled (pdf.js does, on some damaged files): the worker's state is suspect.
 */
export type WorkerReply =
  | { ok: true; raw: RawText; reusable: boolean }
  | { ok: false; code: ReadErrorCode; message: string; reusable: boolean };

/** Posted once by a new worker when its parsers are loaded. */
export const WORKER_READY = "ready";

const MB = 1024 * 1024;
const WATCHDOG_INTERVAL_MS = 50;
const MAX_IDLE = 1;
const MAX_JOBS = 50;
/** Loading pdf.js, mammoth and linkedom takes about a second; this is for a machine under load. */
const STARTUP_TIMEOUT_MS = 30_000;

interface PooledWorker {
  worker: Worker;
  /** Resolves when the parsers are loaded, so that the time limit measures reading alone. */
  ready: Promise<void>;
  /** The V8 heap cap is fixed when a worker starts; a job asking for another cap gets another worker. */
  heapMb: number;
  jobs: number;
}

const idle: PooledWorker[] = [];

function spawn(heapMb: number): PooledWorker {
  const worker = startWorker("worker", import.meta.url, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: 8 },
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("reader worker did not start in time")),
      STARTUP_TIMEOUT_MS,
    );
    timer.unref();
    const onMessage = (message: unknown) => {
      if (message !== WORKER_READY) return;
      clearTimeout(timer);
      worker.off("message", onMessage);
      resolve();
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`reader worker exited with code ${code}`)));
  });
  ready.catch(() => {}); // observed by runInWorker; an idle worker's failure needs no handler
  const pooled: PooledWorker = { worker, ready, heapMb, jobs: 0 };
  // An idle worker that dies (or errors) simply leaves the pool.
  worker.on("exit", () => removeIdle(pooled));
  worker.on("error", () => removeIdle(pooled));
  return pooled;
}

function removeIdle(pooled: PooledWorker): void {
  const at = idle.indexOf(pooled);
  if (at >= 0) idle.splice(at, 1);
}

function acquire(heapMb: number): PooledWorker {
  const at = idle.findIndex((p) => p.heapMb === heapMb);
  const pooled = at >= 0 ? idle.splice(at, 1)[0]! : spawn(heapMb);
  pooled.worker.ref();
  return pooled;
}

function release(pooled: PooledWorker, healthy: boolean): void {
  if (healthy && pooled.jobs < MAX_JOBS && idle.length < MAX_IDLE) {
    pooled.worker.unref(); // an idle worker must not keep the process alive
    idle.push(pooled);
  } else {
    void pooled.worker.terminate();
  }
}

/** Start a reader worker ahead of the first upload, so that one does not wait for it. */
export function warmUpReaders(limits: Pick<ReadLimits, "workerHeapMb">): void {
  if (idle.some((p) => p.heapMb === limits.workerHeapMb)) return;
  release(spawn(limits.workerHeapMb), true);
}

/** Stop idle workers (tests, shutdown). */
export async function stopIdleReaders(): Promise<void> {
  await Promise.all(idle.splice(0).map((p) => p.worker.terminate()));
}

/** Read `bytes` as `format` in a worker thread, under `limits`. Rejects only with ReadError. */
export async function runInWorker(
  format: DocumentFormat,
  bytes: Uint8Array,
  limits: ReadLimits,
): Promise<RawText> {
  // A copy of exactly these bytes: a Node Buffer's .slice() is a view into a shared pool, which
  // must never be transferred. The caller keeps its own bytes.
  const copy = new Uint8Array(bytes);
  const job: WorkerJob = { format, bytes: copy.buffer, limits };

  let pooled: PooledWorker;
  try {
    pooled = acquire(limits.workerHeapMb);
    await pooled.ready;
  } catch (error) {
    throw readErrors.readFailed(error);
  }
  const { worker } = pooled;
  const baseline = process.memoryUsage.rss();

  return new Promise<RawText>((resolve, reject) => {
    let settled = false;
    const finish = (error: ReadError | undefined, raw?: RawText, reusable = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      release(pooled, reusable);
      if (error) reject(error);
      else resolve(raw as RawText);
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.ok) finish(undefined, reply.raw, reply.reusable);
      else finish(new ReadError(reply.code, reply.message), undefined, reply.reusable);
    };
    const onError = (error: Error & { code?: string }) =>
      finish(
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? readErrors.resourceLimit(error)
          : readErrors.readFailed(error),
      );
    const onExit = (code: number) =>
      finish(readErrors.readFailed(new Error(`reader worker exited with code ${code}`)));

    const timer = setTimeout(() => finish(readErrors.timeout(limits.timeoutMs)), limits.timeoutMs);
    const watchdog = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.workerRssGrowthMb * MB)
        finish(readErrors.resourceLimit());
    }, WATCHDOG_INTERVAL_MS);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    pooled.jobs++;
    worker.postMessage(job, [copy.buffer]);
  });
}
