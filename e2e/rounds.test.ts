// A status round end to end in Chromium: the coordinator opens it, two
// reporters of different administrations submit (one after a reminder), one
// answer is returned, corrected and resubmitted, the round is locked and the
// committee report downloaded with both answers in it. A reporter trying the
// other administration's answer gets the 404 page. The board and the reporter's
// form pass axe, and the submit button is reached by keyboard.
import { mkdirSync, readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, statusReports } from "../src/db/schema.ts";
import {
  buildInitiative,
  buildLoginUser,
  buildOrganisation,
  buildPolicy,
  type TestOrganisation,
} from "../test/factories.ts";
import { axe, formatViolations, keyboardWalk } from "./a11y.ts";
import { startAdminServer } from "./adminServer.ts";
import { launchBrowser } from "./browser.ts";

const OUT = "test-results";
type Login = { email: string; password: string };

let browser: Browser;
let url: string;
let close: () => Promise<void>;
let org: TestOrganisation;
let policyTitle: string;
let users: { coordinator: Login; bif: Login; sof: Login };
let items: { bif: string; sof: string };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  org = await buildOrganisation();
  const policy = await buildPolicy(org, { title: "Politik for ligestilling og inklusion" });
  policyTitle = policy.title;
  items = {
    bif: (
      await buildInitiative(org, policy.id, {
        title: "Jobmentor",
        administrationId: org.administrationIds.BIF,
      })
    ).id,
    sof: (
      await buildInitiative(org, policy.id, {
        title: "Rådgivning",
        administrationId: org.administrationIds.SOF,
      })
    ).id,
  };
  users = {
    coordinator: await buildLoginUser(org, "coordinator", { name: "Mette Koordinator" }),
    bif: await buildLoginUser(org, "reporter", { administrationCode: "BIF", name: "Bo Indberetter" }),
    sof: await buildLoginUser(org, "reporter", { administrationCode: "SOF", name: "Sara Indberetter" }),
  };
  ({ url, close } = await startAdminServer(org));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
});

async function loggedIn(login: Login): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
  const page = await context.newPage();
  await page.goto(`${url}/admin/login`);
  await page.getByLabel("E-mail").fill(login.email);
  await page.getByLabel("Adgangskode").fill(login.password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForURL(`${url}/admin`);
  return { context, page };
}

async function noAxeViolations(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/rounds-${name}.png`, fullPage: true });
  const violations = await axe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
}

async function reportId(initiativeId: string) {
  const [row] = await org.db.select().from(statusReports).where(eq(statusReports.initiativeId, initiativeId));
  return row!.id;
}

/** A reporter opens their item from "Mine indmeldinger", writes a narrative and submits. */
async function submitAnswer(page: Page, item: string, narrative: string) {
  await page.getByRole("link", { name: "Mine indmeldinger" }).first().click();
  await page.getByRole("link", { name: item }).click();
  await page.getByLabel("Følger planen").check({ force: true });
  await page.getByLabel("Beretning").fill(narrative);
  await page.getByRole("button", { name: "Indsend" }).click();
  await expect.poll(() => page.locator(".alert-success").textContent()).toContain("Svaret er indsendt");
}

describe("a status round in Chromium", () => {
  it("open → submit (one after a reminder) → return → resubmit → lock → report with both answers", {
    timeout: 240_000,
  }, async () => {
    const coordinator = await loggedIn(users.coordinator);
    const bif = await loggedIn(users.bif);
    const sof = await loggedIn(users.sof);
    try {
      // The coordinator opens the round.
      const c = coordinator.page;
      await c.getByRole("link", { name: "Statusrunder" }).first().click();
      await c.getByRole("link", { name: "Åbn en ny statusrunde" }).click();
      // Sent empty first: the Danish error summary, and the page still passes axe.
      await c.getByRole("button", { name: "Åbn runden" }).click();
      await expect.poll(() => c.locator(".alert-error").textContent()).toContain("Vælg en politik.");
      expect(await c.title()).toMatch(/^Fejl: /);
      await noAxeViolations(c, "new-round-errors");
      await c.getByLabel("Politik").selectOption({ label: policyTitle });
      await c.getByLabel("Periode").fill("2025");
      await c.getByLabel("Frist for indmelding").fill(`${new Date().getUTCFullYear() + 1}-01-31`);
      await c.getByLabel(/\(BIF\)/).check({ force: true });
      await c.getByLabel(/\(SOF\)/).check({ force: true });
      await c.getByRole("button", { name: "Åbn runden" }).click();
      await expect.poll(() => c.locator(".alert-success").textContent()).toContain("Runden er åbnet");
      const boardUrl = c.url().replace(/\?.*$/, "");
      await noAxeViolations(c, "board-open");

      // BIF submits at once; the form passes axe and its submit button is reached by keyboard.
      await bif.page.getByRole("link", { name: "Mine indmeldinger" }).first().click();
      await bif.page.getByRole("link", { name: "Jobmentor" }).click();
      await noAxeViolations(bif.page, "reporter-form");
      const walk = await keyboardWalk(bif.page, 300);
      expect(walk.stops.some((s) => s.element.startsWith("button") && s.element.includes('"Indsend"'))).toBe(
        true,
      );
      expect(walk.problems, walk.problems.join("\n")).toEqual([]);
      await submitAnswer(bif.page, "Jobmentor", "Jobmentor: 120 ledige i forløb i 2025.");

      // SOF has not; the coordinator reminds, and only SOF's reporter gets the mail.
      await c.goto(boardUrl);
      await c.getByRole("button", { name: "Send påmindelse til alle, der mangler" }).click();
      await expect
        .poll(() => c.locator(".alert-success").textContent())
        .toContain("Påmindelsen er sendt til 1 indberetter");
      const mails = await org.db.select().from(outbox).where(eq(outbox.organisationId, org.organisationId));
      expect(mails.map((m) => m.to)).toEqual([users.sof.email]);

      await submitAnswer(sof.page, "Rådgivning", "Rådgivning: 45 borgere fik råd i 2025.");

      // SOF's reporter tries BIF's answer: the 404 page.
      const foreign = await sof.page.goto(`${url}/admin/indmeldinger/${await reportId(items.bif)}`);
      expect(foreign!.status()).toBe(404);
      expect(await sof.page.locator("h1").textContent()).toContain("Siden findes ikke");

      // The coordinator returns BIF's answer with a comment.
      await c.goto(boardUrl);
      await c.getByRole("link", { name: "Jobmentor" }).click();
      await noAxeViolations(c, "answer-review");
      await c.getByLabel("Hvad skal rettes?").fill("Skriv også, hvor mange der kom i job.");
      await c.getByRole("button", { name: "Send retur til forvaltningen" }).click();
      await expect.poll(() => c.locator(".alert-success").textContent()).toContain("sendt retur");

      // BIF sees the comment, corrects and resubmits.
      await bif.page.getByRole("link", { name: "Mine indmeldinger" }).first().click();
      await bif.page.getByRole("link", { name: "Jobmentor" }).click();
      expect(await bif.page.locator("main").textContent()).toContain("Skriv også, hvor mange der kom i job.");
      await bif.page.getByLabel("Beretning").fill("Jobmentor: 120 ledige i forløb, 38 kom i job.");
      await bif.page.getByRole("button", { name: "Indsend" }).click();
      await expect
        .poll(() => bif.page.locator(".alert-success").textContent())
        .toContain("Svaret er indsendt");

      // Review, then lock, each after a confirmation.
      await c.goto(boardUrl);
      await c.getByRole("link", { name: "Afslut indmelding og gennemgå" }).click();
      await c.getByRole("button", { name: /^Ja, afslut indmelding/ }).click();
      await c.getByRole("link", { name: "Lås runden" }).click();
      await c.getByRole("button", { name: "Ja, lås runden" }).click();
      await expect.poll(() => c.locator(".alert-success").textContent()).toContain("Låst");
      await noAxeViolations(c, "board-locked");

      // The reporter's form is now read-only.
      await bif.page.reload();
      expect(await bif.page.getByRole("button", { name: "Indsend" }).count()).toBe(0);

      // The committee report holds both answers.
      const [download] = await Promise.all([
        c.waitForEvent("download"),
        c.getByRole("link", { name: "Statusrapport til udvalget (Word)" }).click(),
      ]);
      const bytes = readFileSync((await download.path())!);
      const xml = strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"]!);
      expect(xml).toContain("Jobmentor: 120 ledige i forløb, 38 kom i job.");
      expect(xml).toContain("Rådgivning: 45 borgere fik råd i 2025.");
      const [answer] = await org.db
        .select()
        .from(statusReports)
        .where(and(eq(statusReports.initiativeId, items.bif), eq(statusReports.state, "submitted")));
      expect(answer).toBeDefined();
    } finally {
      await coordinator.context.close();
      await bif.context.close();
      await sof.context.close();
    }
  });
});
