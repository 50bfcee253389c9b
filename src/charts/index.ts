// The charts pages draw, each kept by its input (memo.ts), so an unchanged chart is not drawn again.
import { barChart as drawBarChart } from "./barChart.ts";
import { comparisonChart as drawComparisonChart } from "./comparisonChart.ts";
import { lineChart as drawLineChart } from "./lineChart.ts";
import { memoChart } from "./memo.ts";
import { sparkline as drawSparkline } from "./sparkline.ts";

export { NARROW_CHART } from "./common.ts";
export type { LinePoint, ReferenceValue } from "./lineChart.ts";
export const barChart = memoChart(drawBarChart);
export const comparisonChart = memoChart(drawComparisonChart);
export const lineChart = memoChart(drawLineChart);
export const sparkline = memoChart(drawSparkline);
