// Several workers need PostgreSQL: on the embedded database `pejl serve` refuses
// before it opens or creates anything (PGlite is one process holding a lock on its
// data directory). The real command, in an installation of its own. And a stop ends
// even when a request never does.
import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliInstallation, cliInstallation } from "../test/cli.ts";
import { parseEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startServer } from "./server.ts";

describe("pejl serve with several workers on the embedded database", () => {
  let installation: CliInstallation;

  beforeAll(async () => {
    installation = await cliInstallation("pejl-serve-");
  });
  afterAll(() => installation.close());

  it.each([
    ["--workers 2", ["serve", "--workers", "2"], {}],
    ["PEJL_WORKERS=3", ["serve"], { PEJL_WORKERS: "3" }],
  ])("refuses %s with a sentence and a non-zero exit, creating nothing", async (_name, args, extra) => {
    const run = await installation.run(args, { ...extra, DATABASE_URL: undefined, PORT: "0" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^pejl: Several workers \(\d\) need PostgreSQL/);
    expect(run.stdout).not.toContain("Pejl is ready");
    expect(fs.existsSync(path.join(installation.dataDir, "pejl-db"))).toBe(false);
  });

  it("refuses a worker count that is not one", async () => {
    const run = await installation.run(["serve", "--workers", "0"], { DATABASE_URL: undefined });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('whole number from 1 to 1024, or "auto"');
  });
});

describe("stopping the server", () => {
  it("closes a connection whose request never ends once the shutdown grace is over, and closes the database", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-stop-"));
    try {
      const env = parseEnv({
        PEJL_DATA_DIR: dir,
        PORT: "0",
        LOG_LEVEL: "silent",
        PEJL_SHUTDOWN_SECONDS: "0.2",
      });
      const running = await startServer(env, createLogger("silent"));
      // A form post that announces a body it never sends: the set-up form waits for it.
      const client = net.connect(running.port, "127.0.0.1");
      await once(client, "connect");
      client.write(
        "POST /opsaetning HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nkode=",
      );
      const closed = once(client, "close");
      const lock = path.join(dir, "pejl-db.lock");
      expect(fs.existsSync(lock)).toBe(true);
      // Without the grace, this waits for the client for ever (the test's own time limit fails it).
      await running.stop();
      await closed;
      // The database was closed: its lock is released, so another process may open it.
      expect(fs.existsSync(lock)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
