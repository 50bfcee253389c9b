// Which policies are "current", the default view wherever money is summed, so
// a figure never mixes a strategy from 2009–12 with one from 2019–22 unasked.
// The rule: the policies in force this year; when none is (every plan has run
// out, as in an archive), the latest generation: those whose period overlaps the
// period of the most recently ending policy with both years known. A policy with
// one year known is open-ended on the other side; one with none is never current.

export interface DatedPolicy {
  id: string;
  status?: string;
  periodStart: number | null;
  periodEnd: number | null;
}

export interface CurrentSpan {
  from: number;
  to: number;
  /** true when some policy covers this year; false when the latest generation is used. */
  inForce: boolean;
}

function bounds(p: DatedPolicy): [number, number] | null {
  if (p.periodStart === null && p.periodEnd === null) return null;
  return [p.periodStart ?? Number.NEGATIVE_INFINITY, p.periodEnd ?? Number.POSITIVE_INFINITY];
}

function overlaps(p: DatedPolicy, from: number, to: number): boolean {
  const b = bounds(p);
  return b !== null && b[0] <= to && b[1] >= from;
}

export function currentSpan(policies: readonly DatedPolicy[], thisYear: number): CurrentSpan | null {
  const live = policies.filter((p) => p.status !== "archived");
  if (live.some((p) => overlaps(p, thisYear, thisYear)))
    return { from: thisYear, to: thisYear, inForce: true };
  const dated = live
    .filter((p) => p.periodStart !== null && p.periodEnd !== null)
    .sort((a, b) => b.periodEnd! - a.periodEnd! || b.periodStart! - a.periodStart!);
  const anchor = dated[0];
  if (!anchor) return null;
  return { from: anchor.periodStart!, to: anchor.periodEnd!, inForce: false };
}

/** The ids of the current policies (empty when none has a period). */
export function currentPolicyIds(policies: readonly DatedPolicy[], thisYear: number): string[] {
  const span = currentSpan(policies, thisYear);
  if (!span) return [];
  return policies.filter((p) => p.status !== "archived" && overlaps(p, span.from, span.to)).map((p) => p.id);
}
