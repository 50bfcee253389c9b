// The server's periodic tick: automatic reminders into the outbox (for every
// organisation), the outbox out (SMTP or files), old login-throttle counts and
// uploaded files an interrupted import left behind away. One tick at a time, and
// with several server processes on one PostgreSQL one process's tick at a time
// (an advisory lock; the others skip their turn); stopping waits for a running
// tick, so the database closes after it.
import path from "node:path";
import { purgeThrottle } from "../auth/throttle.ts";
import { orphanUploadSweeper } from "../commands/orphanUploadSweeper.ts";
import { autoReminder } from "../commands/rounds/autoReminder.ts";
import { createContext, systemActor } from "../context.ts";
import type { Database } from "../db/client.ts";
import { lockKeys, whileHoldingClusterLock } from "../db/clusterLock.ts";
import type { Env } from "../env.ts";
import type { Logger } from "../logger.ts";
import { listOrganisations } from "../organisation.ts";
import { deliverOutbox } from "./deliverer.ts";
import { transportFor } from "./transports.ts";

export interface PeriodicJobs {
  /** Runs one tick now (or joins the one running). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startPeriodicJobs(input: {
  database: Database;
  /** Only this organisation's work (tests); omitted: every organisation's. */
  organisationId?: string;
  env: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "dataDir" | "PEJL_TICK_SECONDS">;
  logger: Logger;
}): PeriodicJobs {
  const { database, organisationId, env, logger } = input;
  const transport = transportFor(env, logger);
  let running: Promise<void> | undefined;
  let stopped = false;

  // Each step on its own: a mail server that is down must not stop the reminders or the clean-up.
  async function step(name: string, work: () => Promise<unknown>) {
    try {
      const result = await work();
      logger.debug({ job: name, result }, "periodic job done");
    } catch (error) {
      logger.error({ job: name, err: error }, `periodic job ${name} failed`);
    }
  }

  async function runOnce() {
    const now = new Date();
    let organisationIds = organisationId ? [organisationId] : [];
    if (!organisationId)
      await step("organisations", async () => {
        organisationIds = (await listOrganisations(database.db)).map((o) => o.id);
      });
    for (const id of organisationIds) {
      const ctx = createContext({ db: database.db, organisationId: id, actor: systemActor("automatisk") });
      await step("auto-reminder", async () => {
        const sent = await autoReminder(ctx, { now });
        for (const s of sent) logger.info(s, "automatic reminder queued");
      });
    }
    await step("outbox", () => deliverOutbox(database.db, transport, { logger, organisationId, now }));
    await step("throttle-purge", () => purgeThrottle(database.db, { now, organisationId }));
    // The upload folder is the installation's, not one organisation's.
    if (!organisationId)
      await step("orphan-uploads", () =>
        orphanUploadSweeper(database.db, { dir: path.join(env.dataDir, "uploads"), now }),
      );
  }

  const tick = () => {
    if (stopped) return Promise.resolve();
    running ??= whileHoldingClusterLock(database, lockKeys.periodicTick, runOnce)
      .then((ran) => {
        if (!ran) logger.debug("another server is running the periodic tick");
      })
      .catch((error: unknown) => logger.error({ err: error }, "periodic tick failed"))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(tick, env.PEJL_TICK_SECONDS * 1000);
  // The first tick soon after start, not a whole period later.
  const first = setTimeout(tick, 2000);
  timer.unref();
  first.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      await running;
      transport.close();
    },
  };
}
