// The registry editors and user management in Chromium: the overview, an
// editor showing a conflict (someone saved first), and the users page with a
// one-time password must have no axe violations and pass a keyboard walk.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { themeUpdater } from "../src/commands/registry/themeUpdater.ts";
import {
  buildGoal,
  buildIndicator,
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  buildTheme,
  type TestOrganisation,
} from "../test/factories.ts";
import { axe, formatViolations, keyboardWalk } from "./a11y.ts";
import { startAdminServer } from "./adminServer.ts";
import { launchBrowser } from "./browser.ts";

const OUT = "test-results";

let browser: Browser;
let url: string;
let close: () => Promise<void>;
let org: TestOrganisation;
let themeId: string;
let login: { email: string; password: string };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  org = await buildOrganisation();
  const policy = await buildPolicy(org, { title: "Politik for ligestilling 2024–2027" });
  const theme = await buildTheme(org, policy.id, 1, "Lige adgang til job");
  themeId = theme.id;
  const goal = await buildGoal(org, policy.id, { themeId: theme.id });
  await buildIndicator(org, goal.id);
  await buildInitiative(org, policy.id);
  await buildInitiative(org, policy.id, {
    title: "Mentorforløb",
    administrationId: org.administrationIds.BIF,
  });
  const { email, password } = await buildLoginUser(org, "admin", { name: "Anne Administrator" });
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
  await page.screenshot({ path: `${OUT}/registry-${name}.png`, fullPage: true });
  const violations = await axe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
  const walk = await keyboardWalk(page, 400);
  expect(walk.problems, walk.problems.join("\n")).toEqual([]);
}

describe("registry and users in Chromium", () => {
  it("admin: overview, an editor with a conflict, the users page with a new user's one-time password", {
    timeout: 180_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${url}/admin/login`);
      await page.getByLabel("E-mail").fill(login.email);
      await page.getByLabel("Adgangskode").fill(login.password);
      await page.getByRole("button", { name: "Log ind" }).click();
      await page.waitForURL(`${url}/admin`);

      await page.getByRole("link", { name: "Registret" }).first().click();
      await page.waitForURL(`${url}/admin/register`);
      expect(await page.locator("h1").textContent()).toBe("Registret");
      await page.getByLabel("Vis initiativer fra forvaltning").selectOption("BIF");
      await page.getByRole("button", { name: "Filtrér" }).click();
      await page.waitForURL(/forvaltning=BIF/);
      expect(await page.locator("main").textContent()).toContain("Mentorforløb");
      await checkPage(page, "overview");

      await page.getByRole("link", { name: "1. Lige adgang til job" }).click();
      await page.getByLabel("Titel").fill("Lige adgang til uddannelse");
      // Someone else saves the theme while this form is open.
      await themeUpdater(org.ctx(), {
        id: themeId,
        version: 1,
        number: 1,
        title: "Job for alle",
        description: null,
      });
      await page.getByRole("button", { name: "Gem" }).click();
      await expect
        .poll(() => page.locator(".alert-error").first().textContent())
        .toContain("En anden har gemt først");
      expect(await page.locator("[data-testid=conflict]").textContent()).toContain("Job for alle");
      expect(await page.getByLabel("Titel").inputValue()).toBe("Lige adgang til uddannelse");
      await checkPage(page, "conflict");
      await page.getByRole("button", { name: "Gem" }).click();
      await expect.poll(() => page.locator(".alert-success").textContent()).toContain("Ændringerne er gemt.");

      await page.getByRole("link", { name: "Brugere" }).first().click();
      await page.waitForURL(`${url}/admin/brugere`);
      await page.locator("#name").fill("Ib Indberetter");
      await page.locator("#email").fill("ib@example.dk");
      await page.locator("#role").selectOption("reporter");
      await page.locator("#administration").selectOption("SOF");
      await page.getByRole("button", { name: "Tilføj bruger" }).click();
      await expect.poll(() => page.locator("[data-testid=one-time-password]").count()).toBe(1);
      expect(await page.locator("main").textContent()).toContain("Indberetter, SOF");
      await checkPage(page, "users");
      await page.getByRole("link", { name: "Ib Indberetter" }).click();
      expect(await page.locator("h1").textContent()).toBe("Ib Indberetter");
      await checkPage(page, "user");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
