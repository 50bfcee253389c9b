// kill -9 of the server in the middle of an import: every import it acknowledged
// (201) is there with its candidates and its stored file, nothing is
// half-written, and the file of the import that was cut off is removed when the
// server starts again. (PGlite: the server owns its data directory; the same
// commit path on PostgreSQL is the server's.)
import { type ChildProcessByStdio, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { count, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { candidates, documents } from "../../src/db/schema.ts";

const onPglite = process.env.PEJL_TEST_DB !== "postgres";
type Server = { child: ChildProcessByStdio<null, Readable, null>; port: number; token: string };

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/crashServer.ts", dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/^ready (\d+) (\S+)$/m);
      if (m) resolve({ child, port: Number(m[1]), token: m[2]! });
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

const letter = fs.readFileSync("data/demo/003_139553ee05667919.txt", "utf8");

describe.runIf(onPglite)("the server killed during an import", () => {
  it("keeps every acknowledged import whole and removes the cut-off import's file at the next start", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-crash-"));
    const dataDir = path.join(dir, "data");
    const uploads = path.join(dataDir, "uploads");
    fs.mkdirSync(uploads, { recursive: true });
    try {
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

      const database = await openDatabase({ dataDir: path.join(dataDir, "pejl-db") });
      try {
        const rows = await database.db
          .select({ id: documents.id, storagePath: documents.storagePath })
          .from(documents)
          .where(isNotNull(documents.storagePath));
        const ids = new Set(rows.map((r) => r.id));
        for (const id of acked) expect(ids.has(id), `acknowledged document ${id}`).toBe(true);
        // The cut-off import committed whole or not at all.
        expect(rows.length - acked.length).toBeLessThanOrEqual(1);
        for (const row of rows) {
          const [n] = await database.db
            .select({ n: count() })
            .from(candidates)
            .where(eq(candidates.documentId, row.id));
          expect(n!.n, "candidates of a stored document").toBeGreaterThan(0);
        }
        // Exactly the files the documents name are left.
        expect(fs.readdirSync(uploads).sort()).toEqual(rows.map((r) => r.storagePath).sort());
        console.log(
          `crash test: ${acked.length} imports acknowledged, ${leftBehind} file(s) left by the kill`,
        );
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000); // two start-ups of a new embedded database: seconds, minutes on a loaded machine
});
