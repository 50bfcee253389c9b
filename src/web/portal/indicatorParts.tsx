// Indicator pieces shared by the policy page and the indicator page: the chart
// series (suppressed values left out), values with units, the sparkline and a
// compact table of indicators with their progress.

import type { LinePoint, ReferenceValue } from "../../charts/index.ts";
import { sparkline } from "../../charts/index.ts";
import { formatPeriod, formatValue, periodYear } from "../../domain/format.ts";
import { isSuppressed } from "../../domain/suppression.ts";
import { link } from "../../http/links.ts";
import type { IndicatorWithProgress, ObservationRow } from "../../queries/indicators/progress.ts";
import { InlineChart } from "../components/ChartFigure.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { Progress } from "./common.tsx";

export function unitOf(i: { unit: string | null }): string {
  return i.unit ?? "";
}

export function valueText(value: number | null, unit: string): string {
  return value === null ? "–" : formatValue(value, unit);
}

/** Observations that may be drawn: never one whose n is below the threshold. */
export function visiblePoints(
  obs: readonly ObservationRow[],
  threshold: number,
  label?: (o: ObservationRow) => string,
) {
  const points: LinePoint[] = [];
  for (const o of obs) {
    if (isSuppressed(o.n, threshold)) continue;
    const year = periodYear(o.period) ?? o.year;
    points.push({ period: o.period, year, value: o.value, ...(label ? { label: label(o) } : {}) });
  }
  return points;
}

export function baselineRef(i: IndicatorWithProgress): ReferenceValue | undefined {
  return i.baselineValue !== null && i.baselinePeriod
    ? { value: i.baselineValue, period: i.baselinePeriod }
    : undefined;
}

export function targetRef(i: IndicatorWithProgress): ReferenceValue | undefined {
  return i.targetValue !== null && i.targetPeriod
    ? { value: i.targetValue, period: i.targetPeriod }
    : undefined;
}

/** The headline series for a sparkline: the total, with the baseline in front when no observation has its year. */
function sparkSeries(i: IndicatorWithProgress, threshold: number): LinePoint[] {
  const points = visiblePoints(
    i.observations.filter((o) => o.disaggregation === ""),
    threshold,
  );
  const base = baselineRef(i);
  const baseYear = base ? periodYear(base.period) : undefined;
  if (base && baseYear !== undefined && !points.some((p) => p.year === baseYear)) {
    points.unshift({ period: base.period, year: baseYear, value: base.value });
  }
  return points.sort((a, b) => a.year - b.year);
}

export function Sparkline({ indicator, threshold }: { indicator: IndicatorWithProgress; threshold: number }) {
  const series = sparkSeries(indicator, threshold);
  if (series.length < 2) return <span class="text-muted">Ingen udvikling at vise endnu</span>;
  return (
    <InlineChart
      chart={sparkline({
        series,
        target: targetRef(indicator),
        unit: unitOf(indicator),
        title: `Udvikling: ${indicator.title}`,
      })}
    />
  );
}

function latest(i: IndicatorWithProgress, threshold: number): string {
  const current = i.progress.series[0]?.current;
  if (current) return `${formatValue(current.value, unitOf(i))} (${formatPeriod(current.period)})`;
  const shown = visiblePoints(i.observations, threshold);
  return shown.length === 0 ? "Ingen målinger" : "–";
}

export function IndicatorTable(props: {
  indicators: readonly IndicatorWithProgress[];
  caption: string;
  threshold: number;
  id: string;
}) {
  return (
    <DataTable
      id={props.id}
      caption={props.caption}
      compact
      rows={props.indicators}
      columns={[
        {
          header: "Indikator",
          rowHeader: true,
          cell: (i) => <a href={link(`/indikatorer/${i.id}`)}>{i.title}</a>,
        },
        { header: "Fremdrift", cell: (i) => <Progress value={i.progress.status} /> },
        { header: "Udvikling", cell: (i) => <Sparkline indicator={i} threshold={props.threshold} /> },
        {
          header: "Udgangspunkt",
          numeric: true,
          cell: (i) =>
            i.baselineValue === null
              ? "–"
              : `${valueText(i.baselineValue, unitOf(i))}${i.baselinePeriod ? ` (${formatPeriod(i.baselinePeriod)})` : ""}`,
        },
        { header: "Seneste", numeric: true, cell: (i) => latest(i, props.threshold) },
        {
          header: "Mål",
          numeric: true,
          cell: (i) =>
            i.targetValue === null
              ? i.targetPeriod
                ? `Intet tal (${formatPeriod(i.targetPeriod)})`
                : "–"
              : `${valueText(i.targetValue, unitOf(i))}${i.targetPeriod ? ` (${formatPeriod(i.targetPeriod)})` : ""}`,
        },
      ]}
    />
  );
}
