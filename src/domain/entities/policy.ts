// A policy, action plan or report as the registry and its open data name it:
// what a recognizer proposes, a reviewer edits and the editors save.
import { z } from "zod";
import { policyKinds } from "../enums.ts";
import {
  checkOrder,
  optional,
  zCode,
  zDate,
  zEqualityGrounds,
  zRequiredText,
  zText,
  zYear,
} from "./fieldTypes.ts";

export const policyFields = {
  title: zRequiredText(500),
  subtitle: zText(500),
  kind: z.enum(policyKinds),
  period_start: optional(zYear),
  period_end: optional(zYear),
  owner_administration: optional(zCode),
  owner_committee: optional(zCode),
  adopted_on: optional(zDate),
  follow_up: zText(20_000),
  equality_grounds: zEqualityGrounds,
  /** The policy an action plan belongs to, by its title, where the document names it. */
  parent_policy_title: zText(500),
};

export const policySchema = z
  .strictObject(policyFields)
  .superRefine(checkOrder("period_start", "period_end"));
export type PolicyFields = z.output<typeof policySchema>;
