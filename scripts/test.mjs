// `npm test`: every test on PGlite, the database-facing tests again on PostgreSQL
// when TEST_DATABASE_URL is set, and the browser tests (Chromium required).
import { spawnSync } from "node:child_process";

const extra = process.argv.slice(2);

function vitest(args, env = {}) {
  const result = spawnSync("npx", ["vitest", "run", ...args, ...extra], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("npx", ["tsc", "--noEmit"]);
run("npx", ["biome", "check", "."]);
// The direction of dependencies (README, "Architecture").
run("npx", ["depcruise", "--config", ".dependency-cruiser.cjs", "--output-type", "err", "src/"]);
// Unused files, exports and dependencies (knip.json); dead code is removed, not kept "for later".
run("npx", ["knip"]);
vitest(["--project", "unit"]);
if (process.env.TEST_DATABASE_URL) {
  vitest(["--project", "postgres"], { PEJL_TEST_DB: "postgres" });
} else {
  console.log("TEST_DATABASE_URL is not set: the database tests ran on PGlite only, not on PostgreSQL.");
}
run("node", ["scripts/ensure-chromium.mjs"]);
vitest(["--project", "browser"]);
