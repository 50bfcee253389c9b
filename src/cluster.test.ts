// Two server processes on one PostgreSQL, as a region running Pejl behind a load
// balancer would have them: an edit through one shows through the other at once
// (its render cache hears of it), and the automatic reminder is sent once. Real
// `pejl serve` processes on a database of their own; in the PostgreSQL run only
// (vitest.config.ts), as PGlite is one process by design.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor } from "../test/actors.ts";
import { emptyPostgresDatabase } from "../test/db.ts";
import { buildInitiative, buildOrganisation, buildPolicy, type TestOrganisation } from "../test/factories.ts";
import { networkEditor, savePolicyTitle } from "../test/networkEditor.ts";
import { policyUpdater } from "./commands/registry/policyUpdater.ts";
import { copenhagenDay } from "./commands/rounds/autoReminder.ts";
import { roundOpener } from "./commands/rounds/roundOpener.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { lockKeys, whileHoldingClusterLock } from "./db/clusterLock.ts";
import { outbox, policies } from "./db/schema.ts";

const adminUrl = process.env.PEJL_TEST_DATABASE_URL;

interface Instance {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

function startInstance(databaseUrl: string, slug: string): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-instance-"));
  const { PEJL_ORGANISATION: _o, PEJL_HOSTS: _h, SMTP_URL: _s, ...rest } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve", "--no-demo"], {
    env: {
      ...rest,
      DATABASE_URL: databaseUrl,
      PEJL_DATA_DIR: dataDir,
      PEJL_ORGANISATION: slug,
      // Sessions are in the database; the cookie's signature must be the same key everywhere.
      PEJL_SECRET: "cluster-test-secret-cluster-test-secret",
      PEJL_TICK_SECONDS: "5",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const collect = (d: Buffer) => {
      out += d.toString();
      const m = /Pejl is ready on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, dataDir, process: child });
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

async function stopInstance(instance: Instance) {
  if (instance.process.exitCode === null) {
    const exited = new Promise((resolve) => instance.process.once("exit", resolve));
    instance.process.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(instance.dataDir, { recursive: true, force: true });
}

async function titleOn(instance: Instance, slug: string): Promise<string> {
  const html = await (await fetch(`${instance.url}/politikker/${slug}`)).text();
  return /<h1[^>]*>([^<]*)</.exec(html)?.[1] ?? "";
}

/** Waits until `check` holds, or `ms` have passed; returns whether it held. */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("two server instances on one PostgreSQL", () => {
  let empty: { url: string; drop(): Promise<void> };
  let database: Database;
  let org: TestOrganisation;
  const instances: Instance[] = [];

  beforeAll(async () => {
    empty = await emptyPostgresDatabase(adminUrl!);
    database = await openDatabase({ url: empty.url, poolSize: 2 });
    await database.migrate();
    org = await buildOrganisation(database.db);
    const [only] = await database.db.query.organisations.findMany();
    instances.push(await startInstance(empty.url, only!.slug), await startInstance(empty.url, only!.slug));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(instances.map(stopInstance));
    await database?.close();
    await empty?.drop();
  });

  it("shows an edit made through one instance through the other at once, not when its cache expires", {
    timeout: 120_000,
  }, async () => {
    const [a, b] = instances as [Instance, Instance];
    const policy = await buildPolicy(org, { title: "Politik for lige muligheder" });
    const editor = await networkEditor(org, a.url);

    // B caches the page: a write that no server makes (straight into the database) is not seen.
    expect(await titleOn(b, policy.slug)).toBe("Politik for lige muligheder");
    await database.db
      .update(policies)
      .set({ title: "Skrevet uden om serverne" })
      .where(eq(policies.id, policy.id));
    expect(await titleOn(b, policy.slug)).toBe("Politik for lige muligheder");

    await savePolicyTitle(editor, policy.id, "Politik for lige muligheder 2026–2029");

    const seen = await eventually(
      async () => (await titleOn(b, policy.slug)) === "Politik for lige muligheder 2026–2029",
      3000,
    );
    expect(seen).toBe(true);
  });

  it("shows at once a change committed by a process that serves nothing, as `pejl import-data` is", {
    timeout: 60_000,
  }, async () => {
    const [a, b] = instances as [Instance, Instance];
    const policy = await buildPolicy(org, { title: "Politik for et rummeligt arbejdsliv" });
    expect(await titleOn(a, policy.slug)).toBe("Politik for et rummeligt arbejdsliv");
    expect(await titleOn(b, policy.slug)).toBe("Politik for et rummeligt arbejdsliv");

    // This test's own process: no listener, no render cache anyone reads.
    const coordinator = await buildActor(org, "coordinator");
    await policyUpdater(coordinator.ctx, {
      id: policy.id,
      version: policy.version,
      title: "Politik for et rummeligt arbejdsliv 2026–2029",
      kind: policy.kind,
      status: policy.status,
      periodStart: 2026,
      periodEnd: 2029,
      ownerAdministrationId: policy.ownerAdministrationId,
      adoptedOn: null,
      followUp: null,
    });
    for (const instance of [a, b]) {
      const seen = await eventually(
        async () =>
          (await titleOn(instance, policy.slug)) === "Politik for et rummeligt arbejdsliv 2026–2029",
        3000,
      );
      expect(seen).toBe(true);
    }
  });

  it("sends the automatic reminder of a round once, though both instances tick", {
    timeout: 120_000,
  }, async () => {
    const policy = await buildPolicy(org);
    await buildInitiative(org, policy.id, { administrationId: org.administrationIds.SOF });
    const reporter = await buildActor(org, "reporter", "SOF");
    const coordinator = await buildActor(org, "coordinator");
    await roundOpener(coordinator.ctx, {
      policyId: policy.id,
      kind: "annual",
      period: "2026",
      deadline: copenhagenDay(new Date(Date.now() + 2 * 86_400_000)),
      administrations: ["SOF"],
      reminderDaysBefore: 5,
    });
    const reminders = () =>
      database.db.select().from(outbox).where(eq(outbox.organisationId, org.organisationId));
    const delivered = await eventually(async () => {
      const rows = await reminders();
      return rows.length > 0 && rows.every((r) => r.sentAt !== null);
    }, 30_000);
    expect(delivered).toBe(true);
    // Both instances have had at least one more turn since.
    await new Promise((r) => setTimeout(r, 6000));
    const rows = await reminders();
    expect(rows.map((r) => r.to)).toEqual([reporter.user.email]);
    const files = instances.flatMap((i) => {
      const dir = path.join(i.dataDir, "outbox");
      return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    });
    expect(files).toEqual([expect.stringContaining(rows[0]!.id)]);
  });

  it("lets one process at a time do the cluster's periodic work", async () => {
    const holder = new pg.Client({ connectionString: empty.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [lockKeys.periodicTick]);
      let ran = false;
      const work = async () => {
        ran = true;
      };
      expect(await whileHoldingClusterLock(database, lockKeys.periodicTick, work)).toBe(false);
      expect(ran).toBe(false);
      await holder.query("SELECT pg_advisory_unlock($1)", [lockKeys.periodicTick]);
      expect(await whileHoldingClusterLock(database, lockKeys.periodicTick, work)).toBe(true);
      expect(ran).toBe(true);
    } finally {
      await holder.end();
    }
  });
});
