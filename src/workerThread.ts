// A worker thread whose entry is a module next to the caller's: from the TypeScript sources
// or from built JavaScript, whichever the caller runs as. Node 20 does not apply `--import tsx`
// hooks inside worker threads, so a worker started from the TypeScript sources loads tsx's API
// itself and imports its entry through it.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

const TS_BOOTSTRAP = `const { workerData } = require("node:worker_threads");
import(workerData.tsxApi).then((tsx) => tsx.tsImport(workerData.entry, workerData.entry));`;

let tsxApi: string | undefined;
function tsxApiUrl(): string {
  if (tsxApi) return tsxApi;
  try {
    tsxApi = import.meta.resolve("tsx/esm/api");
  } catch {
    // Test runners that rewrite modules may lack import.meta.resolve; take the ESM twin of the CJS entry.
    const cjs = createRequire(import.meta.url).resolve("tsx/esm/api");
    tsxApi = pathToFileURL(cjs.replace(/\.cjs$/, ".mjs")).href;
  }
  return tsxApi;
}

/**
 * Starts `./<name>.ts` (or `.js`) relative to `base`, the caller's `import.meta.url`.
 * `options.workerData` is not available to the entry when it runs from source.
 */
export function startWorker(
  name: string,
  base: string,
  options: Omit<WorkerOptions, "workerData"> = {},
): Worker {
  const fromSource = base.endsWith(".ts");
  const entry = new URL(`./${name}${fromSource ? ".ts" : ".js"}`, base);
  return fromSource
    ? new Worker(TS_BOOTSTRAP, {
        ...options,
        eval: true,
        workerData: { entry: entry.href, tsxApi: tsxApiUrl() },
      })
    : new Worker(entry, options);
}
