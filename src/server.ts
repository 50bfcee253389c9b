// Serves the app over HTTP and shuts down cleanly: stop accepting, finish
// requests, close the database (PGlite flushes and releases its lock).
import path from "node:path";
import { serve } from "@hono/node-server";
import { buildApp } from "./app.ts";
import { checkedHosts, openFromEnv, requireOrganisation, sessionSecret } from "./boot.ts";
import { orphanUploadSweeper } from "./commands/orphanUploadSweeper.ts";
import { refreshStatistics, statisticsMissing } from "./db/statistics.ts";
import { loadDemo } from "./demo/loadDemo.ts";
import type { Env } from "./env.ts";
import { parseTrustProxy } from "./http/proxy.ts";
import type { Logger } from "./logger.ts";
import { listOrganisations } from "./organisation.ts";
import { startGenerationSync } from "./queries/generationSync.ts";
import { newSetupCode } from "./web/setup/access.ts";

export async function startServer(env: Env, logger: Logger, opts: { demo?: boolean } = {}) {
  const started = performance.now();
  const database = await openFromEnv(env);
  try {
    const secret = sessionSecret(env);
    const uploadDir = path.join(env.dataDir, "uploads");
    // Files an import stored before it was killed. PGlite's lock file makes this process the
    // only writer, so none is in progress; on PostgreSQL another instance may be importing.
    const swept = await orphanUploadSweeper(database.db, {
      dir: uploadDir,
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
    const setupCode = empty ? newSetupCode() : undefined;
    const hosts = await checkedHosts(database, env.PEJL_HOSTS);
    const app = buildApp({
      database,
      suppressionThreshold: env.PEJL_SUPPRESSION_THRESHOLD,
      organisation: env.PEJL_ORGANISATION && organisation ? { id: organisation.id } : undefined,
      setupCode,
      hosts,
      logger,
      secret,
      uploadLimitMb: env.PEJL_UPLOAD_LIMIT_MB,
      renderCacheMb: env.PEJL_RENDER_CACHE_MB,
      uploadDir,
      trustProxy: parseTrustProxy(env.PEJL_TRUST_PROXY),
    });
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
    logger.info(
      { port, database: database.kind, ms: Math.round(performance.now() - started) },
      `Pejl is ready on http://localhost:${port}`,
    );
    if (setupCode)
      logger.info(
        { setupCode },
        `No municipality yet: set Pejl up at http://localhost:${port}/opsaetning on this machine, or from another with the set-up code ${setupCode}`,
      );
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        logger.info("shutting down");
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await sync.stop();
        await database.close();
        logger.info("stopped; the database is closed");
      })();
      return stopping;
    };
    return { server, port, database, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}
