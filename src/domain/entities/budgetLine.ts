// A line of an initiative's economy: a year (or the whole period), kroner, FTE.
import { z } from "zod";
import { fundingStatuses } from "../enums.ts";
import { optional, zAmountDkk, zFte, zText, zYear } from "./fieldTypes.ts";

export const budgetLineFields = {
  /** Not given: the whole period. */
  year: optional(zYear),
  amount_dkk: optional(zAmountDkk),
  fte: optional(zFte),
  funding_status: z.enum(fundingStatuses).default("unknown"),
  label: zText(500),
};

export const budgetLineSchema = z.strictObject(budgetLineFields);
export type BudgetLineFields = z.output<typeof budgetLineSchema>;
