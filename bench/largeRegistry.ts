// A large synthetic registry for the benches (opendata.ts, packageZip.ts): at scale 1,
// 10,000 initiatives with budget lines and annual targets, 10,000 indicators with 20 years of
// observations each (200,000), under 10 policies, written with the importer's bulk inserts.
import type { PgTable } from "drizzle-orm/pg-core";
import { type Context, createContext, systemActor } from "../src/context.ts";
import type { Database } from "../src/db/client.ts";
import * as s from "../src/db/schema.ts";
import { bulkInsert } from "../src/opendata/write.ts";

const YEARS = 20;

/** The registry's size at `scale` (1 = 10,000 initiatives and indicators, 200,000 observations). */
export function registrySize(scale: number) {
  const initiatives = Math.round(10_000 * scale);
  const indicators = Math.round(10_000 * scale);
  return { initiatives, indicators, observations: indicators * YEARS };
}

// Bulk inserts for the synthetic rows: the importer's own JSON-parameter insert.
const insertAll = (ctx: Context, table: PgTable, rows: Record<string, unknown>[]) =>
  bulkInsert(ctx, table, rows);

/** The synthetic registry at `scale`, written with bulk inserts. Returns the number of rows. */
export async function generate(ctx: Context, scale: number): Promise<number> {
  const { initiatives: INITIATIVES, indicators: INDICATORS } = registrySize(scale);
  const org = ctx.organisationId;
  const codes = ["BIF", "BUF", "KFF", "SOF", "SUF", "TMF", "ØKF"];
  const admins = await ctx.db
    .insert(s.administrations)
    .values(codes.map((code) => ({ organisationId: org, code, name: `${code}-forvaltningen` })))
    .returning();
  const policyRows = await ctx.db
    .insert(s.policies)
    .values(
      Array.from({ length: 10 }, (_, i) => ({
        organisationId: org,
        slug: `politik-${i}`,
        title: `Politik ${i} for ligestilling og inklusion`,
        kind: "policy",
        periodStart: 2005,
        periodEnd: 2024,
      })),
    )
    .returning({ id: s.policies.id });
  const goalRows = await ctx.db
    .insert(s.goals)
    .values(
      Array.from({ length: 500 }, (_, i) => ({
        organisationId: org,
        policyId: policyRows[i % policyRows.length]!.id,
        number: String(i + 1),
        text: `Mål ${i + 1}: flere borgere i job og uddannelse`,
        sortOrder: i,
      })),
    )
    .returning({ id: s.goals.id });
  const indicatorRows: { id: string }[] = [];
  for (let i = 0; i < INDICATORS; i += 2000) {
    const batch = Array.from({ length: Math.min(2000, INDICATORS - i) }, (_, k) => ({
      organisationId: org,
      goalId: goalRows[(i + k) % goalRows.length]!.id,
      title: `Indikator ${i + k + 1}`,
      unit: "pct.",
      baselineValue: 50,
      baselinePeriod: "2005",
      targetValue: 70,
      targetPeriod: "2024",
    }));
    indicatorRows.push(
      ...(await ctx.db.insert(s.indicators).values(batch).returning({ id: s.indicators.id })),
    );
  }
  const observations = indicatorRows.flatMap((ind, i) =>
    Array.from({ length: YEARS }, (_, y) => ({
      organisationId: org,
      indicatorId: ind.id,
      period: String(2005 + y),
      year: 2005 + y,
      value: Math.round((40 + ((i * 7 + y * 3) % 50) + y * 0.25) * 100) / 100,
      n: (i + y) % 97 === 0 ? 3 : 100 + ((i + y) % 900),
      source: "Syntetisk",
    })),
  );
  await insertAll(ctx, s.observations, observations);
  const initiativeRows: { id: string }[] = [];
  for (let i = 0; i < INITIATIVES; i += 2000) {
    const batch = Array.from({ length: Math.min(2000, INITIATIVES - i) }, (_, k) => ({
      organisationId: org,
      policyId: policyRows[(i + k) % policyRows.length]!.id,
      administrationId: admins[(i + k) % admins.length]!.id,
      title: `Initiativ ${i + k + 1}`,
      description: "Et initiativ, der skal give lige muligheder; beskrevet i én sætning.",
      fundingStatus: "within_frame",
      status: "ongoing",
      equalityGrounds: ["gender", "age"],
      targetGroups: ["unge", "forældre"],
      startYear: 2020,
      endYear: 2024,
    }));
    initiativeRows.push(
      ...(await ctx.db.insert(s.initiatives).values(batch).returning({ id: s.initiatives.id })),
    );
  }
  await insertAll(
    ctx,
    s.initiativeGoals,
    initiativeRows.map((ini, i) => ({
      organisationId: org,
      initiativeId: ini.id,
      goalId: goalRows[i % goalRows.length]!.id,
    })),
  );
  const budget = initiativeRows.flatMap((ini, i) =>
    [2023, 2024].map((year) => ({
      organisationId: org,
      initiativeId: ini.id,
      year,
      amountDkk: 100_000 + (i % 50) * 10_000,
      fte: 0.5,
      fundingStatus: "within_frame",
    })),
  );
  await insertAll(ctx, s.budgetLines, budget);
  const targets = initiativeRows.map((ini) => ({
    organisationId: org,
    initiativeId: ini.id,
    year: 2024,
    metric: "Deltagere",
    targetValue: 100,
    actualValue: 87,
  }));
  await insertAll(ctx, s.annualTargets, targets);
  return (
    codes.length + 10 + 500 + INDICATORS + observations.length + INITIATIVES + budget.length + targets.length
  );
}

export async function newOrganisation(db: Database["db"], slug: string): Promise<Context> {
  const [org] = await db
    .insert(s.organisations)
    .values({ slug, name: `Benchkommune ${slug}` })
    .returning();
  return createContext({ db, organisationId: org!.id, actor: systemActor("bench") });
}
