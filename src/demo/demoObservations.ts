// The demo's living barometer: example measurements for every indicator that has a baseline,
// one a year from the year after the baseline to last year, so the portal shows series against
// baseline and target. Each is marked "Eksempeldata" (footnote and source), on the page, in the
// API and in the open data. Most move the way their indicator wants; every fourth goes the wrong
// way, so the barometer shows what deterioration looks like too.
import { and, eq, isNotNull } from "drizzle-orm";
import { observationSaver } from "../commands/registry/observationSaver.ts";
import type { Context } from "../context.ts";
import { indicators } from "../db/schema.ts";
import { yearOfPeriod } from "../domain/period.ts";

export const EXAMPLE_OBSERVATION_NOTE =
  "Eksempeldata: tallet er opdigtet til demonstration og er ikke en rigtig måling.";
const EXAMPLE_SOURCE = "Eksempeldata (demo)";
/** Relative change a year when an indicator has no target to move towards. */
const YEARLY_CHANGE = 0.04;

interface DemoIndicator {
  direction: string;
  unit: string | null;
  baselineValue: number;
  baselineYear: number;
  targetValue: number | null;
  targetYear: number | null;
}

/** The example value `step` years after the baseline. `wrongWay`: moves against the direction. */
export function exampleValue(ind: DemoIndicator, step: number, wrongWay: boolean): number {
  const sign = ind.direction === "decrease" ? -1 : ind.direction === "maintain" ? 0 : 1;
  let value: number;
  if (!wrongWay && ind.targetValue !== null && ind.targetYear !== null && ind.targetYear > ind.baselineYear) {
    // Three quarters of the way to the target by the target year, then on at that pace.
    const share = (0.75 * step) / (ind.targetYear - ind.baselineYear);
    value = ind.baselineValue + share * (ind.targetValue - ind.baselineValue);
  } else {
    value = ind.baselineValue * (1 + (wrongWay ? -sign : sign) * YEARLY_CHANGE) ** step;
  }
  // A small wobble, the same on every start, so the line looks measured rather than drawn.
  value *= 1 + 0.01 * Math.sin(step * 2.1);
  if (ind.unit === "pct.") value = Math.min(100, Math.max(0, value));
  return ind.unit === "personer" ? Math.round(value) : Math.round(value * 10) / 10;
}

/** Adds the example measurements (once, with the demo seed); returns how many. */
export async function createDemoObservations(ctx: Context, opts: { now?: Date } = {}): Promise<number> {
  const lastYear = (opts.now ?? new Date()).getUTCFullYear() - 1;
  const rows = await ctx.db
    .select({
      id: indicators.id,
      direction: indicators.direction,
      unit: indicators.unit,
      baselineValue: indicators.baselineValue,
      baselinePeriod: indicators.baselinePeriod,
      targetValue: indicators.targetValue,
      targetPeriod: indicators.targetPeriod,
    })
    .from(indicators)
    .where(
      and(
        eq(indicators.organisationId, ctx.organisationId),
        isNotNull(indicators.baselineValue),
        isNotNull(indicators.baselinePeriod),
      ),
    )
    .orderBy(indicators.title);
  let added = 0;
  for (const [i, row] of rows.entries()) {
    const baselineYear = yearOfPeriod(row.baselinePeriod!);
    if (baselineYear === null || row.baselineValue === null) continue;
    const ind: DemoIndicator = {
      direction: row.direction,
      unit: row.unit,
      baselineValue: row.baselineValue,
      baselineYear,
      targetValue: row.targetValue,
      targetYear: row.targetPeriod ? yearOfPeriod(row.targetPeriod) : null,
    };
    const wrongWay = i % 4 === 3;
    for (let year = baselineYear + 1; year <= lastYear; year++) {
      await observationSaver(ctx, {
        indicatorId: row.id,
        period: String(year),
        value: exampleValue(ind, year - baselineYear, wrongWay),
        footnote: EXAMPLE_OBSERVATION_NOTE,
        source: EXAMPLE_SOURCE,
      });
      added++;
    }
  }
  return added;
}
