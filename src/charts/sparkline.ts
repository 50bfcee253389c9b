// A word-sized trend for lists (indicator overviews): the series as a line,
// the latest value as a dot, the target as a dashed rule. No axes; the text
// next to it, and the alt text, carry the numbers.
import * as Plot from "@observablehq/plot";
import { groupSeries, lineAltText } from "./altText.ts";
import { type ChartOutput, COLORS, chartId, finishSvg, plotDocument, TARGET_DASH } from "./common.ts";
import type { LinePoint, ReferenceValue } from "./lineChart.ts";

export interface SparklineInput {
  series: readonly LinePoint[];
  target?: ReferenceValue;
  unit: string;
  title: string;
  width?: number;
  height?: number;
  id?: string;
}

export function sparkline(input: SparklineInput): ChartOutput {
  const width = input.width ?? 120;
  const height = input.height ?? 32;
  // A sparkline shows one series; with a breakdown, the first one.
  const first = [...groupSeries(input.series.filter((p) => Number.isFinite(p.value))).values()][0] ?? [];
  const last = first[first.length - 1];
  const values = [...first.map((p) => p.value), ...(input.target ? [input.target.value] : [])];
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const pad = lo === hi ? 1 : (hi - lo) * 0.1;

  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height,
    margin: 4,
    axis: null,
    x: { type: "linear", inset: 2 },
    y: { domain: [lo - pad, hi + pad] },
    marks: [
      ...(input.target
        ? [
            Plot.ruleY([input.target.value], {
              stroke: COLORS.target,
              strokeWidth: 1.5,
              strokeDasharray: TARGET_DASH,
            }),
          ]
        : []),
      Plot.line(first, { x: "year", y: "value", stroke: COLORS.series[0], strokeWidth: 2 }),
      ...(last ? [Plot.dot([last], { x: "year", y: "value", r: 3, fill: COLORS.series[0] })] : []),
    ],
  });

  const altText = lineAltText(first, input.unit, undefined, input.target);
  const id = input.id ?? chartId("spark", [width, height, input.title, input.unit, first, input.target]);
  return {
    svg: finishSvg(svg as unknown as Element, { id, title: input.title, description: altText, fontSize: 10 }),
    altText,
  };
}
