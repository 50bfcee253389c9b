// The real server on the demo data, for the portal's browser tests and
// benchmark: a fresh PGlite data directory in a temp dir, the demo corpus
// loaded by the demo loader, the app served on a free port of 127.0.0.1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { startServer } from "../src/server.ts";

export interface PortalServer {
  url: string;
  /** Runs SQL on the server's database (to find ids for the pages). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export async function startPortalServer(): Promise<PortalServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "pejl-portal-"));
  const env = parseEnv({ PEJL_DATA_DIR: dir, PORT: "0", LOG_LEVEL: "silent" });
  const previousHost = process.env.HOST;
  process.env.HOST = "127.0.0.1";
  try {
    const { port, database, stop } = await startServer(env, createLogger("silent"), { demo: true });
    return {
      url: `http://127.0.0.1:${port}`,
      async query<T>(sql: string, params: unknown[] = []) {
        if (!database.pglite) throw new Error("expected PGlite");
        return (await database.pglite.query<T>(sql, params)).rows;
      },
      async stop() {
        await stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } finally {
    if (previousHost === undefined) delete process.env.HOST;
    else process.env.HOST = previousHost;
  }
}
