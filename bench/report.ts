// Committee report generation (issue 6): a synthetic annual round of 200
// initiatives across the seven administrations, every one answered, and a
// policy with 4 themes, 20 goals and 40 indicators with 10 years of
// observations (charts), on PGlite in memory. Baselines in the same run: the
// round-answers query alone (the data the report is made of) and the report of
// an empty round of a policy with no indicators (the fixed cost of a document).
// Run: node --import tsx bench/report.ts [runs]
import { eq } from "drizzle-orm";
import { roundOpener } from "../src/commands/rounds/roundOpener.ts";
import { type Context, createContext, systemActor } from "../src/context.ts";
import { openDatabase } from "../src/db/client.ts";
import * as s from "../src/db/schema.ts";
import { ratings } from "../src/domain/enums.ts";
import { ensureOrganisation } from "../src/organisation.ts";
import { roundAnswers } from "../src/queries/rounds/answers.ts";
import { roundReport } from "../src/reports/roundReport.ts";

const RUNS = Number(process.argv[2] ?? 5);
const INITIATIVES = 200;
const codes = ["BIF", "BUF", "KFF", "SOF", "SUF", "TMF", "ØKF"];

async function generate(ctx: Context) {
  const org = ctx.organisationId;
  const admins = await ctx.db
    .select()
    .from(s.administrations)
    .where(eq(s.administrations.organisationId, org));
  const [policy] = await ctx.db
    .insert(s.policies)
    .values({
      organisationId: org,
      slug: "bench-politik",
      title: "Benchpolitik for ligestilling",
      kind: "policy",
    })
    .returning();
  const [empty] = await ctx.db
    .insert(s.policies)
    .values({ organisationId: org, slug: "bench-tom", title: "Tom politik", kind: "policy" })
    .returning();
  const themeRows = await ctx.db
    .insert(s.themes)
    .values(
      [1, 2, 3, 4].map((number) => ({
        organisationId: org,
        policyId: policy!.id,
        number,
        title: `Tema ${number}`,
      })),
    )
    .returning();
  const goalRows = await ctx.db
    .insert(s.goals)
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        organisationId: org,
        policyId: policy!.id,
        themeId: themeRows[i % 4]!.id,
        number: String(i + 1),
        text: `Mål ${i + 1}: flere københavnere oplever sig ligeværdige`,
      })),
    )
    .returning();
  const indicatorRows = await ctx.db
    .insert(s.indicators)
    .values(
      Array.from({ length: 40 }, (_, i) => ({
        organisationId: org,
        goalId: goalRows[i % 20]!.id,
        title: `Indikator ${i + 1}`,
        unit: "pct.",
        direction: "increase",
        baselineValue: 50,
        baselinePeriod: "2014",
        targetValue: 70,
        targetPeriod: "2025",
      })),
    )
    .returning();
  await ctx.db.insert(s.observations).values(
    indicatorRows.flatMap((ind, i) =>
      Array.from({ length: 10 }, (_, y) => ({
        organisationId: org,
        indicatorId: ind.id,
        period: String(2015 + y),
        year: 2015 + y,
        value: 50 + ((i + y * 3) % 25),
        n: 400,
      })),
    ),
  );
  await ctx.db.insert(s.initiatives).values(
    Array.from({ length: INITIATIVES }, (_, i) => ({
      organisationId: org,
      policyId: policy!.id,
      administrationId: admins[i % admins.length]!.id,
      title: `Initiativ ${String(i + 1).padStart(3, "0")}: rådgivning og netværk`,
      fundingStatus: i % 9 === 0 ? "requires_separate_funding" : "within_frame",
      status: "ongoing",
    })),
  );
  const round = await roundOpener(ctx, {
    policyId: policy!.id,
    kind: "annual",
    period: "2025",
    deadline: "2026-01-31",
    administrations: codes,
  });
  const answers = await ctx.db.select().from(s.statusReports).where(eq(s.statusReports.roundId, round.id));
  for (const [i, a] of answers.entries())
    await ctx.db
      .update(s.statusReports)
      .set({
        state: "submitted",
        rating: ratings[i % ratings.length],
        progressPct: (i * 7) % 101,
        narrative: `Indsatsen er i gang. ${"Der er afholdt aktiviteter for målgruppen, og erfaringerne samles. ".repeat(4)}`,
        numbers: { spendDkk: 100_000 + i * 1000, fte: 0.5 },
        submittedAt: new Date().toISOString(),
      })
      .where(eq(s.statusReports.id, a.id));
  const emptyRound = await roundOpener(ctx, {
    policyId: empty!.id,
    kind: "annual",
    period: "2025",
    deadline: "2026-01-31",
    administrations: codes,
  });
  return { roundId: round.id, emptyRoundId: emptyRound.id, answers: answers.length };
}

async function time(work: () => Promise<unknown>) {
  const samples: number[] = [];
  await work(); // warm-up: module loading and the first query plans are not what we measure
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const database = await openDatabase();
await database.migrate();
const organisation = await ensureOrganisation(database.db, {
  slug: "bench",
  name: "Benchkommune",
  administrations: codes.map((code) => ({ code, name: `${code}-forvaltningen` })),
  committees: [],
});
const ctx = createContext({ db: database.db, organisationId: organisation.id, actor: systemActor("bench") });
const { roundId, emptyRoundId, answers } = await generate(ctx);

const sizes = { html: 0, docx: 0 };
const query = await time(() => roundAnswers(ctx, roundId));
const emptyHtml = await time(() => roundReport(ctx, emptyRoundId, "html"));
const emptyDocx = await time(() => roundReport(ctx, emptyRoundId, "docx"));
const html = await time(async () => {
  sizes.html = (await roundReport(ctx, roundId, "html")).bytes.length;
});
const docx = await time(async () => {
  sizes.docx = (await roundReport(ctx, roundId, "docx")).bytes.length;
});
await database.close();

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
console.log(
  `Round report, ${answers} answers, 40 indicators with charts; median of ${RUNS} runs (PGlite in memory)`,
);
console.log(`  baseline: round-answers query       ${ms(query)}`);
console.log(`  baseline: empty round, HTML         ${ms(emptyHtml)}`);
console.log(`  baseline: empty round, DOCX         ${ms(emptyDocx)}`);
console.log(`  full round, HTML                    ${ms(html)}  ${(sizes.html / 1024).toFixed(0)} KiB`);
console.log(`  full round, DOCX                    ${ms(docx)}  ${(sizes.docx / 1024).toFixed(0)} KiB`);
console.log(
  `  ratios: HTML ${(html / query).toFixed(1)}× and DOCX ${(docx / query).toFixed(1)}× the query; ` +
    `HTML ${(html / emptyHtml).toFixed(1)}× and DOCX ${(docx / emptyDocx).toFixed(1)}× the empty round`,
);
