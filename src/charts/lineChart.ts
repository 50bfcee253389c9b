// An indicator over time: observations as line + dots, the baseline and the
// target as labelled horizontal rules with a marker at their year.
import * as Plot from "@observablehq/plot";
import { formatNumber, formatPeriod, formatValue, periodYear } from "../domain/format.ts";
import { groupSeries, lineAltText } from "./altText.ts";
import {
  BASELINE_DASH,
  type ChartOutput,
  COLORS,
  chartId,
  finishSvg,
  niceDomain,
  plotDocument,
  SERIES_STYLES,
  spreadLabels,
  TARGET_DASH,
  yearTicks,
} from "./common.ts";

export interface LinePoint {
  /** Period code as stored ("2018", "2018Q3", "2016/17"); shown in labels and alt text. */
  period: string;
  /** Position on the x axis; may be fractional (2018.5) for sub-year periods. */
  year: number;
  value: number;
  /** Series name for a breakdown ("Kvinder", "Mænd"); points with the same label form one line. */
  label?: string;
}

export interface ReferenceValue {
  value: number;
  period: string;
  /** Defaults to the year the period starts in. */
  year?: number;
}

export interface LineChartInput {
  series: readonly LinePoint[];
  baseline?: ReferenceValue;
  target?: ReferenceValue;
  unit: string;
  title: string;
  width?: number;
  height?: number;
  /** Id prefix for <title>/<desc>; defaults to a hash of the content. */
  id?: string;
}

const FONT_SIZE = 14;

function refYear(ref: ReferenceValue): number | undefined {
  return ref.year ?? periodYear(ref.period);
}

function extent(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

export function lineChart(input: LineChartInput): ChartOutput {
  const width = input.width ?? 640;
  const height = input.height ?? 320;
  const { unit } = input;
  const points = [...input.series].filter((p) => Number.isFinite(p.value) && Number.isFinite(p.year));
  const groups = groupSeries(points);
  const multi = groups.size > 1;

  const baseline = input.baseline;
  const target = input.target;
  const baselineYear = baseline ? refYear(baseline) : undefined;
  const targetYear = target ? refYear(target) : undefined;

  const years = [
    ...points.map((p) => p.year),
    ...(baselineYear !== undefined ? [baselineYear] : []),
    ...(targetYear !== undefined ? [targetYear] : []),
  ];
  const values = [
    ...points.map((p) => p.value),
    ...(baseline ? [baseline.value] : []),
    ...(target ? [target.value] : []),
  ];
  const thisYear = new Date().getUTCFullYear();
  let [xMin, xMax] = years.length > 0 ? extent(years) : [thisYear - 1, thisYear];
  if (xMin === xMax) {
    xMin -= 1;
    xMax += 1;
  }
  let [yMin, yMax] = values.length > 0 ? extent(values) : [0, 1];
  const pad = yMin === yMax ? Math.max(1, Math.abs(yMin) * 0.1) : (yMax - yMin) * 0.15;
  yMin -= pad;
  yMax += pad;
  // Quantities that cannot go negative should not get a negative axis from padding.
  if (values.every((v) => v >= 0) && yMin < 0) yMin = 0;
  [yMin, yMax] = niceDomain(yMin, yMax);
  const margin = { top: 32, right: multi ? 110 : 24, bottom: 36, left: 56 };
  const toPx = (v: number) =>
    margin.top + ((yMax - v) / (yMax - yMin)) * (height - margin.top - margin.bottom);

  const marks: Plot.Markish[] = [];
  // Text goes on top of everything, with a white halo, so lines never cross it.
  const labels: Plot.Markish[] = [];
  const labelOptions = {
    fontSize: FONT_SIZE,
    fontWeight: 600,
    stroke: "white",
    strokeWidth: 4,
    paintOrder: "stroke",
  } as const;
  // Each reference label sits on the side of its rule away from where the
  // data runs (the baseline's below when the target is higher), so the line
  // from baseline towards target does not run through the text.
  const mean = points.length > 0 ? points.reduce((s, p) => s + p.value, 0) / points.length : undefined;
  const aboveOrBelow = (value: number, other: number | undefined): number =>
    other === undefined || other === value ? -10 : other > value ? 22 : -10;

  if (baseline) {
    marks.push(
      Plot.ruleY([baseline.value], {
        stroke: COLORS.baseline,
        strokeWidth: 1.5,
        strokeDasharray: BASELINE_DASH,
      }),
    );
    labels.push(
      Plot.text([baseline.value], {
        x: xMin,
        y: (d: number) => d,
        text: () => `Udgangspunkt: ${formatValue(baseline.value, unit)} (${formatPeriod(baseline.period)})`,
        textAnchor: "start",
        dx: 14,
        dy: aboveOrBelow(baseline.value, target?.value ?? mean),
        fill: COLORS.baseline,
        ...labelOptions,
      }),
    );
    if (baselineYear !== undefined) {
      marks.push(
        Plot.dot([baseline.value], {
          x: baselineYear,
          y: (d: number) => d,
          symbol: "square",
          r: 6,
          fill: "white",
          stroke: COLORS.baseline,
          strokeWidth: 2,
        }),
      );
    }
  }
  if (target) {
    marks.push(
      Plot.ruleY([target.value], { stroke: COLORS.target, strokeWidth: 2, strokeDasharray: TARGET_DASH }),
    );
    labels.push(
      Plot.text([target.value], {
        x: xMax,
        y: (d: number) => d,
        text: () => `Mål: ${formatValue(target.value, unit)} (${formatPeriod(target.period)})`,
        textAnchor: "end",
        dx: -16,
        dy: aboveOrBelow(target.value, baseline?.value ?? mean),
        fill: COLORS.target,
        ...labelOptions,
      }),
    );
    if (targetYear !== undefined) {
      marks.push(
        Plot.dot([target.value], {
          x: targetYear,
          y: (d: number) => d,
          symbol: "star",
          r: 8,
          fill: COLORS.target,
          stroke: "white",
          strokeWidth: 1,
        }),
      );
    }
  }

  // Series names at the line ends, pushed apart when the lines end close together.
  const ends = [...groups.values()].map((list) => list[list.length - 1]);
  const endOffsets = spreadLabels(
    ends.map((p) => (p ? toPx(p.value) : 0)),
    FONT_SIZE + 2,
  );

  [...groups.entries()].forEach(([label, list], i) => {
    const color = COLORS.series[i % COLORS.series.length] as string;
    const style = SERIES_STYLES[i % SERIES_STYLES.length] as (typeof SERIES_STYLES)[number];
    marks.push(
      Plot.line(list, {
        x: "year",
        y: "value",
        stroke: color,
        strokeWidth: 2.5,
        strokeDasharray: style.dash === "none" ? undefined : style.dash,
      }),
      Plot.dot(list, { x: "year", y: "value", symbol: style.symbol, r: 5, fill: color, stroke: "white" }),
    );
    const last = list[list.length - 1];
    if (multi && last) {
      labels.push(
        Plot.text([last], {
          x: "year",
          y: "value",
          text: () => label || "Uden opdeling",
          textAnchor: "start",
          dx: 10,
          dy: endOffsets[i] ?? 0,
          fill: color,
          fontSize: FONT_SIZE,
          fontWeight: 600,
        }),
      );
    }
  });

  const maxTicks = Math.max(2, Math.floor(width / 70));
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginTop: margin.top,
    marginBottom: margin.bottom,
    x: {
      type: "linear",
      domain: [xMin, xMax],
      inset: 20,
      ticks: yearTicks(xMin, xMax, maxTicks),
      tickFormat: "d",
      label: null,
    },
    y: {
      domain: [yMin, yMax],
      grid: true,
      label: unit || null,
      labelArrow: "none",
      tickFormat: (d: number) => formatNumber(d, 2),
    },
    marks: [...marks, ...labels],
  });

  const altText = lineAltText(points, unit, baseline, target);
  const id = input.id ?? chartId("chart", [width, height, input.title, unit, points, baseline, target]);
  return {
    svg: finishSvg(svg as unknown as Element, {
      id,
      title: input.title,
      description: altText,
      fontSize: FONT_SIZE,
    }),
    altText,
  };
}
