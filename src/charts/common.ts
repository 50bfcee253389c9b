// Shared pieces of the server-side charts: the DOM Plot draws into, the
// palette, integer year ticks, and the finishing of Plot's <svg> into markup
// that is accessible (role="img", <title>, <desc>) and CSP-safe (no <style>).
import { createHash } from "node:crypto";
import { parseHTML } from "linkedom";

// One linkedom document serves every chart: Plot only creates detached
// elements from it, so charts do not see each other.
const { document: chartDocument } = parseHTML("<!DOCTYPE html><html><body></body></html>");

/** The document to pass as Plot.plot({ document }). */
export function plotDocument(): Document {
  return chartDocument as unknown as Document;
}

/**
 * Colours, each at least 4.5:1 against white (WCAG 1.4.11 asks 3:1 for
 * graphics; 4.5:1 also lets them colour text labels). Colour never works
 * alone: every series also has its own dash pattern and dot shape, and
 * baseline and target are named in text on the chart.
 */
export const COLORS = {
  text: "#1a1a1a",
  baseline: "#454545",
  target: "#00663b",
  bar: "#004993",
  series: ["#004993", "#a13e00", "#6a2c91", "#1a1a1a"],
} as const;

/** Per-series dash patterns and dot shapes, paired with COLORS.series. */
export const SERIES_STYLES = [
  { dash: "none", symbol: "circle" },
  { dash: "8,4", symbol: "triangle" },
  { dash: "2,3", symbol: "square" },
  { dash: "10,3,2,3", symbol: "diamond" },
] as const;

export const BASELINE_DASH = "2,4";
export const TARGET_DASH = "8,4";

/** Size of the narrow drawing ChartFigure shows on phones: fits a 375 px screen at about 1:1. */
export const NARROW_CHART = { width: 360, height: 300 } as const;

/** IBM Plex Sans is DKFDS's font; svgToPng loads the same files. */
export const FONT_FAMILY = "IBM Plex Sans, Arial, sans-serif";

/**
 * Integer year ticks from `min` to `max` (inclusive, rounded outwards), thinned
 * to at most `maxTicks` by a whole-number step. Plot's tickFormat "d" alone
 * would still place ticks at 2018.5 and print "2019" twice; explicit integer
 * ticks cannot repeat.
 */
export function yearTicks(min: number, max: number, maxTicks: number): number[] {
  const lo = Math.floor(min);
  const hi = Math.ceil(max);
  const span = hi - lo;
  const step = Math.max(1, Math.ceil((span + 1) / Math.max(1, maxTicks)));
  const ticks: number[] = [];
  for (let y = lo; y <= hi; y += step) ticks.push(y);
  return ticks;
}

/**
 * Widens [lo, hi] to round numbers (d3's "nice" rule: steps of 1, 2 or 5 times
 * a power of ten), computed here so label placement can use the final domain.
 */
export function niceDomain(lo: number, hi: number, count = 5): [number, number] {
  if (!(hi > lo)) return [lo, hi];
  let step = 10 ** Math.floor(Math.log10((hi - lo) / count));
  const err = (hi - lo) / count / step;
  step *= err >= 7.07 ? 10 : err >= 3.16 ? 5 : err >= 1.41 ? 2 : 1;
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

/**
 * Vertical offsets (in px) that keep labels at least `gap` px apart, given
 * their wanted pixel positions; used for series names at the line ends.
 */
export function spreadLabels(positions: readonly number[], gap: number): number[] {
  const order = positions.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed: number[] = new Array(positions.length).fill(0);
  let prev = Number.NEGATIVE_INFINITY;
  for (const { y, i } of order) {
    const at = Math.max(y, prev + gap);
    placed[i] = at - y;
    prev = at;
  }
  return placed;
}

/** A stable id for a chart's <title>/<desc>, from its content, so re-rendering gives identical markup. */
export function chartId(prefix: string, content: unknown): string {
  const h = createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 10);
  return `${prefix}-${h}`;
}

export interface FinishOptions {
  id: string;
  title: string;
  description: string;
  fontSize: number;
}

/**
 * Turns Plot's output into the markup we embed: drops the <style> Plot adds
 * (a CSP with style-src 'self' would block it; pejl.css sizes charts instead),
 * adds xmlns (needed when the SVG stands alone, e.g. for resvg), role="img"
 * labelled by a <title> and described by a <desc>, and our font.
 */
export function finishSvg(node: Element, opts: FinishOptions): string {
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg");
  if (!svg) throw new Error("Plot returned no <svg>");
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  svg.removeAttribute("class");
  svg.removeAttribute("style");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", `${opts.id}-title`);
  svg.setAttribute("aria-describedby", `${opts.id}-desc`);
  svg.setAttribute("font-family", FONT_FAMILY);
  svg.setAttribute("font-size", String(opts.fontSize));
  svg.setAttribute("fill", COLORS.text);
  svg.setAttribute("class", "pejl-chart");

  const doc = svg.ownerDocument;
  const title = doc.createElementNS("http://www.w3.org/2000/svg", "title");
  title.setAttribute("id", `${opts.id}-title`);
  title.textContent = opts.title;
  const desc = doc.createElementNS("http://www.w3.org/2000/svg", "desc");
  desc.setAttribute("id", `${opts.id}-desc`);
  desc.textContent = opts.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  // role="img" makes everything inside presentational: the title and desc say
  // it all. Plot's aria-labels on <g> ("rule", "dot") are then not allowed
  // (axe: aria-prohibited-attr), so they go.
  for (const el of Array.from(svg.querySelectorAll("[aria-label], [aria-description]"))) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  return svg.outerHTML;
}

export interface ChartOutput {
  /** Standalone SVG markup (with xmlns), safe to inline in HTML. */
  svg: string;
  /** Danish text alternative, also used as the SVG's <desc>. */
  altText: string;
}
