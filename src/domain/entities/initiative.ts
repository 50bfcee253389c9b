// An initiative of the project bank: what is done, by whom, for whom, funded how.
import { z } from "zod";
import { fundingStatuses, initiativeStatuses } from "../enums.ts";
import {
  checkOrder,
  optional,
  zCode,
  zEqualityGrounds,
  zRequiredText,
  zText,
  zTextList,
  zYear,
} from "./fieldTypes.ts";

export const initiativeFields = {
  title: zRequiredText(500),
  description: zText(20_000),
  administration: optional(zCode),
  committee: optional(zCode),
  funding_status: z.enum(fundingStatuses).default("unknown"),
  status: optional(z.enum(initiativeStatuses)).transform((v) => v ?? "unknown"),
  target_groups: zTextList(200, 50),
  equality_grounds: zEqualityGrounds,
  partners: zTextList(200, 50),
  start_year: optional(zYear),
  end_year: optional(zYear),
};

export const initiativeSchema = z
  .strictObject(initiativeFields)
  .superRefine(checkOrder("start_year", "end_year"));
export type InitiativeFields = z.output<typeof initiativeSchema>;
