// A hearing response registered from its letter: from which committee, to whom,
// on which policy, and the goals it picks.
import { z } from "zod";
import { checkOrder, optional, zCode, zDate, zText, zTextList, zYear } from "./fieldTypes.ts";

export const hearingResponseFields = {
  policy_title: zText(500),
  period_start: optional(zYear),
  period_end: optional(zYear),
  from_committee: zCode,
  addressed_to: zText(200),
  addressed_to_role: zText(200),
  meeting_date: optional(zDate),
  signed_by: zText(200),
  case_number: zText(100),
  document_number: zText(100),
  goals_chosen: zTextList(1_000),
};

export const hearingResponseSchema = z
  .strictObject(hearingResponseFields)
  .superRefine(checkOrder("period_start", "period_end"));
export type HearingResponseFields = z.output<typeof hearingResponseSchema>;
