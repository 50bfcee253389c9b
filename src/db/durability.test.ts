// The embedded database under a crash: a SIGKILL mid-write loses no acknowledged
// transaction and leaves none half-written; a second process is refused.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { goals, policies } from "./schema.ts";

// PGlite only (vitest.config.ts): PostgreSQL's own crash safety is PostgreSQL's.
describe("embedded database durability", () => {
  it("keeps every acknowledged write after kill -9 and nothing half-written", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-kill-"));
    const dataDir = path.join(dir, "db");
    const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/ackWriter.ts", dataDir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let acked = 0;
    await new Promise<void>((resolve, reject) => {
      let buffer = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop()!;
        for (const line of lines) {
          const m = line.match(/^ack (\d+)$/);
          if (m) acked = Number(m[1]);
          if (acked >= 40 && !child.killed) {
            child.kill("SIGKILL");
          }
        }
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    expect(acked).toBeGreaterThanOrEqual(40);
    // The dead process's lock is stale and is taken over.
    const database = await openDatabase({ dataDir });
    try {
      const policyRows = await database.db.select({ slug: policies.slug, id: policies.id }).from(policies);
      const slugs = new Set(policyRows.map((p) => p.slug));
      for (let i = 1; i <= acked; i++) expect(slugs.has(`p-${i}`)).toBe(true);
      const perPolicy = await database.db
        .select({ policyId: goals.policyId, n: count() })
        .from(goals)
        .groupBy(goals.policyId);
      expect(perPolicy).toHaveLength(policyRows.length);
      for (const row of perPolicy) expect(row.n).toBe(3);
      const orphans = await database.db.select({ n: count() }).from(goals).where(eq(goals.text, ""));
      expect(orphans[0]!.n).toBe(0);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a second opener of the same data directory with the owner's pid", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-lock-"));
    const dataDir = path.join(dir, "db");
    const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/ackWriter.ts", dataDir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    try {
      await expect(openDatabase({ dataDir })).rejects.toMatchObject({
        id: "database_in_use",
        message: expect.stringContaining(`in use by process ${child.pid}`),
      });
    } finally {
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
