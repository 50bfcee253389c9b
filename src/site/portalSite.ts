// The static site of one organisation's portal: the app built over the
// database, serving that organisation at unprefixed URLs, answered in-process.
import { buildApp } from "../app.ts";
import type { Database } from "../db/client.ts";
import { createLogger } from "../logger.ts";
import { exportSite, type SiteExportResult } from "./exportSite.ts";

export function exportPortalSite(
  database: Database,
  organisationId: string,
  outDir: string,
  opts: { force?: boolean; suppressionThreshold?: number } = {},
): Promise<SiteExportResult> {
  const app = buildApp({
    database,
    organisation: { id: organisationId },
    logger: createLogger("silent"),
    ...(opts.suppressionThreshold !== undefined ? { suppressionThreshold: opts.suppressionThreshold } : {}),
  });
  return exportSite((p) => app.request(p), outDir, { force: opts.force });
}
