// `pejl import-data DIR DIR …`: several packages, each one moved as `pejl import-data DIR
// --organisation <the slug it names>` would move it alone: checked whole, then written in a
// transaction of its own, in the order given. The next package is read and checked while
// the one before it is being written (reading is our process's work, writing mostly the
// database's), so the two overlap; nothing of a package is written before its own check
// passed, and the first refused package stops the command (those before it stay imported).
// Only where the database works in a process of its own (PostgreSQL): PGlite writes in this
// thread, so reading ahead there only holds two packages in memory at once (measured 10–15 %
// slower at 29 organisations).
import { z } from "zod";
import { authorize } from "../../authz/can.ts";
import type { InstallationContext } from "../../context.ts";
import { AppError, toAppError, validationFailed } from "../../errors.ts";
import { type CheckedPackage, readPackage } from "../../opendata/import.ts";
import { importCheckedPackage, type TransferResult } from "./transferImporter.ts";

export const transfersImportSchema = z.object({
  dirs: z.array(z.string().min(1)).min(1),
});

/** A package read ahead; its refusal is kept until it is its turn. */
function readAhead(dir: string): Promise<CheckedPackage> {
  const reading = readPackage(dir);
  reading.catch(() => {});
  return reading;
}

/** The refusal of one package of several: which one, and what was imported before it. */
function refusal(error: unknown, dir: string, done: string[]): AppError {
  const cause = toAppError(error);
  const before = done.length
    ? ` The packages before it were imported: ${done.join(", ")}.`
    : " No package was imported.";
  return new AppError(cause.id, `${dir}: ${cause.message}${before}`, {
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
  /** Read the next package while one is written (false: one after the other). */
  overlap = true,
): Promise<TransferResult[]> {
  const parsed = transfersImportSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  authorize(ctx.actor, "create", { entity: "organisation" });
  const { dirs } = parsed.data;
  const results: TransferResult[] = [];
  let next: Promise<CheckedPackage> | undefined = readAhead(dirs[0]!);
  for (const [i, dir] of dirs.entries()) {
    try {
      const pkg = await (next ?? readPackage(dir));
      next = overlap && i + 1 < dirs.length ? readAhead(dirs[i + 1]!) : undefined;
      const result = await importCheckedPackage(ctx, pkg, pkg.organisation?.slug);
      results.push(result);
      onImported?.(dir, result);
    } catch (error) {
      throw refusal(error, dir, dirs.slice(0, i));
    }
  }
  return results;
}
