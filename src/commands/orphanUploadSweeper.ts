// Uploaded files whose document row never committed. An import stores the file
// before its transaction, so a crash (kill -9, power loss) between the two
// leaves a file under uploads/ that no document names. The server removes such
// files at start-up and on its periodic tick. A file younger than the grace
// period is left alone: on PostgreSQL another instance may be in the middle of
// that very import.
import fs from "node:fs/promises";
import path from "node:path";
import { inArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { documents } from "../db/schema.ts";

/** Longer than any import takes (the reader's time limit is a minute). */
export const ORPHAN_GRACE_MS = 15 * 60 * 1000;

export interface SweepResult {
  removed: string[];
}

export async function orphanUploadSweeper(
  db: Executor,
  input: { dir: string; graceMs?: number; now?: Date },
): Promise<SweepResult> {
  const graceMs = input.graceMs ?? ORPHAN_GRACE_MS;
  const cutoff = (input.now ?? new Date()).getTime() - graceMs;
  let names: string[];
  try {
    names = (await fs.readdir(input.dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { removed: [] };
    throw error;
  }
  const old: string[] = [];
  for (const name of names) {
    const stat = await fs.stat(path.join(input.dir, name)).catch(() => undefined);
    if (stat && stat.mtimeMs <= cutoff) old.push(name);
  }
  const removed: string[] = [];
  // Stored names are unique across organisations (random UUIDs), so one lookup serves all.
  for (let at = 0; at < old.length; at += 500) {
    const batch = old.slice(at, at + 500);
    const rows = await db
      .select({ storagePath: documents.storagePath })
      .from(documents)
      .where(inArray(documents.storagePath, batch));
    const named = new Set(rows.map((r) => r.storagePath));
    for (const name of batch) {
      if (named.has(name)) continue;
      await fs.rm(path.join(input.dir, name), { force: true });
      removed.push(name);
    }
  }
  return { removed };
}
