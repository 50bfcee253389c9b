// Packages read and checked in a worker thread (`readPackage`, all of it: UTF-8, cells, keys
// within the package, and the COPY text of asNewCopy.ts), so that this thread can write one package while the next is read. On
// PGlite the database runs in this thread, so only another thread lets the two overlap; the
// worker's rows come back by structured clone, with their resource declaration attached again
// here (a declaration holds functions and table objects, which do not cross threads).
import type { Worker } from "node:worker_threads";
import { AppError, type ErrorDetail, type ErrorId } from "../errors.ts";
import { startWorker } from "../workerThread.ts";
import type { AsNewCopy } from "./asNewCopy.ts";
import type { PackageOrganisation } from "./descriptor.ts";
import type { ResourceName } from "./fields.ts";
import type { CheckedPackage, ParsedTable } from "./readPackage.ts";
import { resourceByName } from "./resources.ts";

/** A table as it crosses threads: its declaration by name. */
export type SentTable = Omit<ParsedTable, "def"> & { resource: string };

export type ReaderReply = { job: number } & (
  | {
      ok: true;
      organisation?: PackageOrganisation;
      tables: SentTable[];
      keysChecked: boolean;
      asNew?: Map<ResourceName, AsNewCopy>;
    }
  | {
      ok: false;
      error: { name: string; message: string; app?: { id: ErrorId; details: ErrorDetail[]; danish: string } };
    }
);

export interface PackageReader {
  /** The package checked, or its refusal (the same AppError `readPackage` throws in this thread). */
  read(dir: string): Promise<CheckedPackage>;
  /** Stops the worker; a read still under way is refused. */
  close(): Promise<void>;
}

function received(reply: Extract<ReaderReply, { ok: true }>): CheckedPackage {
  const tables = new Map<string, ParsedTable>();
  for (const { resource, ...table } of reply.tables)
    tables.set(resource, { ...table, def: resourceByName(resource)! });
  return { organisation: reply.organisation, tables, keysChecked: reply.keysChecked, asNew: reply.asNew };
}

function refusal(error: Extract<ReaderReply, { ok: false }>["error"]): Error {
  if (error.app) return new AppError(error.app.id, error.message, error.app);
  const thrown = new Error(error.message);
  thrown.name = error.name;
  return thrown;
}

export function packageReader(): PackageReader {
  let worker: Worker | undefined;
  let jobs = 0;
  const pending = new Map<
    number,
    { resolve: (pkg: CheckedPackage) => void; reject: (error: Error) => void }
  >();
  const failAll = (from: Worker, error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    if (worker === from) worker = undefined;
  };
  const started = () => {
    if (worker) return worker;
    const w = startWorker("packageReaderWorker", import.meta.url);
    w.on("message", (reply: ReaderReply) => {
      const job = pending.get(reply.job);
      if (!job) return;
      pending.delete(reply.job);
      if (reply.ok) job.resolve(received(reply));
      else job.reject(refusal(reply.error));
    });
    w.on("error", (error) => failAll(w, error));
    w.on("exit", (code) => failAll(w, new Error(`the package reader stopped (exit code ${code})`)));
    worker = w;
    return w;
  };
  return {
    read(dir) {
      const job = ++jobs;
      return new Promise((resolve, reject) => {
        pending.set(job, { resolve, reject });
        started().postMessage({ job, dir });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
