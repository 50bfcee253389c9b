// A measurement of an indicator for one period (and breakdown).
import { z } from "zod";
import { optional, zPeriod, zText, zValue } from "./fieldTypes.ts";

export const observationFields = {
  period: zPeriod,
  value: zValue,
  disaggregation: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v ?? ""),
  n: optional(z.number().int().min(0).max(1e9)),
  footnote: zText(2_000),
  source: zText(2_000),
};

export const observationSchema = z.strictObject(observationFields);
export type ObservationFields = z.output<typeof observationSchema>;
