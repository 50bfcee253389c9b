// Worker-thread entry: load the readers once, then read one document per message and reply with
// the RawText or the ReadError's code and message. Any other exception from a reader is reported
// as the format's "corrupt" error: the parser choked on the file.
import { parentPort } from "node:worker_threads";
import { getResolvedPDFJS } from "unpdf";
import { readInProcess } from "./inProcess.ts";
import { WORKER_READY, type WorkerJob, type WorkerReply } from "./isolate.ts";
import { isReadError, type ReadError, readErrors } from "./readError.ts";

function failure(job: WorkerJob, error: unknown): ReadError {
  if (isReadError(error)) return error;
  if (job.format === "pdf") return readErrors.pdfCorrupt(error);
  if (job.format === "docx") return readErrors.docxCorrupt(error);
  return readErrors.readFailed(error);
}

let suspect = false;

async function handle(job: WorkerJob): Promise<WorkerReply> {
  try {
    const raw = await readInProcess(job.format, new Uint8Array(job.bytes), job.limits);
    return { ok: true, raw, reusable: !suspect };
  } catch (error) {
    const { code, message } = failure(job, error);
    return { ok: false, code, message, reusable: !suspect && isReadError(error) };
  }
}

// Load every parser before the first job, so the time limit measures reading, not loading.
// (A failure here must stay fatal, so the handlers below come after.)
await Promise.all([
  import("./pdf.ts"),
  import("./docx.ts"),
  import("./html.ts"),
  import("./markdown.ts"),
  getResolvedPDFJS(),
]);

// pdf.js leaves some promise rejections unhandled on damaged files (seen: ParserEOFException).
// Unhandled, they would kill the worker in the middle of the next document; caught here, they
// only mark this worker as not to be reused.
process.on("unhandledRejection", () => {
  suspect = true;
});
process.on("uncaughtException", () => {
  suspect = true;
});

parentPort?.on("message", (job: WorkerJob) => {
  void handle(job).then((reply) => parentPort?.postMessage(reply));
});
parentPort?.postMessage(WORKER_READY);
