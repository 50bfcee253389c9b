// An indicator with its baseline, target and progress (the portal's rule, same threshold).
import type { IndicatorDirection } from "../domain/enums.ts";
import { indicatorProgress } from "../domain/indicatorProgress.ts";
import type { IndicatorRow } from "../queries/indicators/indicators.ts";

export function presentIndicator(row: IndicatorRow, opts: { threshold: number }) {
  const progress = indicatorProgress(row, row.observations.map(numeric), opts.threshold);
  return {
    id: row.id,
    goal_id: row.goalId,
    title: row.title,
    unit: row.unit,
    direction: row.direction as IndicatorDirection,
    baseline_value: row.baselineValue,
    baseline_period: row.baselinePeriod,
    target_value: row.targetValue,
    target_period: row.targetPeriod,
    source: row.source,
    progress: progress.status,
    progress_explanation: progress.explanation,
  };
}

// json_agg gives numeric columns as JSON numbers on PostgreSQL; be sure of it.
function numeric(o: IndicatorRow["observations"][number]) {
  return { ...o, value: o.value === null ? null : Number(o.value) };
}
