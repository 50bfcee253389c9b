// Until the document importer lands, the demo holds the reference data only.
import type { Context } from "./context.ts";
import type { Logger } from "./logger.ts";

export async function importDemoDocuments(_ctx: Context, files: string[], logger: Logger) {
  logger.info({ files: files.length }, "demo documents are imported once the importer is available");
  return { documents: 0 };
}
