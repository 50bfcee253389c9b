// An initiative's target for a year, with the actual value when reported.
import type { AnnualTargetRow } from "../queries/initiatives/annualTargets.ts";

export function presentAnnualTarget(row: AnnualTargetRow) {
  return {
    id: row.id,
    initiative_id: row.initiativeId,
    year: row.year,
    metric: row.metric,
    target_value: row.targetValue,
    actual_value: row.actualValue,
    unit: row.unit,
    from_year: row.fromYear,
  };
}
