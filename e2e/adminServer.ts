// An HTTP server over a test organisation for browser tests of the admin: the
// real app on a free port, with a fixed session secret.
import { serve } from "@hono/node-server";
import { buildApp } from "../src/app.ts";
import { createLogger } from "../src/logger.ts";
import { testDatabase } from "../test/db.ts";
import type { TestOrganisation } from "../test/factories.ts";

export interface AdminServer {
  url: string;
  close(): Promise<void>;
}

export async function startAdminServer(org: TestOrganisation): Promise<AdminServer> {
  const app = buildApp({
    database: await testDatabase(),
    organisation: { id: org.organisationId, name: "Københavns Kommune" },
    logger: createLogger("silent"),
    secret: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  });
  return new Promise<AdminServer>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
