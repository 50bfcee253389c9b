// 50 reporters submitting at once (issue 6): each of 50 reporters, spread over
// the seven administrations, saves a draft and then submits each of their 4
// answers (400 commands, 50 running concurrently), through the same command the
// web form and the API call (statusReportSaver: authorization, optimistic
// version, audit row, one transaction each). Then 20 answers are submitted by
// two reporters of the same administration at the same moment with the same
// version: exactly one of each pair may win. Afterwards the rows are counted:
// no lost and no duplicated answer. Baseline in the same run: the same number
// of bare UPDATEs of the same rows, 50 at a time, without the command.
// On PGlite in memory and, when DATABASE_URL or TEST_DATABASE_URL is set, on
// PostgreSQL (a temporary database on that server, dropped afterwards).
// Run: node --import tsx bench/round-submit.ts
import { and, eq, sql } from "drizzle-orm";
import pg from "pg";
import { roundOpener } from "../src/commands/rounds/roundOpener.ts";
import { statusReportSaver } from "../src/commands/rounds/statusReportSaver.ts";
import { type Actor, type Context, createContext, systemActor } from "../src/context.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import * as s from "../src/db/schema.ts";
import { ensureOrganisation } from "../src/organisation.ts";

const REPORTERS = 50;
const PER_REPORTER = 4;
const CONFLICTS = 20;
const codes = ["BIF", "BUF", "KFF", "SOF", "SUF", "TMF", "ØKF"];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function setUp(database: Database) {
  const org = await ensureOrganisation(database.db, {
    slug: "bench-submit",
    name: "Benchkommune",
    administrations: codes.map((code) => ({ code, name: `${code}-forvaltningen` })),
    committees: [],
  });
  const ctx = createContext({ db: database.db, organisationId: org.id, actor: systemActor("bench") });
  const admins = await ctx.db
    .select()
    .from(s.administrations)
    .where(eq(s.administrations.organisationId, org.id));
  const [policy] = await ctx.db
    .insert(s.policies)
    .values({ organisationId: org.id, slug: "bench-submit", title: "Benchpolitik", kind: "policy" })
    .returning();
  // Reporter r works in administration r mod 7 and owns PER_REPORTER initiatives there.
  const reporters: { actor: Actor; administrationId: string }[] = [];
  for (let r = 0; r < REPORTERS; r++) {
    const admin = admins[r % admins.length]!;
    const [user] = await ctx.db
      .insert(s.users)
      .values({
        organisationId: org.id,
        name: `Indmelder ${r}`,
        email: `indmelder-${r}-${org.id}@bench.example`,
      })
      .returning();
    await ctx.db
      .insert(s.roleAssignments)
      .values({ organisationId: org.id, userId: user!.id, role: "reporter", administrationId: admin.id });
    reporters.push({
      actor: {
        kind: "user",
        userId: user!.id,
        label: user!.email,
        grants: [{ role: "reporter", administrationId: admin.id }],
      },
      administrationId: admin.id,
    });
  }
  const owned = new Map<string, number>(); // initiative title → reporter
  const values = reporters.flatMap((rep, r) =>
    Array.from({ length: PER_REPORTER }, (_, k) => {
      const title = `Initiativ ${r}-${k}`;
      owned.set(title, r);
      return {
        organisationId: org.id,
        policyId: policy!.id,
        administrationId: rep.administrationId,
        title,
        status: "ongoing",
      };
    }),
  );
  // Extra initiatives for the conflict pairs, in administrations with at least two reporters.
  for (let c = 0; c < CONFLICTS; c++)
    values.push({
      organisationId: org.id,
      policyId: policy!.id,
      administrationId: reporters[c % 7]!.administrationId,
      title: `Konflikt ${c}`,
      status: "ongoing",
    });
  await ctx.db.insert(s.initiatives).values(values);
  const round = await roundOpener(ctx, {
    policyId: policy!.id,
    kind: "annual",
    period: "2025",
    deadline: "2026-01-31",
    administrations: codes,
  });
  const answers = await ctx.db
    .select({ id: s.statusReports.id, title: s.initiatives.title })
    .from(s.statusReports)
    .innerJoin(s.initiatives, eq(s.initiatives.id, s.statusReports.initiativeId))
    .where(eq(s.statusReports.roundId, round.id));
  return { ctx, reporters, owned, answers, roundId: round.id };
}

/** Runs the jobs `concurrency` at a time; returns each one's latency in ms. */
async function pool(jobs: (() => Promise<unknown>)[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const started = performance.now();
        await job();
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

async function run(label: string, database: Database) {
  const { ctx, reporters, owned, answers, roundId } = await setUp(database);
  const mine = (r: number) => answers.filter((a) => owned.get(a.title) === r);
  const as = (actor: Actor): Context => ({ ...ctx, actor });

  // Baseline: bare updates of the same rows, 50 at a time.
  const baseline = await pool(
    answers
      .flatMap((a) =>
        [1, 2].map(
          () => () =>
            ctx.db
              .update(s.statusReports)
              .set({ progressPct: sql`coalesce(${s.statusReports.progressPct}, 0)` })
              .where(eq(s.statusReports.id, a.id)),
        ),
      )
      .slice(0, REPORTERS * PER_REPORTER * 2),
    REPORTERS,
  );

  // Each reporter: for each of their answers, a draft and then the submission, in order.
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    reporters.map(async (rep, r) => {
      for (const answer of mine(r)) {
        const t0 = performance.now();
        const draft = await statusReportSaver(as(rep.actor), {
          id: answer.id,
          version: 1,
          rating: "on_track",
          progressPct: 40,
          narrative: `Kladde fra indmelder ${r}`,
        });
        const t1 = performance.now();
        await statusReportSaver(as(rep.actor), {
          id: answer.id,
          version: draft.version,
          rating: "on_track",
          progressPct: 50,
          narrative: `Indmeldt af indmelder ${r}`,
          numbers: { spendDkk: 1000 * r, fte: 0.5 },
          submit: true,
        });
        latencies.push(t1 - t0, performance.now() - t1);
      }
    }),
  );
  const wall = performance.now() - started;
  latencies.sort((a, b) => a - b);

  // Conflicts: two reporters of the same administration submit the same answer with the same version.
  let wins = 0;
  let stale = 0;
  const conflictAnswers = answers.filter((a) => a.title.startsWith("Konflikt "));
  await Promise.all(
    conflictAnswers.map(async (answer) => {
      const c = Number(answer.title.split(" ")[1]);
      const pair = [reporters[c % 7]!, reporters[(c % 7) + 7]!];
      const results = await Promise.allSettled(
        pair.map((rep, i) =>
          statusReportSaver(as(rep.actor), {
            id: answer.id,
            version: 1,
            rating: i ? "at_risk" : "on_track",
            narrative: `Svar ${i}`,
            submit: true,
          }),
        ),
      );
      for (const res of results) {
        if (res.status === "fulfilled") wins++;
        else if ((res.reason as { id?: string }).id === "stale_version") stale++;
        else throw res.reason;
      }
    }),
  );

  // Counting: every answer once, submitted once, with the reporter's last text.
  const rows = await ctx.db.select().from(s.statusReports).where(eq(s.statusReports.roundId, roundId));
  const submitted = rows.filter((r) => r.state === "submitted");
  const perInitiative = new Set(rows.map((r) => r.initiativeId));
  const wrongText = rows.filter((r) => {
    const title = answers.find((a) => a.id === r.id)!.title;
    const reporter = owned.get(title);
    return reporter !== undefined && r.narrative !== `Indmeldt af indmelder ${reporter}`;
  });
  const [audit] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(s.auditEvents)
    .where(
      and(
        eq(s.auditEvents.organisationId, ctx.organisationId),
        eq(s.auditEvents.action, "status_report.submit"),
      ),
    );
  const expected = REPORTERS * PER_REPORTER + CONFLICTS;
  const ok =
    rows.length === expected &&
    perInitiative.size === expected &&
    submitted.length === expected &&
    wrongText.length === 0 &&
    wins === CONFLICTS &&
    stale === CONFLICTS &&
    audit!.n === expected;

  const f = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
  console.log(
    `\n${label}: ${REPORTERS} reporters, ${latencies.length} saves/submits, ${REPORTERS} at a time`,
  );
  console.log(
    `  command (save/submit)   p50 ${f(percentile(latencies, 50))}  p99 ${f(percentile(latencies, 99))}  ` +
      `${((latencies.length / wall) * 1000).toFixed(0)} commands/s`,
  );
  console.log(
    `  baseline (bare UPDATE)  p50 ${f(percentile(baseline, 50))}  p99 ${f(percentile(baseline, 99))}`,
  );
  console.log(
    `  ratio p50 ${(percentile(latencies, 50) / percentile(baseline, 50)).toFixed(1)}×, p99 ${(percentile(latencies, 99) / percentile(baseline, 99)).toFixed(1)}×`,
  );
  console.log(
    `  rows ${rows.length}/${expected}, distinct subjects ${perInitiative.size}, submitted ${submitted.length}, ` +
      `wrong text ${wrongText.length}, audit submit events ${audit!.n}; conflict pairs: ${wins} won, ${stale} stale_version`,
  );
  console.log(`  ${ok ? "OK: no lost or duplicated answer" : "FAILED: answers lost or duplicated"}`);
  if (!ok) process.exitCode = 1;
}

const pglite = await openDatabase();
try {
  await pglite.migrate();
  await run("PGlite (in memory)", pglite);
} finally {
  await pglite.close();
}

const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) {
  const name = `pejl_bench_submit_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const postgres = await openDatabase({ url: target.toString(), poolSize: 20 });
  try {
    await postgres.migrate();
    await run("PostgreSQL (pool of 20)", postgres);
  } finally {
    await postgres.close();
    await new Promise((r) => setTimeout(r, 200));
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
} else {
  console.log("\nDATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL not measured.");
}
