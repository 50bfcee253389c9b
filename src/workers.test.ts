// `pejl serve --workers 2` on PostgreSQL, the real command: one port, two worker
// processes answering it, the primary's set-up (migrations, session secret) shared
// by both, a write through one worker read through either, and SIGTERM stopping
// them all. Requests here each open a connection of their own, so the cluster
// deals them out to both workers; which worker answered is read from the request
// log (each worker's lines name it). PostgreSQL run only (vitest.config.ts).
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliInstallation, cliInstallation } from "../test/cli.ts";
import { buildOrganisation, buildPolicy, type TestOrganisation } from "../test/factories.ts";
import { networkEditor, savePolicyTitle } from "../test/networkEditor.ts";
import { type Database, openDatabase } from "./db/client.ts";

/** A request on a connection of its own (fetch would keep one connection, so one worker). */
async function fresh(url: string, init: RequestInit = {}): Promise<Response> {
  const request = new Request(url, init);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: request.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers }));
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

interface Log {
  text: string;
  /** The request lines' worker ids for a path. */
  workersFor(path: string): Set<number>;
}

function collect(child: ChildProcess): Log {
  const log: Log = {
    text: "",
    workersFor(path) {
      const ids = new Set<number>();
      for (const line of log.text.split("\n")) {
        if (!line.startsWith("{")) continue;
        const entry = JSON.parse(line) as { msg?: string; path?: string; worker?: number };
        if (entry.msg === "request" && entry.path === path && entry.worker) ids.add(entry.worker);
      }
      return ids;
    },
  };
  const add = (d: Buffer) => {
    log.text += d.toString();
  };
  child.stdout!.on("data", add);
  child.stderr!.on("data", add);
  return log;
}

function until(check: () => boolean, child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (check()) done(resolve);
    }, 50);
    const failed = () => done(() => reject(new Error(`serve exited with ${child.exitCode}`)));
    const timeout = setTimeout(() => done(() => reject(new Error("timed out"))), ms);
    child.once("exit", failed);
    function done(then: () => void) {
      clearInterval(timer);
      clearTimeout(timeout);
      child.off("exit", failed);
      then();
    }
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("pejl serve --workers 2", () => {
  let installation: CliInstallation;
  let database: Database;
  let org: TestOrganisation;
  let child: ChildProcess;
  let log: Log;
  let base: string;

  beforeAll(async () => {
    installation = await cliInstallation("pejl-workers-");
    // The primary migrates; the test's organisation is made in the migrated database afterwards.
    const migrate = await installation.run(["migrate"]);
    expect(migrate.code, migrate.stderr).toBe(0);
    database = await openDatabase({ url: installation.databaseUrl!, poolSize: 2 });
    org = await buildOrganisation(database.db);
    child = installation.start(["serve", "--workers", "2", "--no-demo"], {
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "debug",
      PEJL_TICK_SECONDS: "5",
    });
    log = collect(child);
    await until(() => /Pejl is ready on http:\/\/localhost:\d+/.test(log.text), child, 120_000);
    base = `http://127.0.0.1:${/Pejl is ready on http:\/\/localhost:(\d+)/.exec(log.text)![1]}`;
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await database?.close();
    await installation?.close();
  });

  it("announces itself once, when both workers listen", () => {
    expect(log.text.match(/Pejl is ready on/g)).toHaveLength(1);
    expect(log.text.match(/"msg":"worker ready"/g)).toHaveLength(2);
  });

  it("answers from both workers, and a write through one is read through either", async () => {
    const policy = await buildPolicy(org, { title: "Politik for lige muligheder" });
    const page = `/politikker/${policy.slug}`;
    const titles = async () =>
      Promise.all(
        Array.from({ length: 10 }, async () => {
          const res = await fresh(base + page);
          expect(res.status).toBe(200);
          return /<h1[^>]*>([^<]*)</.exec(await res.text())?.[1];
        }),
      );
    expect(new Set(await titles())).toEqual(new Set(["Politik for lige muligheder"]));
    expect(log.workersFor(page).size).toBe(2);

    // Logged in on whichever worker, the form read and sent on whichever: one session key.
    const editor = await networkEditor(org, base, fresh);
    const form = await savePolicyTitle(editor, policy.id, "Politik for lige muligheder 2026–2029");
    expect(log.workersFor(form).size + log.workersFor("/admin/login").size).toBeGreaterThan(1);

    // The writer's NOTIFY reaches the other worker within moments, not when its cache ages.
    const until = Date.now() + 3000;
    let seen: (string | undefined)[] = [];
    while (Date.now() < until) {
      seen = await titles();
      if (seen.every((t) => t === "Politik for lige muligheder 2026–2029")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(new Set(seen)).toEqual(new Set(["Politik for lige muligheder 2026–2029"]));
  });

  it("runs the periodic tick in one worker only", async () => {
    const tickers = () => {
      const ids = new Set<number>();
      for (const m of log.text.matchAll(/"worker":(\d+),"job":"outbox"/g)) ids.add(Number(m[1]));
      return ids;
    };
    // The first tick comes 2 s after a worker starts, the next 5 s later: two turns each.
    await new Promise((r) => setTimeout(r, 7500));
    expect(tickers().size).toBe(1);
  });

  it("stops every worker on SIGTERM and exits 0", async () => {
    const workers = [...log.text.matchAll(/"pid":(\d+),"msg":"worker ready"/g)].map((m) => Number(m[1]));
    expect(workers).toHaveLength(2);
    expect(workers.filter(alive)).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
    expect(log.text.match(/stopped; the database is closed/g)).toHaveLength(2);
  });
});
