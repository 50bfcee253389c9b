// Time from `npm start` (the server entry point) to ready: on a fresh data
// directory (database created, migrated, demo imported) and on an existing one.
// Baseline in the same run: starting Node with the TypeScript loader and exiting.
// Run: node --import tsx bench/startup.ts
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function timeUntil(args: string[], env: NodeJS.ProcessEnv, ready: RegExp | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (ready?.test(out)) {
        const ms = performance.now() - started;
        child.once("exit", () => resolve(ms));
        child.kill("SIGINT");
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      if (!ready) resolve(performance.now() - started);
      else if (!ready.test(out)) reject(new Error(`exited with ${code} before ready:\n${out}`));
    });
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-bench-start-"));
const env = { PEJL_DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "info" };
const ready = /Pejl is ready/;
try {
  const baseline = await timeUntil(["--import", "tsx", "-e", "0"], {}, null);
  const fresh = await timeUntil(["--import", "tsx", "src/main.ts"], env, ready);
  const existing: number[] = [];
  for (let i = 0; i < 3; i++) existing.push(await timeUntil(["--import", "tsx", "src/main.ts"], env, ready));
  const best = Math.min(...existing);
  console.log(`baseline (node + tsx, empty script): ${baseline.toFixed(0)} ms`);
  console.log(
    `fresh data dir (create, migrate, import demo, serve): ${fresh.toFixed(0)} ms  (${(fresh / baseline).toFixed(1)}× baseline)`,
  );
  console.log(
    `existing data dir: best ${best.toFixed(0)} ms of ${existing.map((m) => m.toFixed(0)).join(", ")}  (${(best / baseline).toFixed(1)}× baseline)`,
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
