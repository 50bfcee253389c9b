// The national comparison pages in Chromium, over two invented municipalities
// that measure the same indicators: the list and one comparison (chart and
// table) each with no axe violations and a clean keyboard walk.
import { mkdirSync } from "node:fs";
import { serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { createLogger } from "../src/logger.ts";
import { openFreshDatabase } from "../test/db.ts";
import { buildOrganisation, buildRegistry } from "../test/factories.ts";
import { axe, formatViolations, keyboardWalk } from "./a11y.ts";
import { launchBrowser } from "./browser.ts";

const OUT = "test-results";

let browser: Browser;
let url: string;
let fresh: Awaited<ReturnType<typeof openFreshDatabase>>;
let server: ReturnType<typeof serve>;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  fresh = await openFreshDatabase();
  await buildRegistry(await buildOrganisation(fresh.db));
  await buildRegistry(await buildOrganisation(fresh.db));
  const app = buildApp({ database: fresh.database, logger: createLogger("silent") });
  url = await new Promise<string>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await fresh?.close();
});

async function checkPage(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/compare-${name}.png`, fullPage: true });
  const violations = await axe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
  const walk = await keyboardWalk(page, 400);
  expect(walk.problems, walk.problems.join("\n")).toEqual([]);
}

describe("the national comparison in Chromium", () => {
  it("the list and a comparison pass axe and a keyboard walk", { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    try {
      const page = await context.newPage();
      await page.goto(`${url}/sammenlign`);
      await checkPage(page, "list");
      await page.getByRole("link", { name: "Andel i beskæftigelse" }).click();
      await page.waitForURL(/\/sammenlign\/andel-i-beskaeftigelse--pct$/);
      expect(await page.locator("figure svg[role=img]").count()).toBe(1);
      expect(await page.locator("table tbody tr").count()).toBe(2);
      await checkPage(page, "indicator");
    } finally {
      await context.close();
    }
  });
});
