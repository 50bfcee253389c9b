// The first set-up of a new installation in Chromium: the form on a server
// without an organisation, with an error and then done, each with no axe
// violations and a clean keyboard walk; afterwards the administrator logs in.
import { mkdirSync } from "node:fs";
import { serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { createLogger } from "../src/logger.ts";
import { openFreshDatabase } from "../test/db.ts";
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
  const app = buildApp({
    database: fresh.database,
    logger: createLogger("silent"),
    secret: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    setupCode: "K7QM-RT3X-WPLA-9ZEH",
  });
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
  await page.screenshot({ path: `${OUT}/setup-${name}.png`, fullPage: true });
  const violations = await axe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
  const walk = await keyboardWalk(page, 400);
  expect(walk.problems, walk.problems.join("\n")).toEqual([]);
}

describe("set-up of a new installation in Chromium", () => {
  it("the form passes axe and a keyboard walk, with and without errors, and creates the municipality", {
    timeout: 180_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    try {
      const page = await context.newPage();
      await page.goto(`${url}/`);
      await page.waitForURL(`${url}/opsaetning`);
      await checkPage(page, "form");

      await page.getByLabel("Kommunens navn").fill("Vesterå Kommune");
      await page.getByLabel("Forvaltning 1: kode").fill("BSF");
      await page.getByLabel("Forvaltning 1: navn").fill("Børne- og Skoleforvaltningen");
      await page.getByRole("button", { name: "Tilføj en række" }).first().click();
      await expect.poll(() => page.locator("#forvaltning-3-kode").count()).toBe(1);
      await page.getByLabel("Udvalg som CSV (indsæt)").fill("SSU;Social- og Sundhedsudvalget");
      await page.getByLabel("Navn", { exact: true }).fill("Vera Vester");
      await page.getByLabel("E-mail").fill("vera@vesteraa.dk");
      await page.getByLabel("Adgangskode").fill("kort");
      await page.getByRole("button", { name: "Opret kommunen" }).click();
      await expect.poll(() => page.locator(".alert-error").textContent()).toContain("mindst 12 tegn");
      await checkPage(page, "error");

      // Enter in a field creates the municipality (it does not add a row).
      await page.getByLabel("Adgangskode").fill("en lang og god adgangskode");
      await page.getByLabel("Adgangskode").press("Enter");
      await expect.poll(() => page.locator("h1").textContent()).toContain("Vesterå Kommune er oprettet");
      await checkPage(page, "done");

      await page.getByRole("link", { name: "Log ind" }).click();
      await page.getByLabel("E-mail").fill("vera@vesteraa.dk");
      await page.getByLabel("Adgangskode").fill("en lang og god adgangskode");
      await page.getByRole("button", { name: "Log ind" }).click();
      await page.waitForURL(`${url}/admin`);
      expect(await page.locator("header").textContent()).toContain("Vera Vester");
    } finally {
      await context.close();
    }
  });
});
