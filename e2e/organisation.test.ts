// The admin's own pages in Chromium: organisation (administrations and
// committees), one administration in use, and settings, each with no axe
// violations and a clean keyboard walk, also when a form comes back with errors.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInitiative, buildLoginUser, buildOrganisation, buildPolicy } from "../test/factories.ts";
import { axe, formatViolations, keyboardWalk } from "./a11y.ts";
import { startAdminServer } from "./adminServer.ts";
import { launchBrowser } from "./browser.ts";

const OUT = "test-results";

let browser: Browser;
let url: string;
let close: () => Promise<void>;
let login: { email: string; password: string };
let sofId: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const org = await buildOrganisation();
  const policy = await buildPolicy(org);
  await buildInitiative(org, policy.id, { administrationId: org.administrationIds.SOF });
  sofId = org.administrationIds.SOF!;
  const { email, password } = await buildLoginUser(org, "admin", { name: "Anne Admin" });
  login = { email, password };
  ({ url, close } = await startAdminServer(org));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
});

async function checkPage(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/organisation-${name}.png`, fullPage: true });
  const violations = await axe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
  const walk = await keyboardWalk(page, 400);
  expect(walk.problems, walk.problems.join("\n")).toEqual([]);
}

describe("the admin's own pages in Chromium", () => {
  it("organisation and settings pass axe and a keyboard walk, with and without errors", {
    timeout: 180_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    try {
      const page = await context.newPage();
      await page.goto(`${url}/admin/login`);
      await page.getByLabel("E-mail").fill(login.email);
      await page.getByLabel("Adgangskode").fill(login.password);
      await page.getByRole("button", { name: "Log ind" }).click();
      await page.waitForURL(`${url}/admin`);

      await page.getByRole("link", { name: "Organisation" }).first().click();
      await page.waitForURL(`${url}/admin/organisation`);
      await checkPage(page, "list");

      // A committee without a name: the error summary links to the field.
      await page.locator("#udv-code").fill("HAU");
      await page.getByRole("button", { name: "Tilføj udvalg" }).click();
      await expect.poll(() => page.locator(".alert-error").textContent()).toContain("Skriv udvalgets navn");
      await checkPage(page, "list-error");
      await page.locator("#udv-name").fill("Havneudvalget");
      await page.getByRole("button", { name: "Tilføj udvalg" }).click();
      await expect.poll(() => page.locator(".alert-success").textContent()).toContain("Tilføjet.");
      expect(await page.locator("main").textContent()).toContain("Havneudvalget");

      await page.goto(`${url}/admin/organisation/forvaltninger/${sofId}`);
      expect(await page.locator("main").textContent()).toContain("kan ikke slettes");
      await checkPage(page, "in-use");

      await page.goto(`${url}/admin/indstillinger`);
      await checkPage(page, "settings");
      await page.locator("#setting-inquiry_due_working_days").fill("99");
      await page.getByRole("button", { name: /Gem svarfrist/ }).click();
      await expect
        .poll(() => page.locator(".alert-error").textContent())
        .toContain("skriv et helt tal fra 1 til 60");
      await checkPage(page, "settings-error");
    } finally {
      await context.close();
    }
  });
});
