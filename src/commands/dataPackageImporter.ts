// Imports an open-data package (a folder with datapackage.json) into the actor's
// organisation: only an admin may, since it can change every registry table at once.
import { z } from "zod";
import { authorize } from "../authz/can.ts";
import type { Context } from "../context.ts";
import { validationFailed } from "../errors.ts";
import { type ImportResult, importDataPackage } from "../opendata/import.ts";

export const dataPackageImportSchema = z.object({ dir: z.string().min(1) });
export type DataPackageImport = z.infer<typeof dataPackageImportSchema>;

export async function dataPackageImporter(ctx: Context, input: unknown): Promise<ImportResult> {
  const parsed = dataPackageImportSchema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  authorize(ctx.actor, "manage", { entity: "organisation" });
  // One transaction and its audit event are opened by the import itself, after the files are checked.
  return importDataPackage(ctx, parsed.data.dir);
}
