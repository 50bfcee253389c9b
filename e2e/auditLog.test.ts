// The audit log in Chromium at 1280 px: every change in Danish, nothing runs off the
// page sideways (not even a long value without spaces), and axe finds no violations.
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policyCreator } from "../src/commands/registry/policyCreator.ts";
import { buildActor } from "../test/actors.ts";
import { buildLoginUser, buildOrganisation, type TestOrganisation } from "../test/factories.ts";
import { axe, formatViolations } from "./a11y.ts";
import { startAdminServer } from "./adminServer.ts";
import { launchBrowser } from "./browser.ts";

const OUT = "test-results";
let browser: Browser;
let url: string;
let close: () => Promise<void>;
let org: TestOrganisation;
let admin: { email: string; password: string };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  org = await buildOrganisation();
  const coordinator = await buildActor(org, "coordinator");
  // Changes with long values: a title of many words and one long word without spaces.
  await policyCreator(coordinator.ctx, {
    title: `Politik for ligestilling, inklusion og mangfoldighed i alle kommunens forvaltninger og institutioner ${"m".repeat(10)}`,
    kind: "policy",
    status: "adopted",
    periodStart: 2019,
    periodEnd: 2022,
    ownerAdministrationId: org.administrationIds.ØKF,
    adoptedOn: null,
    followUp: `Årlig status til udvalget. ${"Ligestillingsopfølgningsrapporteringsforpligtelse".repeat(4)}`,
  });
  admin = await buildLoginUser(org, "admin", { name: "Anne Administrator" });
  ({ url, close } = await startAdminServer(org));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
});

describe("audit log in Chromium", () => {
  it("fits 1280 px without scrolling sideways and passes axe", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    const page = await context.newPage();
    await page.goto(`${url}/admin/login`);
    await page.getByLabel("E-mail").fill(admin.email);
    await page.getByLabel("Adgangskode").fill(admin.password);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL(`${url}/admin`);
    await page.goto(`${url}/admin/log`);
    await expect.poll(() => page.locator("table").textContent()).toContain("Politik oprettet");
    const table = (await page.locator("table").textContent()) ?? "";
    expect(table).not.toContain("2.019");
    expect(table).not.toContain("policy.create");
    expect(table).not.toContain('{"');
    const width = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await page.screenshot({ path: `${OUT}/audit-log-1280.png`, fullPage: true });
    const violations = await axe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await context.close();
  });
});
