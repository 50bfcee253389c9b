// A council member's inquiry and, where the document is the answer letter, its answer.
import { z } from "zod";
import { optional, zCode, zDate, zEqualityGrounds, zRequiredText, zText } from "./fieldTypes.ts";
import { ruleIssue } from "./issues.ts";

export const inquiryFields = {
  asked_by: zRequiredText(200),
  asked_on: zDate,
  answered_on: optional(zDate),
  administration: optional(zCode),
  signed_by: zText(200),
  signer_title: zText(200),
  case_number: zText(100),
  document_number: zText(100),
  questions: z.array(z.string().trim().min(1).max(5_000)).min(1).max(50),
  /** Derived from the questions; given, it must agree with them. */
  question_count: optional(z.number().int().min(0).max(50)),
  equality_grounds: zEqualityGrounds,
};

export const inquirySchema = z.strictObject(inquiryFields).superRefine((v, ctx) => {
  if (v.answered_on && v.answered_on < v.asked_on)
    ctx.addIssue(ruleIssue("answered_before_asked", ["answered_on"]));
  if (v.question_count !== null && v.question_count !== v.questions.length)
    ctx.addIssue(ruleIssue("question_count", ["question_count"]));
});
export type InquiryFields = z.output<typeof inquirySchema>;
