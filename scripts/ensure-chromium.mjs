#!/usr/bin/env node
// Makes sure a Chromium binary exists for the browser tests (e2e/).
// We use Debian's `chromium` package rather than Playwright's own browser
// download, because only the npm registry and Debian's packages are reachable
// from our machines and CI.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

const INSTRUCTION =
  "Chromium is required for the browser tests: install the Debian package `chromium` (apt-get install chromium) or set CHROMIUM_PATH.";

const target = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasApt() {
  return spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

if (isExecutable(target)) {
  process.exit(0);
}

// A custom CHROMIUM_PATH that does not exist is a configuration mistake; apt
// would install to /usr/bin/chromium and leave the variable still wrong.
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (process.env.CHROMIUM_PATH || !isRoot || !hasApt()) {
  console.error(INSTRUCTION);
  process.exit(1);
}

console.error("Chromium not found; installing the Debian package `chromium` with apt-get…");
if (!run("apt-get", ["update"]) || !run("apt-get", ["install", "-y", "chromium"])) {
  console.error(INSTRUCTION);
  process.exit(1);
}
if (!isExecutable(target)) {
  console.error(INSTRUCTION);
  process.exit(1);
}
console.error(`Chromium installed at ${target}.`);
