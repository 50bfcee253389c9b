// `pejl import-data DIR DIR …`: several packages, each one moved as `pejl import-data DIR
// --organisation <the slug it names>` would move it alone: checked whole, then written in a
// transaction of its own, in the order given. The next package is read and checked in a
// worker thread while the one before it is being written, so the two overlap on either
// database (PGlite writes in this thread: reading ahead in it only held two packages in memory
// at once); nothing of a package is written before its own check passed, and the first refused
// package stops the command (those before it stay imported).
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import type { InstallationContext } from "../../context.ts";
import { AppError, toAppError, validationFailed } from "../../errors.ts";
import { packageReader } from "../../opendata/packageReader.ts";
import { readPackage } from "../../opendata/readPackage.ts";
import { importCheckedPackage, type TransferResult } from "./transferImporter.ts";

export const transfersImportSchema = z.object({
  dirs: z.array(z.string().min(1)).min(1),
});

/** The refusal of one package of several: which one, and what was imported before it. */
function refusal(error: unknown, dir: string, done: string[]): AppError {
  const cause = toAppError(error);
  const before = done.length
    ? ` The packages before it were imported: ${done.join(", ")}.`
    : " No package was imported.";
  // The cause's message may end in a parenthesis, as a cell's problem does.
  const message = /[.!?]$/.test(cause.message) ? cause.message : `${cause.message}.`;
  return new AppError(cause.id, `${dir}: ${message}${before}`, {
    details: cause.details,
    danish: cause.danish,
    cause: error,
  });
}

export async function transfersImporter(
  ctx: InstallationContext,
  input: unknown,
  /** Told as each package is committed. */
  onImported?: (dir: string, result: TransferResult) => void,
  /** Read the next package in a worker thread while one is written (false: one after the other, in this thread). */
  overlap = true,
): Promise<TransferResult[]> {
  const parsed = transfersImportSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  authorize(ctx.actor, "create", { entity: "organisation" });
  const { dirs } = parsed.data;
  const results: TransferResult[] = [];
  const reader = overlap && dirs.length > 1 ? packageReader() : undefined;
  // A package read ahead keeps its refusal until it is its turn.
  const readAhead = (dir: string) => {
    const reading = reader!.read(dir);
    reading.catch(() => {});
    return reading;
  };
  let next = reader ? readAhead(dirs[0]!) : undefined;
  try {
    for (const [i, dir] of dirs.entries()) {
      try {
        const pkg = await (next ?? readPackage(dir));
        next = reader && i + 1 < dirs.length ? readAhead(dirs[i + 1]!) : undefined;
        const result = await importCheckedPackage(ctx, pkg, pkg.organisation?.slug);
        results.push(result);
        onImported?.(dir, result);
      } catch (error) {
        throw refusal(error, dir, dirs.slice(0, i));
      }
    }
  } finally {
    await reader?.close();
  }
  return results;
}
