// kill -9 of the real server in the middle of writes. During an import: every
// import it acknowledged (201) is there with its candidates and its stored file,
// nothing is half-written, and the file of the import that was cut off is
// removed when the server starts again. During a round save: the answer holds
// the last acknowledged save (or the one cut off, whole), its version counts
// exactly the saves that committed, and each of those has its audit event.
// The server runs on its own embedded database (PGlite only, see vitest.config.ts);
// on PostgreSQL the commits are the database server's to keep.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { and, count, eq, isNotNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { auditEvents, candidates, documents, statusReports } from "../../src/db/schema.ts";
import { REPORTER } from "../fixtures/crashUsers.ts";

type Server = {
  child: ChildProcessByStdio<null, Readable, null>;
  port: number;
  token: string;
  reportId: string;
};
/** Two or three start-ups of a new embedded database: seconds, minutes on a loaded machine. */
const SLOW = 300_000;

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/crashServer.ts", dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
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

function killed(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill("SIGKILL");
  });
}

async function withDatabase<T>(
  dataDir: string,
  work: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>,
) {
  const database = await openDatabase({ dataDir: path.join(dataDir, "pejl-db") });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

const letter = fs.readFileSync("data/demo/003_139553ee05667919.txt", "utf8");

describe("the server killed during writes", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-crash-"));
  const dataDir = path.join(dir, "data");
  const uploads = path.join(dataDir, "uploads");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    "during an import: keeps every acknowledged import whole and removes the cut-off import's file at the next start",
    async () => {
      fs.mkdirSync(uploads, { recursive: true });
      const server = await startServer(dataDir);
      const acked: string[] = [];
      let armed = false;
      // The importer stores the file just before its transaction: kill on that file.
      const watcher = fs.watch(uploads, () => {
        if (armed) server.child.kill("SIGKILL");
      });
      let cutOff = false;
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
      watcher.close();
      await killed(server);
      expect(cutOff).toBe(true);
      expect(acked.length).toBeGreaterThanOrEqual(3);
      const leftBehind = fs.readdirSync(uploads).length - acked.length;

      // Start again: the start-up removes what the cut-off import left.
      await killed(await startServer(dataDir));

      await withDatabase(dataDir, async (db) => {
        const rows = await db
          .select({ id: documents.id, storagePath: documents.storagePath })
          .from(documents)
          .where(isNotNull(documents.storagePath));
        const ids = new Set(rows.map((r) => r.id));
        for (const id of acked) expect(ids.has(id), `acknowledged document ${id}`).toBe(true);
        // The cut-off import committed whole or not at all.
        expect(rows.length - acked.length).toBeLessThanOrEqual(1);
        for (const row of rows) {
          const [n] = await db
            .select({ n: count() })
            .from(candidates)
            .where(eq(candidates.documentId, row.id));
          expect(n!.n, "candidates of a stored document").toBeGreaterThan(0);
        }
        // Exactly the files the documents name are left.
        expect(fs.readdirSync(uploads).sort()).toEqual(rows.map((r) => r.storagePath).sort());
      });
      console.log(
        `crash test (import): ${acked.length} imports acknowledged, ${leftBehind} file(s) left by the kill`,
      );
    },
    SLOW,
  );

  it(
    "during a round save: the answer holds the last acknowledged save, and its version and log agree",
    async () => {
      const server = await startServer(dataDir);
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
      const field = (html: string, name: string) =>
        new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
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
      // The fourth save is cut off as it is being written.
      const cut = save(4).then(
        (res) => res.status,
        () => "killed",
      );
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 40));
      await killed(server);
      const outcome = await cut;
      if (outcome === 303) acked = 4;

      await killed(await startServer(dataDir));
      await withDatabase(dataDir, async (db) => {
        const [row] = await db.select().from(statusReports).where(eq(statusReports.id, server.reportId));
        const committed = row!.narrative === "Svar nummer 4" ? 4 : 3;
        expect(committed).toBeGreaterThanOrEqual(acked);
        expect(row!.narrative).toBe(`Svar nummer ${committed}`);
        expect(row!.progressPct).toBe(committed);
        const [logged] = await db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, server.reportId), eq(auditEvents.entity, "status_report")));
        expect(logged!.n, "one audit event per committed save").toBe(committed);
      });
      console.log(
        `crash test (round save): 3 saves acknowledged, the 4th ${outcome === 303 ? "answered before" : "cut off by"} the kill`,
      );
    },
    SLOW,
  );
});
