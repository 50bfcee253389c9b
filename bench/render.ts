// What an uncached portal page costs the server itself, without HTTP and without
// a load generator sharing the machine (issue 17, point 4): the demo is loaded,
// every public HTML page is found by following links from the front page, and
// the app answers them in this process (app.request, 8 at a time, as the
// server's event loop would). Each round first bumps the organisation's
// generation, as a registry edit does, so every page is rendered anew and every
// read kept per generation is read once again: the crawl bench's cold phase,
// without the sockets. Printed per round and per page type: the process's CPU
// time per page and, of that, the time inside rendering (the page's markup
// turned into text). The baseline, measured in the same run, is the same pages
// answered from the render cache; the ratio is uncached over cached CPU.
// Rounds after the first are the ones to read (the first warms the JIT); on a
// shared machine the lowest rounds are the least disturbed. The table per page
// type also counts the page's waits for the database (queries run together
// count once): under load each wait costs the request a whole turn of the
// event loop, in which every other request in flight is rendered, so pages
// that wait several times one after another make the slowest 1 % (crawl.ts).
// On PGlite; on PostgreSQL when TEST_DATABASE_URL is set (a fresh database).
// Run: node --import tsx bench/render.ts [rounds]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openFromEnv } from "../src/boot.ts";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { listOrganisations } from "../src/organisation.ts";
import { bumpGeneration } from "../src/queries/generation.ts";
import { renderTimer } from "../src/render.ts";
import { appFor, setUpServer } from "../src/server.ts";
import { crawl } from "../test/crawl.ts";
import { emptyPostgresDatabase } from "../test/db.ts";
import { pageType, withoutOrganisation } from "./crawlData.ts";
import { meterDatabase } from "./databaseMeter.ts";

const IN_FLIGHT = 8;
const rounds = Math.max(2, Number(process.argv[2] ?? 6));

const fmt = (n: number, digits = 3) => n.toFixed(digits);

const dir = mkdtempSync(path.join(os.tmpdir(), "pejl-render-"));
const serverUrl = process.env.TEST_DATABASE_URL;
const fresh = serverUrl ? await emptyPostgresDatabase(serverUrl) : undefined;
const env = parseEnv({
  PEJL_DATA_DIR: dir,
  LOG_LEVEL: "silent",
  ...(fresh ? { DATABASE_URL: fresh.url } : {}),
});
const logger = createLogger("silent");
const database = await openFromEnv(env);
try {
  const setup = await setUpServer(database, env, logger, { demo: true });
  const app = appFor(database, env, logger, setup);
  // What @hono/node-server hands the app: the socket the client's address is read from.
  const bindings = {
    incoming: { socket: { remoteAddress: "127.0.0.1", remotePort: 0, remoteFamily: "IPv4" } },
  };
  const answer = (url: string) => app.request(`http://localhost${url}`, undefined, bindings);
  const request = async (url: string) => {
    const res = await answer(url);
    await res.arrayBuffer();
    return res;
  };
  const pages = await crawl(async (url) => answer(url), "/", {
    within: "/",
    max: 100_000,
    parallel: IN_FLIGHT,
    skip: (url) => /^\/(admin|api|assets|data)(\/|$)/.test(withoutOrganisation(url)),
  });
  const urls = pages
    .filter((p) => p.status === 200 && p.contentType.startsWith("text/html"))
    .map((p) => p.path);
  const organisations = await listOrganisations(database.db);
  console.log(`${database.kind}: ${urls.length} public HTML pages of the demo, ${rounds} rounds`);

  /** Every URL once, IN_FLIGHT at a time: CPU and rendering time per page. */
  const round = async () => {
    const timer = renderTimer();
    let next = 0;
    const cpuStart = process.cpuUsage();
    const worker = async () => {
      while (next < urls.length) await request(urls[next++]!);
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const used = process.cpuUsage(cpuStart);
    return { cpuMs: (used.user + used.system) / 1000 / urls.length, renderMs: timer.stop() / urls.length };
  };

  const uncached: { cpuMs: number; renderMs: number }[] = [];
  const cached: { cpuMs: number; renderMs: number }[] = [];
  for (let r = 1; r <= rounds; r++) {
    for (const o of organisations) bumpGeneration(o.id);
    const cold = await round();
    const warm = await round();
    uncached.push(cold);
    cached.push(warm);
    console.log(
      `round ${r}: uncached ${fmt(cold.cpuMs)} ms CPU/page (rendering ${fmt(cold.renderMs)}), ` +
        `cached ${fmt(warm.cpuMs)} ms CPU/page, ratio ${fmt(cold.cpuMs / warm.cpuMs, 1)}×`,
    );
  }
  // The lowest of the rounds after the first: the least disturbed by anything else on the machine.
  const best = (runs: typeof uncached, pick: (r: (typeof uncached)[number]) => number) =>
    Math.min(...runs.slice(1).map(pick));
  const cold = best(uncached, (r) => r.cpuMs);
  const warm = best(cached, (r) => r.cpuMs);
  console.log(
    `best of rounds 2–${rounds}: uncached ${fmt(cold)} ms CPU/page, of which rendering ` +
      `${fmt(best(uncached, (r) => r.renderMs))}; cached ${fmt(warm)} ms CPU/page; ratio ${fmt(cold / warm, 1)}×`,
  );

  // Per page type, one page at a time (so each page's CPU is its own), uncached again.
  for (const o of organisations) bumpGeneration(o.id);
  const meter = meterDatabase(database);
  const byType = new Map<
    string,
    { pages: number; cpuMs: number; renderMs: number; waits: number; queries: number }
  >();
  for (const url of urls) {
    const timer = renderTimer();
    const before = process.cpuUsage();
    const counted = { waits: meter.waits, queries: meter.queries };
    await request(url);
    const used = process.cpuUsage(before);
    const entry = byType.get(pageType(url)) ?? { pages: 0, cpuMs: 0, renderMs: 0, waits: 0, queries: 0 };
    entry.pages++;
    entry.cpuMs += (used.user + used.system) / 1000;
    entry.renderMs += timer.stop();
    entry.waits += meter.waits - counted.waits;
    entry.queries += meter.queries - counted.queries;
    byType.set(pageType(url), entry);
  }
  console.log(
    "one at a time, uncached     pages  ms CPU/page  of which rendering  waits for the database  queries",
  );
  for (const [type, e] of [...byType].sort((a, b) => b[1].pages - a[1].pages))
    console.log(
      `${type.padEnd(26)} ${String(e.pages).padStart(6)}  ${fmt(e.cpuMs / e.pages).padStart(11)}  ${fmt(e.renderMs / e.pages).padStart(9)}` +
        `  ${fmt(e.waits / e.pages, 2).padStart(22)}  ${fmt(e.queries / e.pages, 2).padStart(7)}`,
    );
} finally {
  await database.close();
  await fresh?.drop();
  rmSync(dir, { recursive: true, force: true });
}
