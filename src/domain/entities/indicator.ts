// An indicator of a goal: what is measured, which way it should go, from which
// baseline to which target.
import { z } from "zod";
import { indicatorDirections } from "../enums.ts";
import { optional, zPeriod, zRequiredText, zText, zValue } from "./fieldTypes.ts";

export const indicatorFields = {
  title: zRequiredText(500),
  unit: zText(100),
  /** Not given: the document does not say; the registry then assumes "increase". */
  direction: optional(z.enum(indicatorDirections)),
  baseline_value: optional(zValue),
  baseline_period: optional(zPeriod),
  target_value: optional(zValue),
  target_period: optional(zPeriod),
  source: zText(2_000),
};

export const indicatorSchema = z.strictObject(indicatorFields);
export type IndicatorFields = z.output<typeof indicatorSchema>;
