// Launches Chromium for the browser tests. We use the machine's Chromium
// (Debian package `chromium`, see scripts/ensure-chromium.mjs), not a browser
// downloaded by Playwright: only the npm registry and Debian's packages are
// reachable from our machines and CI.
import { accessSync, constants } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const CHROMIUM_MISSING =
  "Chromium is required for the browser tests: install the Debian package `chromium` (apt-get install chromium) or set CHROMIUM_PATH.";

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

export function hasChromium(): boolean {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!hasChromium()) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
