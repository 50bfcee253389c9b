// The demo corpus: every document imported and all its candidates accepted, on purpose.
import fs from "node:fs";
import path from "node:path";
import { documentImporter } from "../commands/documentImporter.ts";
import type { Context } from "../context.ts";
import type { Logger } from "../logger.ts";

export async function importDemoDocuments(ctx: Context, files: string[], logger: Logger) {
  const summaries = [];
  for (const file of files) {
    const summary = await documentImporter(ctx, {
      bytes: fs.readFileSync(file),
      filename: path.basename(file),
      acceptAll: true,
    });
    logger.info(
      { file: path.basename(file), kind: summary.kind, counts: summary.counts },
      "demo document imported",
    );
    summaries.push({ file: path.basename(file), kind: summary.kind, accepted: summary.accepted });
  }
  return { documents: summaries.length, summaries };
}
