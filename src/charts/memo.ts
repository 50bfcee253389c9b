// Charts are pure functions of their input, and drawing one with Plot in a
// server-side DOM costs milliseconds (a line chart ~5–25 ms), far more than the
// queries behind the page. So the portal's charts are kept by their input: an
// indicator's chart is drawn once and served again after any edit that does not
// change its data (the render cache, in contrast, drops a whole organisation's
// pages on every write). No invalidation is needed: other data is another key.
import type { ChartOutput } from "./common.ts";

/** Bounds memory: a chart's SVG is a few kilobytes; least recently used go first. */
const MAX_CHARTS = 2000;

export function memoChart<I>(draw: (input: I) => ChartOutput, max = MAX_CHARTS): (input: I) => ChartOutput {
  const drawn = new Map<string, ChartOutput>();
  return (input) => {
    const key = JSON.stringify(input);
    const hit = drawn.get(key);
    if (hit) {
      // Re-insert: Map order is the LRU order.
      drawn.delete(key);
      drawn.set(key, hit);
      return hit;
    }
    const chart = draw(input);
    drawn.set(key, chart);
    if (drawn.size > max) drawn.delete(drawn.keys().next().value!);
    return chart;
  };
}
