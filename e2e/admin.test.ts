// The admin in Chromium: a coordinator logs in, imports a corpus document,
// accepts a candidate, and finds it on the public portal. Login, dashboard
// and review queue must have no axe violations and pass a keyboard walk;
// screenshots go to test-results/ for a person to look at.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLoginUser, buildOrganisation } from "../test/factories.ts";
import { axe, formatViolations, keyboardWalk } from "./a11y.ts";
import { startAdminServer } from "./adminServer.ts";
import { launchBrowser } from "./browser.ts";

const OUT = "test-results";
// The committees' action plans for the integration policy 2011–14 (see data/demo/README.md).
const DOCUMENT = path.resolve("data/demo/004_7c8e50ded8f448b7.txt");

let browser: Browser;
let url: string;
let close: () => Promise<void>;
let login: { email: string; password: string };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const org = await buildOrganisation();
  const { email, password } = await buildLoginUser(org, "coordinator", { name: "Mette Koordinator" });
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
  await page.screenshot({ path: `${OUT}/admin-${name}.png`, fullPage: true });
  const violations = await axe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
  const walk = await keyboardWalk(page, 400);
  expect(walk.stops[0]?.element).toContain("skipnav");
  expect(walk.problems, walk.problems.join("\n")).toEqual([]);
  return walk;
}

describe("the admin in Chromium", () => {
  it("coordinator: log in, import a document, accept a candidate, see it on the public page", {
    timeout: 180_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
      });

      await page.goto(`${url}/admin`);
      expect(new URL(page.url()).pathname).toBe("/admin/login");
      await checkPage(page, "login");

      // A wrong password: the error summary, and the page still passes.
      await page.getByLabel("E-mail").fill(login.email);
      await page.getByLabel("Adgangskode").fill("forkert-adgangskode");
      await page.getByRole("button", { name: "Log ind" }).click();
      await expect
        .poll(() => page.locator(".alert-error").textContent())
        .toContain("E-mail eller adgangskode er forkert.");
      await checkPage(page, "login-error");

      await page.getByLabel("Adgangskode").fill(login.password);
      await page.getByRole("button", { name: "Log ind" }).click();
      await page.waitForURL(`${url}/admin`);
      expect(await page.locator("h1").textContent()).toBe("Oversigt");
      expect(await page.locator(".header .user").first().textContent()).toContain("Mette Koordinator");
      await checkPage(page, "dashboard");

      await page.getByRole("link", { name: "Importér dokument" }).first().click();
      await page.locator("#file").setInputFiles(DOCUMENT);
      await page.getByRole("button", { name: "Importér" }).click();
      await expect
        .poll(() => page.locator(".alert-success").textContent(), { timeout: 60_000 })
        .toContain("forslag venter på gennemgang");
      await page.screenshot({ path: `${OUT}/admin-import-summary.png`, fullPage: true });
      expect(await page.locator("main").textContent()).toContain("Udvalgshandleplan");

      await page.getByRole("link", { name: "Gennemgå forslagene" }).click();
      await page.getByLabel("Slags").selectOption("policy");
      await page.getByRole("button", { name: "Filtrér" }).click();
      await page.waitForURL(/slags=policy/);
      const first = page.locator("article.candidate").first();
      const heading = (await first.locator("h3").textContent())!;
      expect(heading).toMatch(/^Politik: /);
      const title = heading.replace(/^Politik: /, "");
      await checkPage(page, "review-queue");

      await first.getByRole("button", { name: /^Godkend/ }).click();
      await expect.poll(() => page.locator(".alert-success").textContent()).toContain("1 godkendt");

      await page.goto(`${url}/`);
      expect(await page.locator("main").textContent()).toContain(title);
      expect(await page.locator("main").textContent()).toContain("2011–2014");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("on a phone (375 px): dashboard, review queue and import fit the screen and pass axe", {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: "da-DK" });
    try {
      const page = await context.newPage();
      await page.goto(`${url}/admin/login`);
      await page.getByLabel("E-mail").fill(login.email);
      await page.getByLabel("Adgangskode").fill(login.password);
      await page.getByRole("button", { name: "Log ind" }).click();
      await page.waitForURL(`${url}/admin`);
      for (const path of ["/admin", "/admin/forslag", "/admin/import"]) {
        await page.goto(`${url}${path}`);
        const name = path.replaceAll("/", "-").slice(1);
        await page.screenshot({ path: `${OUT}/${name}-375.png`, fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        const violations = await axe(page);
        expect(violations, formatViolations(violations)).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
