// Several server processes on one PostgreSQL: each hears when another changed
// an organisation's registry, so its render caches drop the pages at once
// (generation.ts). Every writing transaction sends its NOTIFY before it commits
// (changeNotice.ts); a notification from another process bumps here as a peer's.
// The message names its sender, so a process ignores its own.
//
// The listening connection is the pool's only long-lived one. When it is lost
// (the server restarted, a network break), notifications sent meanwhile are
// lost with it: on reconnecting, every organisation is marked changed.
// PGlite is one process with one server (the data-directory lock), so there is
// nothing to tell.
import pg from "pg";
import type { Database } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { listOrganisations } from "../organisation.ts";
import { changedElsewhere, GENERATION_CHANNEL } from "./changeNotice.ts";
import { bumpGeneration } from "./generation.ts";

const RECONNECT_MS = 1000;

export interface GenerationSync {
  stop(): Promise<void>;
}

export async function startGenerationSync(database: Database, logger: Logger): Promise<GenerationSync> {
  const url = database.url;
  if (database.kind !== "postgres" || !url) return { stop: async () => {} };
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  async function listen(reconnecting: boolean) {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      const scope = changedElsewhere(message.payload);
      if (scope) bumpGeneration(scope);
    });
    next.on("error", (error) => {
      logger.warn({ err: error }, "lost the connection that hears other servers' changes");
      lost(next);
    });
    next.on("end", () => lost(next));
    await next.connect();
    await next.query(`LISTEN ${GENERATION_CHANNEL}`);
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    if (reconnecting) {
      for (const organisation of await listOrganisations(database.db)) bumpGeneration(organisation.id);
      logger.info("hears other servers' changes again");
    }
  }

  function lost(which: pg.Client) {
    if (stopped || client !== which) return;
    client = undefined;
    schedule();
  }

  function schedule() {
    retry = setTimeout(() => {
      listen(true).catch((error: unknown) => {
        logger.warn({ err: error }, "cannot yet listen for other servers' changes");
        if (!stopped) schedule();
      });
    }, RECONNECT_MS);
    retry.unref();
  }

  await listen(false);
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
