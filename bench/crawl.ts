// Every public URL of the portal under load (issue 17, point 4): the demo
// portal is served by the real server (startServer, in this process), its
// public URLs are found by following every link from the front page (query
// strings included: filters, sort orders, pages, CSV), and autocannon (in a
// child process, so the load generator does not share the server's event loop)
// requests them round-robin at 50 connections:
//   cold    every URL once, right after a registry edit emptied the render cache;
//   edits   10 s, while one registry edit per second (an initiative's description,
//           through the same command the admin uses) invalidates the cache;
//   search  /soeg with queries a visitor types, each once (so none is cached):
//           words of the registry's titles, their first letters (prefixes), two
//           words together, and misspelt words that find nothing (the page then
//           looks for a spelling suggestion).
// Each phase prints the queries it cost per request (counted at the driver).
// Then, with the load off, up to five URLs of each page type are timed one by
// one: uncached (edit first, so reads kept per generation are read anew) against cached, and the uncached time split into
// the database's share (queries, counted and timed at the driver) and the rest
// (routing, rendering).
// Two baselines in the same run, each for 10 s: "warm" requests 200 of the URLs round-robin
// with the cache full (what the cache gives; again accepting gzip, as browsers do), and "floor" is a bare Hono handler in this process
// that runs one `select 1` on the same database and returns a line of HTML, under
// the same load: the most requests per second this machine serves when each one
// reaches the database at all.
// The data set is the demo, or with `national` the national data set
// (bench/crawlData.ts; scale 1 = 98 organisations, 0.1 = 10, default 0.02 = 2:
// each has some 3,300 public URLs): then the
// crawl starts at the national page and reaches every organisation under
// /k/<slug>/, the cold phase bumps every organisation's generation, and the
// search queries go round the organisations.
// On PGlite always; again on PostgreSQL when TEST_DATABASE_URL is set.
// With `--workers N` (PostgreSQL) the server is the real `pejl serve --workers N` in
// a child process instead, crawled over HTTP the same way; the bench keeps a
// database of its own for the edits (their NOTIFY reaches the workers' caches).
// Queries are then not counted (they run in other processes), but each phase
// prints the server processes' CPU time per request and how busy the machine was.
// Run: node --import tsx bench/crawl.ts [pglite|postgres] [national [scale]] [--workers N]
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import { eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { openFromEnv } from "../src/boot.ts";
import { initiativeUpdater } from "../src/commands/initiativeUpdater.ts";
import { createContext, systemActor } from "../src/context.ts";
import type { Database } from "../src/db/client.ts";
import { initiatives } from "../src/db/schema.ts";
import { organisationPath } from "../src/domain/organisationAddress.ts";
import { type Env, parseEnv } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { listOrganisations } from "../src/organisation.ts";
import { bumpGeneration } from "../src/queries/generation.ts";
import { startGenerationSync } from "../src/queries/generationSync.ts";
import { startServer } from "../src/server.ts";
import { crawl } from "../test/crawl.ts";
import { emptyPostgresDatabase } from "../test/db.ts";
import { type CrawlData, describe, pageType, prepare, withoutOrganisation } from "./crawlData.ts";
import { meterDatabase } from "./databaseMeter.ts";
import { searchQueries } from "./searchQueries.ts";

const CONNECTIONS = 50;
const EDIT_SECONDS = 10;
const WARM_SAMPLE = 200;
const BASELINE_SECONDS = 10;

interface Run {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Response bytes (headers and bodies) per request. */
  bytes: number;
}

// ---- the load generator (child process) ----
if (process.argv[2] === "--load") {
  // autocannon ships no types; the one call below is all we use of it.
  const name = "autocannon";
  const { default: autocannon } = (await import(name)) as {
    default: (opts: object) => Promise<{
      requests: { total: number };
      duration: number;
      latency: { p50: number; p99: number };
      throughput: { total: number };
      non2xx: number;
      errors: number;
    }>;
  };
  const [, , , base, file, seconds, encoding] = process.argv;
  const { readFileSync } = await import("node:fs");
  const urls = JSON.parse(readFileSync(file!, "utf8")) as string[];
  let next = 0;
  // From the first request sent to the last answer: autocannon's own duration ends only at
  // its next per-second sample, so a run of a fixed number of requests would last whole seconds.
  let first = 0;
  let last = 0;
  const result = await autocannon({
    url: base!,
    connections: CONNECTIONS,
    ...(Number(seconds) ? { duration: Number(seconds) } : { amount: urls.length }),
    // As a browser asks: the kept pages' gzipped copies.
    ...(encoding === "gzip" ? { headers: { "accept-encoding": "gzip" } } : {}),
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          first ||= performance.now();
          return { ...req, path: urls[next++ % urls.length] };
        },
        onResponse: () => {
          last = performance.now();
        },
      },
    ],
  });
  const run: Run = {
    requests: result.requests.total,
    // Requests over the time they took (not autocannon's average of per-second samples,
    // which reports a run shorter than a second as its request count).
    rps: (result.requests.total * 1000) / (last - first),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    bytes: result.throughput.total / result.requests.total,
  };
  process.stdout.write(JSON.stringify(run));
  process.exit(0);
}

/** The URLs of `urlFile` requested round-robin: each once, or for `seconds`; with `gzip`, accepting gzip. */
function load(base: string, urlFile: string, seconds?: number, encoding?: "gzip"): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "bench/crawl.ts",
        "--load",
        base,
        urlFile,
        String(seconds ?? 0),
        encoding ?? "identity",
      ],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out) as Run) : reject(new Error(`load ${code}`)),
    );
  });
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });

/** The baseline: a bare handler running one query on the same database, under the same load. */
async function floorRun(database: Database, dir: string, seconds: number): Promise<Run> {
  const app = new Hono().get("/", async (c) => {
    await database.db.execute(sql`select 1`);
    return c.html("<!doctype html><title>Pejl</title><p>ok</p>");
  });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) =>
        resolve({ server, port: info.port }),
      );
    },
  );
  try {
    const file = path.join(dir, "floor.json");
    writeFileSync(file, JSON.stringify(["/"]));
    return await load(`http://127.0.0.1:${port}`, file, seconds);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

interface Served {
  port: number;
  /** The bench's own database (edits, counts); the server's when it runs in this process. */
  database: Database;
  /** The server's processes, when it runs in a child: for their CPU time. */
  pid?: number;
  stop(): Promise<void>;
}

/** The real server in this process (queries counted at its driver). */
async function inProcess(env: Env, data: CrawlData): Promise<Served> {
  return startServer(env, createLogger("silent"), await prepare(env, data));
}

/** `pejl serve --workers N` in a child process, ready when /healthz answers. */
async function spawned(env: Env, data: CrawlData, workers: number): Promise<Served> {
  const { demo } = await prepare(env, data);
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli.ts", "serve", "--workers", String(workers), ...(demo ? [] : ["--no-demo"])],
    {
      env: {
        ...process.env,
        DATABASE_URL: env.DATABASE_URL,
        PEJL_DATA_DIR: env.dataDir,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pejl serve exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const database = await openFromEnv(env, { migrate: false });
  const sync = await startGenerationSync(database, createLogger("silent"));
  return {
    port,
    database,
    pid: child.pid,
    async stop() {
      await sync.stop();
      await database.close();
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) console.error(`pejl serve exited with ${code}`);
    },
  };
}

// The one-at-a-time timings go over one kept-alive connection: fetch's pool holds the
// crawl's several, and with workers the cached request could then reach a worker
// whose cache never saw the page.
const oneConnection = new http.Agent({ keepAlive: true, maxSockets: 1 });

function getOnOneConnection(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: oneConnection }, (res) => {
        res.resume();
        res.once("end", resolve);
        res.once("error", reject);
      })
      .once("error", reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** CPU seconds of a process and its descendants so far (Linux /proc; clock ticks of 1/100 s). */
function treeCpu(pid: number): number {
  let seconds = 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    seconds += (Number(fields[11]) + Number(fields[12])) / 100;
    for (const task of readdirSync(`/proc/${pid}/task`))
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8")
        .split(" ")
        .filter(Boolean))
        seconds += treeCpu(Number(child));
  } catch {
    // A process that ended while it was read.
  }
  return seconds;
}

/** Busy and total CPU time of the whole machine so far (/proc/stat), in clock ticks. */
function machineCpu(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const n = ticks.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - n[3]! - n[4]!, total };
}

async function bench(
  database: "PGlite" | "PostgreSQL",
  data: CrawlData,
  databaseUrl?: string,
  workers?: number,
) {
  const kind = workers ? `${database}×${workers}` : database;
  const dir = mkdtempSync(path.join(os.tmpdir(), "pejl-crawl-"));
  const env = parseEnv({
    PEJL_DATA_DIR: dir,
    PORT: "0",
    LOG_LEVEL: "silent",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  process.env.HOST = "127.0.0.1";
  const started = performance.now();
  const server = workers ? await spawned(env, data, workers) : await inProcess(env, data);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    console.log(
      `${kind}: ${describe(data)} loaded and server started in ${fmt((performance.now() - started) / 1000, 1)} s` +
        (workers ? ` (pejl serve --workers ${workers}, a child process)` : ""),
    );
    const organisations = await listOrganisations(server.database.db);
    const org = organisations[0]!;
    // With one organisation its pages are at the root; with several under /k/<slug>/.
    const prefixes =
      organisations.length === 1 ? [""] : organisations.map((o) => organisationPath(o.slug, ""));
    const ctx = createContext({
      db: server.database.db,
      organisationId: org.id,
      actor: systemActor("bench"),
    });
    const [target] = await server.database.db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(eq(initiatives.organisationId, org.id))
      .limit(1);
    let edits = 0;
    const edit = async () => {
      const [row] = await server.database.db
        .select({ version: initiatives.version })
        .from(initiatives)
        .where(eq(initiatives.id, target!.id));
      edits++;
      await initiativeUpdater(ctx, {
        id: target!.id,
        version: row!.version,
        description: `Rettet ${edits}. gang.`,
      });
    };

    const pages = await crawl((p) => fetch(base + p), "/", {
      within: "/",
      max: 500_000,
      parallel: 4,
      skip: (p) => /^\/(admin|api|assets)(\/|$)/.test(withoutOrganisation(p)),
    });
    const bad = pages.filter((p) => p.status !== 200);
    const urls = pages.filter((p) => p.status === 200).map((p) => p.path);
    const urlFile = path.join(dir, "urls.json");
    writeFileSync(urlFile, JSON.stringify(urls));
    console.log(`${kind}: ${urls.length} public URLs (${bad.length} not 200)`);
    const perType = new Map<string, number>();
    for (const url of urls) perType.set(pageType(url), (perType.get(pageType(url)) ?? 0) + 1);
    console.log(
      `${kind}: URLs per page type: ${[...perType]
        .sort((a, b) => b[1] - a[1])
        .map(([type, n]) => `${type} ${n}`)
        .join(", ")}`,
    );

    // Queries per request in each phase, counted at the driver (the edits' own included).
    // A spawned server's queries run in its own processes: counted there is not here.
    const meter = workers ? undefined : meterDatabase(server.database);
    const perRequest = new Map<Run, number>();
    const cpu = new Map<Run, { msPerRequest: number; busy: number }>();
    const counted = async (run: Promise<Run>) => {
      const before = meter?.queries ?? 0;
      const cpuBefore = server.pid ? treeCpu(server.pid) : 0;
      const machineBefore = machineCpu();
      const r = await run;
      if (meter) perRequest.set(r, (meter.queries - before) / r.requests);
      if (server.pid) {
        const machine = machineCpu();
        cpu.set(r, {
          msPerRequest: ((treeCpu(server.pid) - cpuBefore) * 1000) / r.requests,
          busy: (machine.busy - machineBefore.busy) / (machine.total - machineBefore.total),
        });
      }
      return r;
    };
    await edit();
    for (const o of organisations) bumpGeneration(o.id);
    const cold = await counted(load(base, urlFile));
    // One edit at a time: under load an edit can take longer than the second between them.
    let editing: Promise<void> | undefined;
    const timer = setInterval(() => {
      editing ??= edit()
        .catch((e) => console.error(`edit failed: ${e}`))
        .finally(() => {
          editing = undefined;
        });
    }, 1000);
    let withEdits: Run;
    try {
      withEdits = await counted(load(base, urlFile, EDIT_SECONDS));
    } finally {
      clearInterval(timer);
      await editing;
    }
    const titles = (await server.database.db.execute(sql`
      select title as t from policies where organisation_id = ${org.id}
      union all select title from initiatives where organisation_id = ${org.id}
      union all select title from indicators where organisation_id = ${org.id}
      union all select text from goals where organisation_id = ${org.id}
    `)) as unknown as { rows: { t: string }[] };
    const queries = searchQueries(titles.rows.map((r) => r.t));
    const searchFile = path.join(dir, "search.json");
    const searchUrl = (q: string, i: number) =>
      `${prefixes[i % prefixes.length]}/soeg?q=${encodeURIComponent(q)}`;
    writeFileSync(searchFile, JSON.stringify(queries.map(searchUrl)));
    const searched = await counted(load(base, searchFile));
    // The edits emptied the cache: fill it with a sample small enough to be asked for
    // again well within the cache's safety age (MAX_AGE_MS), then ask for it over and over.
    const warmFile = path.join(dir, "warm.json");
    const sample = urls.slice(0, WARM_SAMPLE);
    writeFileSync(warmFile, JSON.stringify(sample));
    await load(base, warmFile);
    const warm = await counted(load(base, warmFile, BASELINE_SECONDS));
    // The same, as browsers ask: gzipped copies, made on the first request for each page.
    const warmGzip = await counted(load(base, warmFile, BASELINE_SECONDS, "gzip"));
    // The floor is this process's bare handler whatever serves the portal.
    const floor = await counted(floorRun(server.database, dir, BASELINE_SECONDS));

    const line = (name: string, r: Run) =>
      `${kind.padEnd(10)} ${name.padEnd(32)} ${fmt(r.requests).padStart(6)} req  ${fmt(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${perRequest.has(r) ? `${fmt(perRequest.get(r)!, 2)} queries/req` : ""}` +
      (cpu.has(r) && r !== floor
        ? `server CPU ${fmt(cpu.get(r)!.msPerRequest, 2)} ms/req, machine ${fmt(100 * cpu.get(r)!.busy)} % busy`
        : "") +
      `  ${fmt(r.bytes / 1024, 1)} kB/resp` +
      (r.non2xx ? `  ${r.non2xx} non-2xx` : "") +
      (r.errors ? `  ${r.errors} errors or timeouts` : "");
    console.log(line("cold cache, every URL once", cold));
    console.log(line(`1 edit/s, ${EDIT_SECONDS} s`, withEdits));
    console.log(line(`search, ${queries.length} queries once`, searched));
    console.log(line(`warm cache, ${sample.length} URLs, ${BASELINE_SECONDS} s`, warm));
    console.log(line(`warm cache, gzip, ${BASELINE_SECONDS} s`, warmGzip));
    console.log(line("floor: bare handler, 1 query", floor));
    console.log(
      `${kind.padEnd(10)} cold ${fmt(cold.rps / floor.rps, 2)}× and search ${fmt(searched.rps / floor.rps, 2)}× the floor's req/s; warm ${fmt(warm.rps / floor.rps, 2)}×`,
    );

    // Where an uncached page spends its time: one request at a time, no load,
    // up to five URLs of each page type (first path segment; "?" when filtered),
    // each right after a write (so reads kept per generation are read anew too).
    const byType = new Map<string, string[]>();
    for (const url of [...urls, ...queries.slice(0, 20).map(searchUrl)]) {
      const type = pageType(url);
      const list = byType.get(type) ?? [];
      if (list.length < 5) byType.set(type, [...list, url]);
    }
    const all = { n: 0, uncached: 0, cached: 0, queryMs: 0, queries: 0 };
    console.log(
      `${kind.padEnd(10)} ${"page type".padEnd(32)} uncached  queries  db ms  cached (ms per page, one at a time, after a write)`,
    );
    for (const [type, sample] of byType) {
      const t = { n: 0, uncached: 0, cached: 0, queryMs: 0, queries: 0 };
      for (const url of sample) {
        await edit();
        // The sample may hold any organisation's pages: each one's cache emptied.
        for (const o of organisations) bumpGeneration(o.id);
        // Let the bumps' NOTIFY to other server processes go out before counting.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const counted = { queries: meter?.queries ?? 0, busyMs: meter?.busyMs ?? 0 };
        let at = performance.now();
        await getOnOneConnection(base + url);
        t.uncached += performance.now() - at;
        t.queryMs += (meter?.busyMs ?? 0) - counted.busyMs;
        t.queries += (meter?.queries ?? 0) - counted.queries;
        at = performance.now();
        await getOnOneConnection(base + url);
        t.cached += performance.now() - at;
        t.n++;
      }
      for (const k of ["n", "uncached", "cached", "queryMs", "queries"] as const) all[k] += t[k];
      console.log(
        `${kind.padEnd(10)} ${type.padEnd(32)} ${fmt(t.uncached / t.n, 1).padStart(8)}  ${(meter ? fmt(t.queries / t.n, 1) : "–").padStart(7)}  ${(meter ? fmt(t.queryMs / t.n, 1) : "–").padStart(5)}  ${fmt(t.cached / t.n, 1).padStart(6)}`,
      );
    }
    console.log(
      `${kind.padEnd(10)} uncached page, one at a time (${all.n} URLs): ${fmt(all.uncached / all.n, 1)} ms, ` +
        (meter
          ? `of which ${fmt(all.queries / all.n, 1)} queries keep the database busy ${fmt(all.queryMs / all.n, 1)} ms ` +
            `(${fmt((100 * all.queryMs) / all.uncached)} %) and routing + rendering + HTTP the rest; `
          : "") +
        `cached ${fmt(all.cached / all.n, 1)} ms`,
    );
  } finally {
    oneConnection.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `autocannon ${CONNECTIONS} connections; ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(" / ")}`,
);
const argv = process.argv.slice(2);
const workersAt = argv.indexOf("--workers");
const workers = workersAt === -1 ? undefined : Number(argv[workersAt + 1]);
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1))
  throw new Error("--workers takes a whole number from 1");
const args = workersAt === -1 ? argv : argv.filter((_, i) => i !== workersAt && i !== workersAt + 1);
const only = args.find((a) => a === "pglite" || a === "postgres");
const scale = args.find((a) => /^\d*\.?\d+$/.test(a));
const data: CrawlData = args.includes("national")
  ? { kind: "national", scale: scale ? Number(scale) : 0.02 }
  : { kind: "demo" };
// Several workers need PostgreSQL (the embedded database is one process's).
if (only !== "postgres" && !workers) await bench("PGlite", data);
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl && only !== "pglite") {
  const fresh = await emptyPostgresDatabase(pgUrl);
  try {
    await bench("PostgreSQL", data, fresh.url, workers);
  } finally {
    await fresh.drop();
  }
}
