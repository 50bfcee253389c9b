export { barChart } from "./barChart.ts";
export { NARROW_CHART } from "./common.ts";
export type { LinePoint, ReferenceValue } from "./lineChart.ts";
export { lineChart } from "./lineChart.ts";
export { sparkline } from "./sparkline.ts";
