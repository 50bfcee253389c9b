// A chart on a page: the SVG (role="img", its own <title>/<desc>), the text
// alternative visible under it, and the numbers as a table (DESIGN.md §8:
// every chart has a data table and a text alternative).

import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { ChartOutput } from "../../charts/common.ts";
import { html } from "./markup.ts";

export interface ChartFigureProps {
  chart: ChartOutput;
  /**
   * The same chart drawn narrow (e.g. `lineChart({ ...input, ...NARROW_CHART })`),
   * shown instead of `chart` on phones, where the wide one would shrink its
   * text to a few pixels. Only one of the two is displayed (and so exposed to
   * screen readers) at a time.
   */
  narrowChart?: ChartOutput;
  /** The data table with the same numbers (a DataTable). */
  children?: Child;
}

// Markup built by charts/ through a DOM (linkedom), which escapes all text.
export function ChartFigure({ chart, narrowChart, children }: ChartFigureProps) {
  return html`
    <div class="chart-block">
      <figure class="${narrowChart ? "chart-figure has-narrow" : "chart-figure"}">
        <div class="chart-wide">${raw(chart.svg)}</div>
        ${narrowChart && html`<div class="chart-narrow">${raw(narrowChart.svg)}</div>`}
        <figcaption class="chart-summary">${chart.altText}</figcaption>
      </figure>
      ${children}
    </div>`;
}

/** A small chart inside text or a table cell (a sparkline); its <title>/<desc> give the text alternative. */
export function InlineChart({ chart }: { chart: ChartOutput }) {
  return html`<span class="sparkline">${raw(chart.svg)}</span>`;
}
