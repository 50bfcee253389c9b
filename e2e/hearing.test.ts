// A hearing from opening to summary in Chromium, with three responses: one a
// citizen submits through the public form, one the coordinator registers, and
// the corpus' committee hearing response (file 003), imported with the document
// importer and attached to the hearing. The summary must group them by goal with
// the right counts. Public page, form errors and summary pass axe.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentImporter } from "../src/commands/documentImporter.ts";
import { draftDocument } from "../src/commands/hearings/testkit.ts";
import { buildGoal, buildLoginUser, buildOrganisation, buildPolicy } from "../test/factories.ts";
import { axe, formatViolations } from "./a11y.ts";
import { startAdminServer } from "./adminServer.ts";
import { launchBrowser } from "./browser.ts";

// The committee hearing response on the draft integration policy 2015–2018 (see data/demo/README.md).
const LETTER = path.resolve("data/demo/003_139553ee05667919.txt");
const GOAL_JOB = "Flere københavnere med ikke-vestlig baggrund i job eller uddannelse";
// The draft's goal on homelessness; the letter names a goal on the same (in its own words).
const GOAL_HOMELESS = "Færre hjemløse københavnere med ikke-vestlig baggrund";

let browser: Browser;
let url: string;
let close: () => Promise<void>;
let login: { email: string; password: string };

beforeAll(async () => {
  const org = await buildOrganisation();
  const { email, password } = await buildLoginUser(org, "coordinator", { name: "Mette Koordinator" });
  login = { email, password };
  const policy = await buildPolicy(org, { title: "Integrationspolitik 2015–2018 (udkast)", status: "draft" });
  await buildGoal(org, policy.id, { number: "1", text: GOAL_JOB, sortOrder: 1 });
  await buildGoal(org, policy.id, { number: "2", text: GOAL_HOMELESS, sortOrder: 2 });
  await draftDocument(
    org,
    `Udkast til integrationspolitik 2015–2018\nMål 1: ${GOAL_JOB}\nMål 2: ${GOAL_HOMELESS}`,
    "Udkast til integrationspolitik 2015–2018",
  );
  // The letter through the importer, accepted as the demo load does.
  await documentImporter(org.ctx(), {
    bytes: new Uint8Array(readFileSync(LETTER)),
    filename: path.basename(LETTER),
    acceptAll: true,
  });
  ({ url, close } = await startAdminServer(org));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
});

async function noViolations(page: Page) {
  const violations = await axe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
}

describe("a hearing in Chromium", () => {
  it("opens a hearing, takes three responses and produces the summary grouped by goal", {
    timeout: 240_000,
  }, async () => {
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    const citizen = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    try {
      // The coordinator opens the hearing.
      const admin = await staff.newPage();
      await admin.goto(`${url}/admin/login`);
      await admin.getByLabel("E-mail").fill(login.email);
      await admin.getByLabel("Adgangskode").fill(login.password);
      await admin.getByRole("button", { name: "Log ind" }).click();
      await admin.waitForURL(`${url}/admin`);
      await admin.getByRole("link", { name: "Høringer" }).first().click();
      await admin.getByRole("link", { name: "Åbn en høring" }).click();
      await noViolations(admin);
      await admin
        .getByLabel("Politik i høring")
        .selectOption({ label: "Integrationspolitik 2015–2018 (udkast)" });
      await admin
        .getByLabel("Udkastet (importeret dokument)")
        .selectOption({ label: "Udkast til integrationspolitik 2015–2018 (udkast.txt)" });
      await admin.getByLabel("Titel").fill("Høring om integrationspolitik 2015–2018");
      await admin.getByLabel("Høringen åbner").fill("2020-01-01");
      await admin.getByLabel("Høringsfrist").fill("2099-12-31");
      await admin.getByLabel("Socialudvalget").check();
      await admin.getByLabel("Andre høringsparter (råd, organisationer)").fill("Integrationsrådet");
      await admin.getByRole("button", { name: "Åbn høringen" }).click();
      await expect.poll(() => admin.locator(".alert-success").textContent()).toContain("Høringen er åbnet.");
      const hearingUrl = admin.url().split("?")[0]!;
      const hearingId = hearingUrl.split("/").pop()!;

      // A citizen answers through the public page: first with a mistake, then properly.
      const pub = await citizen.newPage();
      await pub.goto(`${url}/hoeringer/${hearingId}`);
      expect(await pub.locator("h1").textContent()).toBe("Høring om integrationspolitik 2015–2018");
      await noViolations(pub);
      await pub.getByLabel("Navn eller organisation").fill("Karen Borger");
      await pub.getByRole("button", { name: "Send høringssvar" }).click();
      await expect.poll(() => pub.title()).toMatch(/^Fejl: /);
      expect(await pub.locator(".alert-error").textContent()).toContain("Skriv dit høringssvar.");
      await noViolations(pub);
      await pub.getByLabel(`Mål 1: ${GOAL_JOB}`).check();
      await pub.getByLabel(`Mål 2: ${GOAL_HOMELESS}`).check();
      await pub.getByLabel("Dit høringssvar").fill("Husk de unge <script>alert(1)</script> i begge mål.");
      await pub.getByLabel("E-mail til kvittering").fill("karen@example.dk");
      await pub.getByRole("button", { name: "Send høringssvar" }).click();
      await expect.poll(() => pub.locator("h1").textContent()).toBe("Tak for dit høringssvar");

      // The coordinator registers a response received by letter, on goal 2.
      await admin.goto(hearingUrl);
      await admin.getByRole("link", { name: "Registrér høringssvar" }).click();
      await admin.getByLabel("Afsender er").selectOption("organisation");
      await admin.getByLabel("Navn på afsender").fill("Boligforeningen Nord");
      await admin.getByLabel(`Mål 2: ${GOAL_HOMELESS}`).check();
      await admin.getByLabel("Høringssvarets tekst").fill("Flere billige boliger til hjemløse.");
      await admin.getByRole("button", { name: "Registrér" }).click();
      await expect.poll(() => admin.locator(".alert-success").textContent()).toContain("registreret");

      // The imported committee letter is attached.
      await admin.getByRole("button", { name: "Tilknyt svaret fra Socialudvalget" }).click();
      await expect.poll(() => admin.locator(".alert-success").textContent()).toContain("tilknyttet");
      expect(await admin.locator("table tbody tr").count()).toBe(3);
      await noViolations(admin);

      // The summary: goal 1 has the citizen; goal 2 the citizen, the association and the
      // committee (its homelessness goal matched); the letter's two other goals are sections of their own.
      await admin.getByRole("link", { name: "Høringsnotat" }).first().click();
      await expect.poll(() => admin.locator("h1").textContent()).toContain("Høringsnotat");
      const counts = await admin
        .locator("td[data-section-count]")
        .evaluateAll((cells) =>
          cells.map((c) => [c.getAttribute("data-section-count"), Number(c.textContent)]),
        );
      expect(counts[0]).toEqual([`Mål 1: ${GOAL_JOB}`, 1]);
      expect(counts[1]).toEqual([`Mål 2: ${GOAL_HOMELESS}`, 3]);
      // The letter chose three goals: one is goal 2, so two more sections, one response each.
      expect(counts).toHaveLength(4);
      expect(counts.slice(2).map((c) => c[1])).toEqual([1, 1]);
      const main = (await admin.locator("main").textContent())!;
      expect(main).toContain("Antal høringssvar: 3.");
      expect(main).toContain("Socialudvalget");
      expect(main).toContain("Boligforeningen Nord");
      expect(main).not.toContain("Karen Borger");
      expect(main).toContain("<script>alert(1)</script>");
      expect(await admin.locator("main script").count()).toBe(0);
      const goal2 = admin.locator("section", {
        has: admin.getByRole("heading", { name: `Mål 2: ${GOAL_HOMELESS}` }),
      });
      expect(await goal2.locator("tbody tr").count()).toBe(3);
      await noViolations(admin);
    } finally {
      await staff.close();
      await citizen.close();
    }
  });
});
