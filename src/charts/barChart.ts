// Budget (or any amount) per year as bars, each labelled with its value so
// the figures can be read without judging bar lengths.
import * as Plot from "@observablehq/plot";
import { formatDkk, formatNumber, formatValue } from "../domain/format.ts";
import { barAltText } from "./altText.ts";
import { type ChartOutput, COLORS, chartId, finishSvg, plotDocument } from "./common.ts";

export interface BarDatum {
  year: number;
  value: number;
}

export interface BarChartInput {
  bars: readonly BarDatum[];
  /** "kr." formats amounts as "1,2 mio. kr."; anything else is appended to the number. */
  unit: string;
  title: string;
  /** First words of the alt text, e.g. "Budget pr. år". */
  altLead?: string;
  width?: number;
  height?: number;
  id?: string;
}

const FONT_SIZE = 14;

export function barChart(input: BarChartInput): ChartOutput {
  const width = input.width ?? 640;
  const height = input.height ?? 320;
  const isDkk = input.unit.trim() === "kr.";
  const bars = [...input.bars].filter((b) => Number.isFinite(b.value)).sort((a, b) => a.year - b.year);
  const label = (v: number) => (isDkk ? formatDkk(v) : formatValue(v, input.unit));
  // One unit for the whole axis: all ticks in millions once the largest bar is.
  const inMillions = isDkk && Math.max(0, ...bars.map((b) => Math.abs(b.value))) >= 1_000_000;
  const axis = (v: number) => (inMillions ? formatNumber(v / 1_000_000, 1) : formatNumber(v, 1));
  const axisLabel = inMillions ? "mio. kr." : isDkk ? "kr." : input.unit || null;
  // Years are band positions here, written as strings, so each appears once.
  const data = bars.map((b) => ({ year: String(b.year), value: b.value }));

  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height,
    marginLeft: 72,
    marginTop: 32,
    marginBottom: 36,
    x: { type: "band", domain: data.map((d) => d.year), label: null, padding: 0.3 },
    y: {
      grid: true,
      nice: true,
      zero: true,
      label: axisLabel,
      labelArrow: "none",
      tickFormat: axis,
    },
    marks: [
      Plot.barY(data, { x: "year", y: "value", fill: COLORS.bar }),
      Plot.ruleY([0], { stroke: COLORS.text }),
      Plot.text(data, {
        x: "year",
        y: "value",
        text: (d: { value: number }) => label(d.value),
        dy: -10,
        fontSize: FONT_SIZE - 1,
        fontWeight: 600,
        fill: COLORS.text,
      }),
    ],
  });

  const altText = barAltText(bars, input.unit, input.altLead);
  const id = input.id ?? chartId("bars", [width, height, input.title, input.unit, bars]);
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
