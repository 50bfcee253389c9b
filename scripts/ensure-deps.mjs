// `npm start` and `npm test` on a fresh clone: install the dependencies when they
// are missing or older than package-lock.json, so no separate install step is needed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const marker = "node_modules/.package-lock.json";
const stale =
  !fs.existsSync(marker) ||
  (fs.existsSync("package-lock.json") &&
    fs.statSync("package-lock.json").mtimeMs > fs.statSync(marker).mtimeMs);
const major = Number(process.versions.node.split(".")[0]);
if (major < 22)
  console.warn(
    `Node.js ${process.versions.node} no longer gets security fixes; Pejl is supported and tested on Node.js 22 and 24.`,
  );
if (stale) {
  // `npm ci` installs exactly what package-lock.json pins and never rewrites it
  // (`npm install` may, which would leave a fresh clone with a changed file).
  console.log("Installing dependencies (npm ci, as pinned by package-lock.json)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("Could not install the dependencies: see the npm output above.");
    process.exit(result.status ?? 1);
  }
}
