// One indicator across municipalities: a horizontal bar per municipality for
// its latest value, with its baseline (grey tick) and target (green tick) on
// the same row, so the three can be compared side by side. A suppressed or
// missing latest value draws no bar; the text says so.
import * as Plot from "@observablehq/plot";
import { formatPeriod, formatValue } from "../domain/format.ts";
import { type ChartOutput, COLORS, chartId, finishSvg, plotDocument } from "./common.ts";

export interface ComparisonDatum {
  municipality: string;
  latest?: { value: number; period: string };
  baseline?: number;
  target?: number;
}

export interface ComparisonChartInput {
  rows: readonly ComparisonDatum[];
  unit: string;
  title: string;
  width?: number;
}

const FONT_SIZE = 14;
const ROW_HEIGHT = 44;

function altText(rows: readonly ComparisonDatum[], unit: string): string {
  const parts = rows.map((r) =>
    r.latest
      ? `${r.municipality} ${formatValue(r.latest.value, unit)} (${formatPeriod(r.latest.period)})`
      : `${r.municipality} ingen offentlig måling`,
  );
  return `Seneste måling pr. kommune: ${parts.join("; ")}. Udgangspunkt og mål står i tabellen.`;
}

export function comparisonChart(input: ComparisonChartInput): ChartOutput {
  const width = input.width ?? 640;
  const rows = input.rows;
  const names = rows.map((r) => r.municipality);
  const bars = rows.flatMap((r) => (r.latest ? [{ y: r.municipality, x: r.latest.value }] : []));
  // Each value is written right of whatever reaches furthest on its row, so no tick crosses it.
  const labels = rows.flatMap((r) =>
    r.latest
      ? [
          {
            y: r.municipality,
            x: Math.max(r.latest.value, r.baseline ?? 0, r.target ?? 0),
            value: r.latest.value,
          },
        ]
      : [],
  );
  const ticks = (pick: (r: ComparisonDatum) => number | undefined) =>
    rows.flatMap((r) => (pick(r) === undefined ? [] : [{ y: r.municipality, x: pick(r)! }]));
  const label = (v: number) => formatValue(v, input.unit);
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height: 60 + ROW_HEIGHT * Math.max(1, rows.length),
    marginLeft: Math.min(220, 12 + 8 * Math.max(...names.map((n) => n.length), 4)),
    marginRight: 96,
    y: { type: "band", domain: names, label: null, padding: 0.35 },
    x: { grid: true, nice: true, zero: true, label: input.unit || null, labelArrow: "none" },
    marks: [
      Plot.barX(bars, { y: "y", x: "x", fill: COLORS.bar, insetTop: 7, insetBottom: 7 }),
      Plot.tickX(
        ticks((r) => r.baseline),
        { y: "y", x: "x", stroke: COLORS.baseline, strokeWidth: 3, strokeDasharray: "2,3" },
      ),
      Plot.tickX(
        ticks((r) => r.target),
        { y: "y", x: "x", stroke: COLORS.target, strokeWidth: 3 },
      ),
      Plot.text(labels, {
        y: "y",
        x: "x",
        text: (d: { value: number }) => label(d.value),
        dx: 6,
        textAnchor: "start",
        fontWeight: 600,
        fill: COLORS.text,
      }),
      Plot.ruleX([0], { stroke: COLORS.text }),
    ],
  });
  const description = altText(rows, input.unit);
  const id = chartId("compare", [width, input.title, input.unit, rows]);
  return {
    svg: finishSvg(svg as unknown as Element, { id, title: input.title, description, fontSize: FONT_SIZE }),
    altText: description,
  };
}
