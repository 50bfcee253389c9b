// The portal as a static site (`pejl export --format site`): the demo portal
// exported to a temp folder and served by a plain static file server (no Pejl
// code runs while it is browsed). Every link, asset and form action reachable
// from the front page answers 200, none leaves the site but the declared
// external ones, every page of the live portal is there, a sample of pages has
// no axe violations, and the static search page (Pagefind's prebuilt index)
// finds, for a few Danish words, every page the portal's own search finds.
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { openFromEnv } from "../src/boot.ts";
import type { Database } from "../src/db/client.ts";
import { loadDemo } from "../src/demo/loadDemo.ts";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { chooseOrganisation } from "../src/organisation.ts";
import { exportPortalSite } from "../src/site/portalSite.ts";
import { crawl } from "../test/crawl.ts";
import { axe, formatViolations } from "./a11y.ts";
import { launchBrowser } from "./browser.ts";

/** Links that may leave the site: the licence and the open-data standard the data page cites. */
const DECLARED_EXTERNAL_HOSTS = ["creativecommons.org", "specs.frictionlessdata.io"];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".wasm": "application/wasm",
};

/** A plain static file server: a path is a file under root, a folder's path serves its index.html. */
function staticServer(root: string): http.Server {
  return http.createServer((req, res) => {
    let file: string;
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      file = path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!file.startsWith(root + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
}

let dataDir: string;
let outDir: string;
let database: Database;
let app: ReturnType<typeof buildApp>;
let server: http.Server;
let site: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "pejl-site-data-"));
  outDir = path.join(mkdtempSync(path.join(tmpdir(), "pejl-site-")), "site");
  const logger = createLogger("silent");
  database = await openFromEnv(parseEnv({ PEJL_DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  await loadDemo(database, logger, { dataDir });
  const organisation = await chooseOrganisation(database.db);
  app = buildApp({ database, organisation: { id: organisation.id }, logger });
  const result = await exportPortalSite(database, organisation.id, outDir);
  expect(result.broken).toEqual([]);
  server = staticServer(outDir);
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  site = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(path.dirname(outDir), { recursive: true, force: true });
});

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Follows every href, src, action and style-sheet url() from the front page over HTTP. */
async function crawlSite() {
  const start = `${site}/index.html`;
  const seen = new Set([start]);
  const queue = [start];
  const failed: string[] = [];
  const external = new Set<string>();
  const pages = new Set<string>();
  while (queue.length) {
    const url = queue.shift()!;
    const res = await fetch(url);
    if (res.status !== 200) {
      failed.push(`${res.status} ${url}`);
      continue;
    }
    const type = res.headers.get("content-type") ?? "";
    const text = type.startsWith("text/html") || type.startsWith("text/css") ? await res.text() : "";
    if (!text) await res.arrayBuffer();
    if (type.startsWith("text/html")) pages.add(new URL(url).pathname);
    const refs = type.startsWith("text/html")
      ? [...text.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => decode(m[1]!))
      : [...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!);
    for (const ref of refs) {
      if (ref.startsWith("#") || ref.startsWith("data:") || ref.startsWith("mailto:")) continue;
      const target = new URL(ref, url);
      if (target.origin !== site) {
        external.add(target.hostname);
        continue;
      }
      target.hash = "";
      target.search = "";
      if (seen.has(target.href)) continue;
      seen.add(target.href);
      queue.push(target.href);
    }
  }
  return { failed, external, pages };
}

describe("the portal as a static site", () => {
  it("every link from the front page answers, stays in the site and every portal page is there", {
    timeout: 300_000,
  }, async () => {
    const { failed, external, pages } = await crawlSite();
    expect(failed).toEqual([]);
    expect([...external].filter((h) => !DECLARED_EXTERNAL_HOSTS.includes(h))).toEqual([]);
    // The open data: the package, its descriptor and a CSV of it.
    for (const file of ["/data/pejl-datapakke.zip", "/data/datapackage.json", "/data/initiatives.csv"])
      expect((await fetch(site + file)).status, file).toBe(200);

    // Every page of the live portal without a query string has its static page.
    const live = await crawl((p) => Promise.resolve(app.request(p)), "/", {
      within: "/",
      max: 2000,
      skip: (p) => p.includes("?") || /^\/(admin|api|assets)(\/|$)/.test(p),
    });
    const livePages = live.filter((p) => p.contentType.startsWith("text/html")).map((p) => p.path);
    expect(livePages.length).toBeGreaterThan(100);
    const missing = livePages.filter((p) => !pages.has(p === "/" ? "/index.html" : `${p}/index.html`));
    expect(missing).toEqual([]);
  });

  it("a sample of pages has no axe violations", { timeout: 300_000 }, async () => {
    const policy = (await (await fetch(`${site}/politikker/index.html`)).text()).match(
      /href="([^"]+\/index\.html)"[^>]*>[^<]*[Pp]olitik/,
    );
    const indicator = (await (await fetch(`${site}/index.html`)).text()).match(
      /href="(indikatorer\/[^"]+\/index\.html)"/,
    );
    const samples = [
      "/index.html",
      "/politikker/index.html",
      "/initiativer/index.html",
      "/data/index.html",
      "/tilgaengelighed/index.html",
      "/soeg/index.html?q=handicap",
      ...(policy ? [`/politikker/${policy[1]}`] : []),
      ...(indicator ? [`/${indicator[1]}`] : []),
    ];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    try {
      for (const sample of samples) {
        const page = await context.newPage();
        const res = await page.goto(site + sample, { waitUntil: "load" });
        expect(res?.status(), sample).toBe(200);
        if (sample.startsWith("/soeg/")) await page.locator("#static-search-results a").first().waitFor();
        const violations = await axe(page);
        expect(violations, `${sample}\n${formatViolations(violations)}`).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it("the search page finds a policy, and every page the portal's search finds for a few Danish words", {
    timeout: 300_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
    try {
      const page = await context.newPage();
      await page.goto(`${site}/index.html`);
      await page.getByRole("link", { name: "Søg" }).first().click();
      const input = page
        .getByRole("searchbox")
        .or(page.locator('form[role="search"] input[name="q"]'))
        .first();
      await input.fill("handicappolitikken");
      await input.press("Enter");
      await page.locator("#static-search-results a").first().waitFor();
      expect(await page.locator("#static-search-status").textContent()).toMatch(
        /resultat.* for »handicappolitikken«/,
      );
      const titles = await page.locator("#static-search-results a").allTextContents();
      expect(
        titles.some((t) => /handicappolitik/i.test(t)),
        titles.join("\n"),
      ).toBe(true);
      // The hit opens the policy's page.
      await page
        .locator("#static-search-results a", { hasText: /handicappolitik/i })
        .first()
        .click();
      await expect.poll(() => page.url()).toMatch(/\/politikker\/[^/]+\/index\.html$/);

      for (const word of ["handicap", "beskæftigelsen", "ligestillingen", "borgere"]) {
        const portal = await portalHits(word);
        expect(portal.length, `the portal finds something for ${word}`).toBeGreaterThan(0);
        const found = new Set(await staticHits(page, word));
        const notFound = portal.filter((p) => !found.has(p));
        expect(notFound, `pages the portal finds for »${word}« and the static search does not`).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});

/** The pages (site paths of their static files) the portal's search lists for a word. */
async function portalHits(word: string): Promise<string[]> {
  const html = await (await app.request(`/soeg?q=${encodeURIComponent(word)}`)).text();
  const lists = [...html.matchAll(/<ol class="search-hits">([\s\S]*?)<\/ol>/g)].map((m) => m[1]!).join("");
  const paths = [...lists.matchAll(/<li><a href="([^"#]+)/g)].map((m) => `${decode(m[1]!)}/index.html`);
  return [...new Set(paths)];
}

/** Every page the static site's index finds for a word, through Pagefind's own API in the page. */
async function staticHits(page: Page, word: string): Promise<string[]> {
  // A string, so the test runner's module transform leaves the page's dynamic import alone.
  const hits = await page.evaluate(`(async () => {
    const pagefind = await import(location.origin + "/pagefind/pagefind.js");
    await pagefind.options({ baseUrl: "/" });
    const search = await pagefind.search(${JSON.stringify(word)});
    const data = await Promise.all(search.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })()`);
  return hits as string[];
}
