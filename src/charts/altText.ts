// Danish text alternatives for the charts: what a sighted reader takes from
// the chart in one or two sentences (first and latest value, the target).
import { formatDkk, formatPeriod, formatValue } from "../domain/format.ts";

export interface AltPoint {
  period: string;
  year: number;
  value: number;
  label?: string;
}

export interface AltReference {
  period: string;
  value: number;
}

/** Observations grouped by label in first-seen order, each sorted by year. */
export function groupSeries<P extends { year: number; label?: string }>(
  points: readonly P[],
): Map<string, P[]> {
  const groups = new Map<string, P[]>();
  for (const p of points) {
    const key = p.label ?? "";
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  for (const list of groups.values()) list.sort((a, b) => a.year - b.year);
  return groups;
}

function at(value: number, period: string, unit: string): string {
  return `${formatValue(value, unit)} i ${formatPeriod(period)}`;
}

function seriesSentence(points: readonly AltPoint[], unit: string): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return "ingen målinger";
  if (points.length === 1) return at(first.value, first.period, unit);
  return `fra ${at(first.value, first.period, unit)} til ${at(last.value, last.period, unit)}`;
}

/** Ends a sentence with a full stop, unless it already ends with one ("… kr."). */
function endSentence(s: string): string {
  return s.endsWith(".") ? s : `${s}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * "Fra 62 % i 2018 til 66 % i 2021; målet er 70 % i 2022."
 * With a baseline that is not the first observation, it is named first; with
 * several series (a breakdown, e.g. by gender), each gets its own clause.
 */
export function lineAltText(
  points: readonly AltPoint[],
  unit: string,
  baseline?: AltReference,
  target?: AltReference,
): string {
  const groups = groupSeries(points);
  const parts: string[] = [];
  const first = groups.size === 1 ? [...groups.values()][0]?.[0] : undefined;
  const baselineIsFirst =
    first && baseline && first.period === baseline.period && first.value === baseline.value;
  if (baseline && !baselineIsFirst)
    parts.push(endSentence(`Udgangspunktet er ${at(baseline.value, baseline.period, unit)}`));

  let body: string;
  if (points.length === 0) {
    body = "Der er endnu ingen målinger";
  } else if (groups.size === 1) {
    body = capitalize(seriesSentence([...groups.values()][0] ?? [], unit));
  } else {
    body = [...groups.entries()]
      .map(([label, list]) => `${label || "Uden opdeling"}: ${seriesSentence(list, unit)}`)
      .reduce((acc, clause) => `${endSentence(acc)} ${clause}`);
  }
  if (target) body += `; målet er ${at(target.value, target.period, unit)}`;
  parts.push(endSentence(body));
  return parts.join(" ");
}

export interface AltBar {
  year: number;
  value: number;
}

/** "Budget pr. år: 2022: 1,2 mio. kr.; 2023: 1,5 mio. kr. I alt 2,7 mio. kr." */
export function barAltText(bars: readonly AltBar[], unit: string, lead = "Pr. år"): string {
  if (bars.length === 0) return "Der er ingen beløb.";
  const fmt = (v: number) => (unit.trim() === "kr." ? formatDkk(v) : formatValue(v, unit));
  const sorted = [...bars].sort((a, b) => a.year - b.year);
  const list = sorted.map((b) => `${b.year}: ${fmt(b.value)}`).join("; ");
  const total = sorted.reduce((sum, b) => sum + b.value, 0);
  const first = endSentence(`${lead}: ${list}`);
  return sorted.length > 1 ? `${first} ${endSentence(`I alt ${fmt(total)}`)}` : first;
}
