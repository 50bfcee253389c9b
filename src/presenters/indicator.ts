// An indicator with its baseline and target.
import type { IndicatorDirection } from "../domain/enums.ts";
import type { IndicatorRow } from "../queries/apiIndicators.ts";

export function presentIndicator(row: IndicatorRow) {
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
  };
}
