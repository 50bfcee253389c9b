// Worker-thread entry of packageReader.ts: one package read and checked per message, in the
// order they come, and the result or the refusal posted back.
import { parentPort } from "node:worker_threads";
import { isAppError } from "../errors.ts";
import { asNewCopies } from "./asNewCopy.ts";
import type { ReaderReply } from "./packageReader.ts";
import { readPackage } from "./readPackage.ts";

async function handle(job: number, dir: string): Promise<ReaderReply> {
  try {
    const { organisation, tables, keysChecked } = await readPackage(dir);
    const sent = [...tables.values()].map(({ def, ...table }) => ({ ...table, resource: def.name }));
    const asNew = keysChecked ? asNewCopies(tables) : undefined;
    return { job, ok: true, organisation, tables: sent, keysChecked, asNew };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
    const app = isAppError(error)
      ? { id: error.id, details: error.details, danish: error.danish }
      : undefined;
    return { job, ok: false, error: { name, message, app } };
  }
}

let queue = Promise.resolve();
parentPort?.on("message", ({ job, dir }: { job: number; dir: string }) => {
  queue = queue.then(async () => {
    const reply = await handle(job, dir);
    // The COPY text moves to the other thread rather than being copied.
    const moved = reply.ok
      ? [...(reply.asNew?.values() ?? [])].map((copy) => copy.bytes.buffer as ArrayBuffer)
      : [];
    parentPort?.postMessage(reply, moved);
  });
});
