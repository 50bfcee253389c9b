// The real `pejl` process from a test: an installation of its own (an empty data
// directory, and in the PostgreSQL run a new empty database), commands run in it,
// and what each printed.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { emptyPostgresDatabase } from "./db.ts";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliInstallation {
  dataDir: string;
  /** The installation's own PostgreSQL database, in the PostgreSQL run. */
  databaseUrl?: string;
  /** Starts `pejl ARGS` in the installation, with extra environment. */
  start(args: string[], extra?: NodeJS.ProcessEnv): ChildProcess;
  /** Runs `pejl ARGS` to its end. */
  run(args: string[], extra?: NodeJS.ProcessEnv): Promise<CliRun>;
  close(): Promise<void>;
}

export async function cliInstallation(prefix: string): Promise<CliInstallation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const { PEJL_ORGANISATION: _ignored, DATABASE_URL: _none, ...rest } = process.env;
  const env: NodeJS.ProcessEnv = { ...rest, PEJL_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  const url = process.env.PEJL_TEST_DATABASE_URL;
  const empty = url ? await emptyPostgresDatabase(url) : undefined;
  if (empty) env.DATABASE_URL = empty.url;
  const start = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      env: { ...env, ...extra },
      stdio: ["ignore", "pipe", "pipe"],
    });
  return {
    dataDir,
    databaseUrl: empty?.url,
    start,
    run(args, extra) {
      const child = start(args, extra);
      let stdout = "";
      let stderr = "";
      child.stdout!.on("data", (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr!.on("data", (d: Buffer) => {
        stderr += d.toString();
      });
      return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
    },
    async close() {
      await empty?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
