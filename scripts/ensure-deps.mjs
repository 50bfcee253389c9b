// `npm start` and `npm test` on a fresh clone: install the dependencies when they
// are missing or older than package-lock.json, so no separate install step is needed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const marker = "node_modules/.package-lock.json";
const stale =
  !fs.existsSync(marker) ||
  (fs.existsSync("package-lock.json") &&
    fs.statSync("package-lock.json").mtimeMs > fs.statSync(marker).mtimeMs);
if (stale) {
  console.log("Installing dependencies (npm install, as pinned by package-lock.json)…");
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("Could not install the dependencies: see the npm output above.");
    process.exit(result.status ?? 1);
  }
}
