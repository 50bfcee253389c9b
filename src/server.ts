// Serves the app over HTTP and shuts down cleanly: stop accepting, finish
// requests, close the database (PGlite flushes and releases its lock).
// Two halves: the one-time set-up of an installation (setUpServer) and a process
// serving HTTP on it (listen). One process does both (startServer); with
// `--workers N` the primary sets up once and each worker only listens (workers.ts).
import path from "node:path";
import { serve } from "@hono/node-server";
import { buildApp } from "./app.ts";
import { checkedHosts, openFromEnv, requireOrganisation, sessionSecret } from "./boot.ts";
import { orphanUploadSweeper } from "./commands/orphanUploadSweeper.ts";
import type { Database } from "./db/client.ts";
import { refreshStatistics, statisticsMissing } from "./db/statistics.ts";
import { loadDemo } from "./demo/loadDemo.ts";
import type { Env } from "./env.ts";
import { parseTrustProxy } from "./http/proxy.ts";
import type { Logger } from "./logger.ts";
import { listOrganisations } from "./organisation.ts";
import { startGenerationSync } from "./queries/generationSync.ts";
import { newSetupCode } from "./web/setup/access.ts";

/**
 * What the set-up decided that every process serving HTTP must hold alike: the key
 * cookies are signed with, the one set-up code printed in the log, and the
 * organisations PEJL_ORGANISATION and PEJL_HOSTS name, checked. Plain data, so a
 * primary can hand it to its workers.
 */
export interface ServerSetup {
  secret: string;
  setupCode?: string;
  /** The organisation PEJL_ORGANISATION names, served at unprefixed URLs. */
  organisationId?: string;
  /** PEJL_HOSTS: host name → organisation slug. */
  hosts: [string, string][];
}

/** The one-time work before serving: clean-up, the demo, statistics, and what every server must agree on. */
export async function setUpServer(
  database: Database,
  env: Env,
  logger: Logger,
  opts: { demo?: boolean } = {},
): Promise<ServerSetup> {
  const secret = sessionSecret(env);
  // Files an import stored before it was killed. PGlite's lock file makes this process the
  // only writer, so none is in progress; on PostgreSQL another instance may be importing.
  const swept = await orphanUploadSweeper(database.db, {
    dir: uploadDir(env),
    graceMs: database.kind === "pglite" ? 0 : undefined,
  });
  if (swept.removed.length)
    logger.warn({ files: swept.removed }, "removed uploaded files that an interrupted import left behind");
  if (opts.demo) {
    const { loaded } = await loadDemo(database, logger, { dataDir: env.dataDir });
    if (loaded) logger.info("demo data loaded");
  }
  // PGlite runs no autovacuum: a database restored or loaded without ANALYZE gets its statistics now.
  if (await statisticsMissing(database)) {
    await refreshStatistics(database);
    logger.info("planner statistics gathered (ANALYZE)");
  }
  // With PEJL_ORGANISATION its organisation answers at unprefixed URLs; otherwise the only
  // organisation does, and with several the root is the national page (http/tenancy.ts).
  // Without any (and none named), the root is the set-up form (web/setup/).
  const empty = !env.PEJL_ORGANISATION && (await listOrganisations(database.db)).length === 0;
  const organisation = empty ? undefined : await requireOrganisation(database, env.PEJL_ORGANISATION);
  const hosts = await checkedHosts(database, env.PEJL_HOSTS);
  return {
    secret,
    setupCode: empty ? newSetupCode() : undefined,
    organisationId: env.PEJL_ORGANISATION && organisation ? organisation.id : undefined,
    hosts: [...hosts],
  };
}

export interface RunningServer {
  port: number;
  database: Database;
  /** Stops accepting, finishes the requests under way, closes the database; once. */
  stop(): Promise<void>;
}

/** The app of a set-up installation, as every process serving HTTP builds it. */
export function appFor(database: Database, env: Env, logger: Logger, setup: ServerSetup) {
  return buildApp({
    database,
    suppressionThreshold: env.PEJL_SUPPRESSION_THRESHOLD,
    organisation: setup.organisationId ? { id: setup.organisationId } : undefined,
    setupCode: setup.setupCode,
    hosts: new Map(setup.hosts),
    logger,
    secret: setup.secret,
    uploadLimitMb: env.PEJL_UPLOAD_LIMIT_MB,
    renderCacheMb: env.PEJL_RENDER_CACHE_MB,
    uploadDir: uploadDir(env),
    trustProxy: parseTrustProxy(env.PEJL_TRUST_PROXY),
  });
}

/** Serves the app on PORT from a set-up installation; the database is the server's from here on. */
export async function listen(
  database: Database,
  env: Env,
  logger: Logger,
  setup: ServerSetup,
): Promise<RunningServer> {
  const app = appFor(database, env, logger, setup);
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: process.env.HOST ?? "0.0.0.0" });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  // Other server processes on the same PostgreSQL hear this one's writes, and it theirs.
  const sync = await startGenerationSync(database, logger).catch(async (error: unknown) => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info("shutting down");
      await closeServer(server, env.PEJL_SHUTDOWN_SECONDS * 1000, logger);
      await sync.stop();
      await database.close();
      logger.info("stopped; the database is closed");
    })();
    return stopping;
  };
  return { port, database, stop };
}

/**
 * Stops accepting and waits for the requests under way (idle keep-alive connections close
 * at once); those still open after `graceMs` (a client that never finishes its upload, a
 * stuck request) have their connections closed, so a stop always ends.
 */
async function closeServer(server: ReturnType<typeof serve>, graceMs: number, logger: Logger): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const timer = setTimeout(() => {
    logger.warn(
      { graceMs },
      "requests still under way at the end of the shutdown grace; closing their connections",
    );
    if ("closeAllConnections" in server) server.closeAllConnections();
  }, graceMs);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}

/** The line operators (and tests) wait for, and the set-up code when there is no organisation yet. */
export function announceReady(
  logger: Logger,
  at: { port: number; database: Database["kind"]; ms: number; setupCode?: string; workers?: number },
) {
  const { setupCode, port, ...fields } = at;
  logger.info({ port, ...fields }, `Pejl is ready on http://localhost:${port}`);
  if (setupCode)
    logger.info(
      { setupCode },
      `No municipality yet: set Pejl up at http://localhost:${port}/opsaetning on this machine, or from another with the set-up code ${setupCode}`,
    );
}

/** One process that sets up and serves. */
export async function startServer(env: Env, logger: Logger, opts: { demo?: boolean } = {}) {
  const started = performance.now();
  const database = await openFromEnv(env);
  let running: RunningServer;
  try {
    const setup = await setUpServer(database, env, logger, opts);
    running = await listen(database, env, logger, setup);
    announceReady(logger, {
      port: running.port,
      database: database.kind,
      ms: Math.round(performance.now() - started),
      setupCode: setup.setupCode,
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  return running;
}

function uploadDir(env: Env): string {
  return path.join(env.dataDir, "uploads");
}
