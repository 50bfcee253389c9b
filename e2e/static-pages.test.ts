// Browser test of the presentation layer: the static pages and a page with
// every component, in Chromium at phone and desktop widths, under the
// production CSP. Each page must have no axe violations (WCAG 2.1 A/AA), a
// keyboard walk where every stop is visible and visibly focused, no console
// errors (a CSP violation is one) and no failed asset request. Screenshots go
// to test-results/ for a person to look at.
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, formatViolations, keyboardWalk } from "./a11y.ts";
import { launchBrowser } from "./browser.ts";
import { type RunningApp, startDemoApp } from "./demo-app.tsx";

const OUT = "test-results";
const WIDTHS = [375, 1280] as const;

const PAGES = [
  { name: "accessibility", path: "/tilgaengelighed", status: 200 },
  { name: "demo", path: "/demo", status: 200 },
  { name: "admin", path: "/admin", status: 200 },
  { name: "not-found", path: "/findes-ikke", status: 404 },
  { name: "server-error", path: "/fejl", status: 500 },
  { name: "bad-request", path: "/ugyldig", status: 400 },
] as const;

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await startDemoApp();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

interface Problems {
  console: string[];
  failedRequests: string[];
}

async function openPage(
  context: BrowserContext,
  path: string,
): Promise<{ page: Page; problems: Problems; status: number }> {
  const page = await context.newPage();
  const problems: Problems = { console: [], failedRequests: [] };
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    // Chromium logs the page's own 404/500 as a failed load; that status is expected and checked below.
    if (msg.text().startsWith("Failed to load resource") && msg.location().url === app.url + path) return;
    problems.console.push(msg.text());
  });
  page.on("pageerror", (err) => problems.console.push(err.message));
  page.on("response", (res) => {
    // The page's own status is checked separately; every other request must succeed.
    if (res.status() >= 400 && res.request().resourceType() !== "document") {
      problems.failedRequests.push(`${res.status()} ${res.url()}`);
    }
  });
  page.on("dialog", (d) => {
    problems.console.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  const res = await page.goto(app.url + path, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  return { page, problems, status: res?.status() ?? 0 };
}

describe("static pages in Chromium", () => {
  for (const width of WIDTHS) {
    for (const spec of PAGES) {
      it(`${spec.name} at ${width}px: no axe violations, keyboard walk passes`, {
        timeout: 60_000,
      }, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "da-DK" });
        try {
          const { page, problems, status } = await openPage(context, spec.path);
          expect(status).toBe(spec.status);
          // init.js ran: the no-script fallbacks are off.
          expect(await page.evaluate(() => document.documentElement.className)).toContain("js");

          await page.screenshot({ path: `${OUT}/${spec.name}-${width}.png`, fullPage: true });
          // Reflow (WCAG 1.4.10): nothing makes the page wider than the screen.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

          const violations = await axe(page);
          expect(violations, formatViolations(violations)).toEqual([]);

          // Every in-page link (skip link, error summary) lands on an element that exists.
          const brokenAnchors = await page.evaluate(() =>
            Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'))
              .map((a) => a.getAttribute("href")?.slice(1) ?? "")
              .filter((id) => id !== "" && !document.getElementById(id)),
          );
          expect(brokenAnchors).toEqual([]);

          const walk = await keyboardWalk(page);
          expect(walk.stops.length).toBeGreaterThan(3);
          expect(walk.stops[0]?.element).toContain("skipnav");
          expect(walk.problems, walk.problems.join("\n")).toEqual([]);

          expect(problems.console, problems.console.join("\n")).toEqual([]);
          expect(problems.failedRequests, problems.failedRequests.join("\n")).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it("demo page without JavaScript: menu shown inline, accordions open, no violations", {
    timeout: 60_000,
  }, async () => {
    // Our scripts are blocked rather than JavaScript switched off, so axe (injected
    // by Playwright) can still run on the page as a browser without scripts shows it.
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    await context.route(/\.js$/, (route) => route.abort());
    try {
      const { page } = await openPage(context, "/demo");
      expect(await page.evaluate(() => document.documentElement.className)).toBe("no-js");
      await page.screenshot({ path: `${OUT}/demo-375-nojs.png`, fullPage: true });
      expect(await page.locator(".navigation-menu .nav a", { hasText: "Initiativer" }).isVisible()).toBe(
        true,
      );
      expect(await page.locator(".button-menu-open").isVisible()).toBe(false);
      expect(await page.locator("#demo-acc-2").isVisible()).toBe(true);
      const violations = await axe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("demo page with JavaScript: DKFDS closes the collapsed accordion item and the sort links work", {
    timeout: 60_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page } = await openPage(context, "/demo");
      expect(await page.locator("#demo-acc-1").isVisible()).toBe(true);
      expect(await page.locator("#demo-acc-2").isVisible()).toBe(false);
      await page.getByRole("button", { name: "Datakilder" }).click();
      expect(await page.locator("#demo-acc-2").isVisible()).toBe(true);

      await page.locator("#initiatives th a.sort-link", { hasText: "Budget" }).click();
      await page.waitForURL(/sort=amount&dir=asc/);
      const firstRow = await page.locator("#initiatives tbody tr th").first().textContent();
      expect(firstRow).toContain("Sprogcaféer");
      expect(await page.locator("#initiatives th[aria-sort=ascending]").textContent()).toContain("Budget");
      // The title with markup in it is shown as text, not run.
      expect(await page.locator("#initiatives").textContent()).toContain("<script>alert(1)</script>");
    } finally {
      await context.close();
    }
  });

  it("the keyboard walk itself notices a missing focus indicator and an invisible stop", {
    timeout: 30_000,
  }, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(`<!DOCTYPE html><html lang="da"><head><title>t</title>
        <style>a:focus { outline: 3px solid black } #bad:focus { outline: none } #gone { position: absolute; width: 0; height: 0; overflow: hidden }</style>
        </head><body><a href="#1" class="skipnav">Fint</a> <a href="#2" id="bad">Uden ring</a> <a href="#3" id="gone">x</a></body></html>`);
      const walk = await keyboardWalk(page);
      expect(walk.stops.map((s) => s.hasFocusIndicator)).toEqual([true, false, true]);
      expect(walk.problems).toHaveLength(2);
      expect(walk.problems[0]).toContain("no visible focus indicator");
      expect(walk.problems[1]).toContain("invisible");
    } finally {
      await context.close();
    }
  });

  it("demo page printed: navigation hidden, link targets shown", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page } = await openPage(context, "/demo");
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: `${OUT}/demo-print.png`, fullPage: true });
      expect(await page.locator(".header .navigation-menu").isVisible()).toBe(false);
      const after = await page.evaluate(() => {
        const a = document.querySelector('main a[href="/politikker/integrationspolitik"]');
        return a ? getComputedStyle(a, "::after").content : "";
      });
      expect(after).toContain("/politikker/integrationspolitik");
    } finally {
      await context.close();
    }
  });
});
