// Browser test of the public portal on the demo data: the real server (demo
// loader on a fresh PGlite directory), every page type in Chromium at phone and
// desktop widths: no axe violations (WCAG 2.1 A/AA), a keyboard walk where
// every stop is visible and focused, no console errors or failed requests, no
// horizontal scrolling; screenshots in test-results/ for a person to look at.
// Corpus facts asserted here were read in data/demo/*.txt.
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, formatViolations, keyboardWalk } from "./a11y.ts";
import { launchBrowser } from "./browser.ts";
import { type PortalServer, startPortalServer } from "./portalServer.ts";

const OUT = "test-results";
const WIDTHS = [375, 1280] as const;

let server: PortalServer;
let browser: Browser;
const pages: { name: string; path: string; status: number }[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startPortalServer();
  browser = await launchBrowser();
  const [indicator] = await server.query<{ id: string }>(
    "select i.id from indicators i join goals g on g.id = i.goal_id join policies p on p.id = g.policy_id where i.baseline_value is not null order by p.slug, i.title limit 1",
  );
  // "Etablering og drift af værested (opstart i 2011) 10,5 mill.kr (3 mill.kr årligt, 1,5 mill.kr i 2011)" (004).
  const [initiative] = await server.query<{ id: string }>(
    "select id from initiatives where title like 'Etablering og drift af værested%' limit 1",
  );
  const [document] = await server.query<{ id: string }>(
    "select d.id from documents d where exists (select 1 from provenance p where p.document_id = d.id) order by length(d.text) limit 1",
  );
  pages.push(
    { name: "home", path: "/", status: 200 },
    { name: "policies", path: "/politikker", status: 200 },
    { name: "policy", path: "/politikker/handicappolitik", status: 200 },
    { name: "indicator", path: `/indikatorer/${indicator?.id}`, status: 200 },
    { name: "initiatives", path: "/initiativer?forvaltning=SOF&sortering=amount&retning=desc", status: 200 },
    { name: "initiative", path: `/initiativer/${initiative?.id}`, status: 200 },
    { name: "document", path: `/dokumenter/${document?.id}`, status: 200 },
    { name: "ground", path: "/ligestillingsgrunde/funktionsevne", status: 200 },
    { name: "search", path: "/soeg?q=handicap", status: 200 },
    { name: "search-suggestion", path: "/soeg?q=handicpa", status: 200 },
    { name: "data", path: "/data", status: 200 },
    { name: "accessibility", path: "/tilgaengelighed", status: 200 },
    { name: "bad-filter", path: "/initiativer?aar=tyve", status: 400 },
    { name: "not-found", path: "/politikker/findes-ikke", status: 404 },
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(context: BrowserContext, path: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (msg.text().startsWith("Failed to load resource") && msg.location().url === server.url + path) return;
    problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  page.on("response", (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== "document")
      problems.push(`${res.status()} ${res.url()}`);
  });
  const res = await page.goto(server.url + path, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  return { page, problems, status: res?.status() ?? 0 };
}

async function check(page: Page, width: number, name: string) {
  await page.screenshot({ path: `${OUT}/portal-${name}-${width}.png`, fullPage: name !== "document" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const violations = await axe(page);
  expect(violations, formatViolations(violations)).toEqual([]);
  const broken = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
      .map((a) => a.getAttribute("href")?.slice(1) ?? "")
      .filter((id) => id !== "" && !document.getElementById(decodeURIComponent(id))),
  );
  expect(broken).toEqual([]);
  // The keyboard walk is slow (one round trip per Tab): once per page type, at desktop width.
  if (width !== 1280) return;
  const walk = await keyboardWalk(page, 120);
  expect(walk.stops[0]?.element).toContain("skipnav");
  expect(walk.problems, walk.problems.join("\n")).toEqual([]);
}

describe("portal pages in Chromium on the demo data", () => {
  for (const width of WIDTHS) {
    it(`every page type at ${width}px: axe${width === 1280 ? ", keyboard" : ""}, no errors`, {
      timeout: 600_000,
    }, async () => {
      for (const spec of pages) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "da-DK" });
        try {
          const { page, problems, status } = await open(context, spec.path);
          expect(status, spec.path).toBe(spec.status);
          await check(page, width, spec.name);
          expect(problems, `${spec.path}: ${problems.join("\n")}`).toEqual([]);
        } finally {
          await context.close();
        }
      }
    });
  }

  it("shows every column of the initiative list on a phone, each cell under its column's name", {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 }, locale: "da-DK" });
    try {
      const initiatives = pages.find((p) => p.name === "initiatives")!;
      const { page } = await open(context, initiatives.path);
      const row = page.locator("#initiativer tbody tr").first();
      for (const title of ["Finansiering", "Status", "Budget"]) {
        const cell = row.locator(`[data-title^="${title}"]`);
        const box = await cell.boundingBox();
        expect(box, title).not.toBeNull();
        expect(box!.x, title).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, title).toBeLessThanOrEqual(375);
        expect(await cell.isVisible(), title).toBe(true);
      }
    } finally {
      await context.close();
    }
  });

  it("shows what the documents say: themes, money per year, search hits, suggestions", {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const policy = (await open(context, "/politikker/handicappolitik")).page;
      // 001: "Det gode liv, Deltagelse, … Netværk" and "Dagtilbud, skole, uddannelse og beskæftigelse".
      const themes = await policy.locator("h2[id^=tema-]").allTextContents();
      expect(themes.join("\n")).toContain("Det gode liv");
      expect(themes.join("\n")).toContain("Dagtilbud, skole, uddannelse og beskæftigelse");

      const initiative = pages.find((p) => p.name === "initiative")!;
      const money = (await open(context, initiative.path)).page;
      const table = await money.locator("table", { hasText: "Budget pr. år" }).textContent();
      // 004: 10,5 mill.kr in all: 1,5 mill.kr in 2011, then 3 mill.kr a year.
      expect(table).toMatch(/2011\s*1,5 mio\. kr\./);
      expect(table).toMatch(/2012\s*3 mio\. kr\./);
      expect(table).toContain("10,5 mio. kr.");

      const hits = (await open(context, "/soeg?q=handicap")).page;
      const policyHits = hits.locator("section", { has: hits.locator("#hits-policy") }).locator("ol a");
      expect(await policyHits.allTextContents()).toContain("Handicappolitik");
      expect(await hits.locator("mark").count()).toBeGreaterThan(0);

      // 001 is, among others, Copenhagen's disability policy ("Handicappolitikken …").
      const ground = (await open(context, "/ligestillingsgrunde/funktionsevne")).page;
      expect(await ground.locator('a[href="/politikker/handicappolitik"]').count()).toBeGreaterThan(0);

      const typo = (await open(context, "/soeg?q=handicpa")).page;
      expect(await typo.getByText("Mente du").count()).toBe(1);

      // A source link lands on a marked span in the document.
      await policy.locator("a.source-link").first().click();
      await policy.waitForURL(/\/dokumenter\/.+#k-/);
      const target = decodeURIComponent(new URL(policy.url()).hash.slice(1));
      expect(await policy.locator(`[id="${target}"]`).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("works without JavaScript: the filter form and sort links are plain links and GET forms", {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    try {
      const { page } = await open(context, "/initiativer");
      await page.selectOption("#f-forvaltning", "SOF");
      await page.getByRole("button", { name: "Vis initiativer" }).click();
      await page.waitForURL(/forvaltning=SOF/);
      const codes = await page.locator("#initiativer tbody tr td:nth-child(2)").allTextContents();
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set(["SOF"]));
      await page.locator("#initiativer th a.sort-link", { hasText: "Budget" }).click();
      await page.waitForURL(/sortering=amount&retning=asc/);
      expect(await page.locator("#initiativer th[aria-sort=ascending]").textContent()).toContain("Budget");
    } finally {
      await context.close();
    }
  });
});
