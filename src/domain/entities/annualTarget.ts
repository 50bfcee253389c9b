// A yearly target of an initiative ("Minimum 350 ledige deltager årligt").
import { z } from "zod";
import { optional, zRequiredText, zText, zValue, zYear } from "./fieldTypes.ts";

export const annualTargetFields = {
  /** Not given: every year of the period. */
  year: optional(zYear),
  /** A yearly target that applies from this year on. */
  from_year: optional(zYear),
  metric: zRequiredText(500),
  target_value: optional(zValue),
  actual_value: optional(zValue),
  unit: zText(100),
};

export const annualTargetSchema = z.strictObject(annualTargetFields);
export type AnnualTargetFields = z.output<typeof annualTargetSchema>;
