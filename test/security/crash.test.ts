// kill -9 of the real server in the middle of writes, on the database of the run
// (the embedded one in the unit project, PostgreSQL in the postgres project): one
// scenario, two stores. During an import: every import it acknowledged (201) is
// there with its candidates and its stored file, nothing is half-written, and the
// file of the import that was cut off is removed by the sweeper. Then, on the
// restarted server, during a round save: the answer holds the last acknowledged
// save (or the one cut off, whole), its version counts exactly the saves that
// committed, and each of those has its audit event.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { and, count, eq, isNotNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { ORPHAN_GRACE_MS, orphanUploadSweeper } from "../../src/commands/orphanUploadSweeper.ts";
import { type Db, openDatabase } from "../../src/db/client.ts";
import { auditEvents, candidates, documents, statusReports } from "../../src/db/schema.ts";
import { databaseKind, emptyPostgresDatabase } from "../db.ts";
import { REPORTER } from "../fixtures/crashUsers.ts";

type Server = {
  child: ChildProcessByStdio<null, Readable, null>;
  port: number;
  token: string;
  reportId: string;
};

/** Where the server keeps its data, and how the test reads it once the server is gone. */
interface Store {
  /** What follows the data directory on the crash server's command line. */
  serverArgs: string[];
  open(): Promise<{ db: Db; close(): Promise<void> }>;
  /**
   * The sweep that removes a cut-off import's file. The embedded database's start-up does it
   * (its lock makes the server the only writer); on PostgreSQL another instance may be
   * importing, so the server's periodic tick does it once the grace period has passed.
   */
  sweepAfterGrace(db: Db, uploads: string): Promise<void>;
  drop(): Promise<void>;
}

async function storeFor(dataDir: string): Promise<Store> {
  const url = process.env.PEJL_TEST_DATABASE_URL;
  if (!url)
    return {
      serverArgs: [],
      open: () => openDatabase({ dataDir: path.join(dataDir, "pejl-db") }),
      sweepAfterGrace: async () => {},
      drop: async () => {},
    };
  const fresh = await emptyPostgresDatabase(url);
  return {
    serverArgs: [fresh.url],
    open: () => openDatabase({ url: fresh.url, poolSize: 1 }),
    sweepAfterGrace: async (db, dir) => {
      await orphanUploadSweeper(db, { dir, now: new Date(Date.now() + ORPHAN_GRACE_MS + 1000) });
    },
    drop: () => fresh.drop(),
  };
}

/** Start-ups of the server (and a first one making its organisation): seconds, minutes on a loaded machine. */
const SLOW = 300_000;

function startServer(dataDir: string, store: Store): Promise<Server> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/fixtures/crashServer.ts", dataDir, ...store.serverArgs],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/^ready (\d+) (\S+) (\S+)$/m);
      if (m) resolve({ child, port: Number(m[1]), token: m[2]!, reportId: m[3]! });
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
}

function killed(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill("SIGKILL");
  });
}

const letter = fs.readFileSync("data/demo/003_139553ee05667919.txt", "utf8");

/** Imports until the server is killed as it stores a file; the documents it acknowledged. */
async function importUntilKilled(server: Server, uploads: string): Promise<string[]> {
  const acked: string[] = [];
  let armed = false;
  // The importer stores the file just before its transaction: kill on that file.
  const watcher = fs.watch(uploads, () => {
    if (armed) server.child.kill("SIGKILL");
  });
  let cutOff = false;
  try {
    for (let i = 1; i <= 40 && !cutOff; i++) {
      armed = acked.length >= 3;
      try {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/documents?filename=brev-${i}.txt`, {
          method: "POST",
          headers: { authorization: `Bearer ${server.token}`, "content-type": "text/plain" },
          body: `${letter}\n\nBilag nr. ${i} til sagen.\n`,
        });
        expect(res.status).toBe(201);
        acked.push(((await res.json()) as { documentId: string }).documentId);
      } catch (error) {
        if (!armed) throw error;
        cutOff = true;
      }
    }
  } finally {
    watcher.close();
  }
  await killed(server);
  expect(cutOff, "the kill cut an import off").toBe(true);
  expect(acked.length).toBeGreaterThanOrEqual(3);
  return acked;
}

/** Three acknowledged saves of the round answer, then a fourth cut off by the kill. */
async function saveUntilKilled(server: Server): Promise<{ acked: number; outcome: number | "killed" }> {
  const base = `http://127.0.0.1:${server.port}`;
  const origin = base;
  const cookies = new Map<string, string>();
  const go = async (p: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(base + p, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  };
  const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  const loginPage = await (await go("/admin/login")).text();
  const login = await go("/admin/login", {
    method: "POST",
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: field(loginPage, "_csrf")!, ...REPORTER }),
  });
  expect(login.status).toBe(303);
  const form = await (await go(`/admin/indmeldinger/${server.reportId}`)).text();
  const csrf = field(form, "_csrf")!;
  let version = Number(field(form, "version"));
  const save = (n: number) =>
    go(`/admin/indmeldinger/${server.reportId}`, {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        _csrf: csrf,
        version: String(version),
        rating: "on_track",
        progressPct: String(n),
        narrative: `Svar nummer ${n}`,
        action: "save",
      }),
    });
  let acked = 0;
  for (let n = 1; n <= 3; n++) {
    expect((await save(n)).status).toBe(303);
    acked = n;
    version++;
  }
  const cut = save(4).then(
    (res) => res.status,
    () => "killed" as const,
  );
  await new Promise((r) => setTimeout(r, 5 + Math.random() * 40));
  await killed(server);
  const outcome = await cut;
  return { acked: outcome === 303 ? 4 : acked, outcome };
}

describe(`the server killed during writes (${databaseKind})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-crash-"));
  const dataDir = path.join(dir, "data");
  const uploads = path.join(dataDir, "uploads");
  let store: Store | undefined;
  let running: Server | undefined;
  afterAll(async () => {
    await killed(running);
    await store?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    "loses no acknowledged import or round save, writes nothing by halves and leaves no orphan file",
    async () => {
      store = await storeFor(dataDir);
      fs.mkdirSync(uploads, { recursive: true });

      // 1. Killed during an import.
      running = await startServer(dataDir, store);
      const imported = await importUntilKilled(running, uploads);
      const leftBehind = fs.readdirSync(uploads).length - imported.length;

      // 2. Started again (the embedded database's start-up sweeps the cut-off file), then
      // killed during a round save.
      running = await startServer(dataDir, store);
      const reportId = running.reportId;
      const saves = await saveUntilKilled(running);

      // 3. What the database kept, read once the server is gone.
      const database = await store.open();
      try {
        const db = database.db;
        const rows = await db
          .select({ id: documents.id, storagePath: documents.storagePath })
          .from(documents)
          .where(isNotNull(documents.storagePath));
        const ids = new Set(rows.map((r) => r.id));
        for (const id of imported) expect(ids.has(id), `acknowledged document ${id}`).toBe(true);
        // The cut-off import committed whole or not at all.
        expect(rows.length - imported.length).toBeLessThanOrEqual(1);
        for (const row of rows) {
          const [n] = await db
            .select({ n: count() })
            .from(candidates)
            .where(eq(candidates.documentId, row.id));
          expect(n!.n, "candidates of a stored document").toBeGreaterThan(0);
        }
        // Exactly the files the documents name are left once the sweeper has run.
        await store.sweepAfterGrace(db, uploads);
        expect(fs.readdirSync(uploads).sort()).toEqual(rows.map((r) => r.storagePath).sort());

        const [row] = await db.select().from(statusReports).where(eq(statusReports.id, reportId));
        const committed = row!.narrative === "Svar nummer 4" ? 4 : 3;
        expect(committed).toBeGreaterThanOrEqual(saves.acked);
        expect(row!.narrative).toBe(`Svar nummer ${committed}`);
        expect(row!.progressPct).toBe(committed);
        const [logged] = await db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, reportId), eq(auditEvents.entity, "status_report")));
        expect(logged!.n, "one audit event per committed save").toBe(committed);
      } finally {
        await database.close();
      }
      console.log(
        `crash test (${databaseKind}): import killed after ${imported.length} acknowledged (${leftBehind} file(s) left by the kill); round save killed after 3 acknowledged, the 4th ${saves.outcome === 303 ? "answered before" : "cut off by"} the kill`,
      );
    },
    SLOW,
  );
});
