// The one progress rule for an indicator as stored (DESIGN §11): the portal, the API and the
// committee report all call this, with the organisation's suppression threshold, so they never
// disagree. The series: the total when there is one, otherwise each breakdown (their scores
// averaged by computeIndicatorProgress).
import type { IndicatorDirection } from "./enums.ts";
import { computeIndicatorProgress, type IndicatorProgress, type ProgressSeriesInput } from "./progress.ts";

export interface ProgressIndicator {
  unit: string | null;
  direction: string;
  baselineValue: number | null;
  baselinePeriod: string | null;
  targetValue: number | null;
  targetPeriod: string | null;
}

export interface ProgressObservationRow {
  period: string;
  value: number | null;
  disaggregation: string;
  n: number | null;
}

export function progressSeries(
  indicator: ProgressIndicator,
  obs: readonly ProgressObservationRow[],
  threshold: number,
): ProgressSeriesInput[] {
  const base = {
    direction: indicator.direction as IndicatorDirection,
    unit: indicator.unit,
    baseline:
      indicator.baselinePeriod !== null
        ? { period: indicator.baselinePeriod, value: indicator.baselineValue }
        : null,
    target:
      indicator.targetPeriod !== null && indicator.targetValue !== null
        ? { period: indicator.targetPeriod, value: indicator.targetValue }
        : null,
    suppressionThreshold: threshold,
  };
  const total = obs.filter((o) => o.disaggregation === "");
  const groups = new Map<string, ProgressObservationRow[]>();
  for (const o of obs) {
    if (o.disaggregation === "") continue;
    const list = groups.get(o.disaggregation);
    if (list) list.push(o);
    else groups.set(o.disaggregation, [o]);
  }
  if (total.length > 0 || groups.size === 0) return [{ ...base, observations: total }];
  return [...groups].map(([label, list]) => ({ ...base, label, observations: list }));
}

/** Progress of one indicator from its stored fields and observations. */
export function indicatorProgress(
  indicator: ProgressIndicator,
  obs: readonly ProgressObservationRow[],
  threshold: number,
): IndicatorProgress {
  return computeIndicatorProgress(progressSeries(indicator, obs, threshold));
}
