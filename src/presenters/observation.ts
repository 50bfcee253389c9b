// An observation (måling). Below the suppression threshold neither the value nor n is
// shown, only `suppressed: true`: the number could identify the persons behind it.
import { isSuppressed } from "../domain/suppression.ts";
import type { ObservationRow } from "../queries/indicators/observations.ts";

export function presentObservation(row: ObservationRow, opts: { threshold: number }) {
  const suppressed = isSuppressed(row.n, opts.threshold);
  return {
    id: row.id,
    indicator_id: row.indicatorId,
    period: row.period,
    value: suppressed ? null : row.value,
    disaggregation: row.disaggregation,
    n: suppressed ? null : row.n,
    footnote: row.footnote,
    source: row.source,
    suppressed,
  };
}
