// What the crawl bench (bench/crawl.ts) serves: the demo, loaded by the server
// as `pejl serve --demo` does, or the national data set (bench/nationalData.ts),
// every organisation's package imported through the open-data import (as
// `pejl import-data` does) before the server starts. With several
// organisations the root is the national page, and each organisation's pages
// live under /k/<slug>/ (src/http/tenancy.ts), so one crawl from "/" reaches all.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openFromEnv } from "../src/boot.ts";
import { transferImporter } from "../src/commands/organisation/transferImporter.ts";
import { systemActor } from "../src/context.ts";
import { refreshTableStatistics } from "../src/db/statistics.ts";
import type { Env } from "../src/env.ts";
import { packageTables } from "../src/opendata/resources.ts";
import { nationalSize, writeNationalPackages } from "./nationalData.ts";

export type CrawlData = { kind: "demo" } | { kind: "national"; scale: number };

export function describe(data: CrawlData): string {
  if (data.kind === "demo") return "demo";
  const size = nationalSize(data.scale);
  return `national data set, scale ${data.scale}: ${size.organisations} organisations × ${size.policies} policies × ${size.initiativesPerPolicy} initiatives`;
}

/** Puts the data set into the database `env` names; returns the server's start options. */
export async function prepare(env: Env, data: CrawlData): Promise<{ demo: boolean }> {
  if (data.kind === "demo") return { demo: true };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-crawl-national-"));
  try {
    const { dirs, rows } = writeNationalPackages(root, nationalSize(data.scale));
    const database = await openFromEnv(env);
    const started = performance.now();
    try {
      const actor = systemActor("bench");
      for (const { dir, slug } of dirs)
        await transferImporter({ db: database.db, actor }, { dir, organisation: slug });
      // As `pejl import-data` does after its transaction: the planner learns the new rows.
      await refreshTableStatistics(database, packageTables());
    } finally {
      await database.close();
    }
    console.log(
      `imported ${dirs.length} organisations (${rows.toLocaleString("en")} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return { demo: false };
}

/** "/k/egellund/politikker/x" → "/politikker/x": the page type does not depend on the organisation. */
export function withoutOrganisation(url: string): string {
  return url.replace(/^\/k\/[^/?]+(?=[/?]|$)/, "") || "/";
}

/** A URL's page type for the breakdown: its first path segment, ".csv" for a download, "?" when it has a query. */
export function pageType(url: string): string {
  const [pathPart, query] = withoutOrganisation(url).split("?");
  const segments = pathPart!.split("/").filter(Boolean);
  const first = segments[0] ?? "";
  const csv = pathPart!.endsWith(".csv") || /(^|&)format=csv/.test(query ?? "");
  return `/${first}${segments.length > 1 ? "/…" : ""}${csv ? " (csv)" : query ? "?…" : ""}`;
}
