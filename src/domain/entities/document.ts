// What a document says about itself: title, kind, case and document numbers, date.
import { z } from "zod";
import { optional, zDate, zText } from "./fieldTypes.ts";

export const documentKinds = [
  "policy",
  "action_plan",
  "committee_action_plan",
  "status_report",
  "inquiry_answer",
  "hearing_response",
  "unknown",
] as const;

export const documentFields = {
  title: zText(500),
  kind: optional(z.enum(documentKinds)),
  case_number: zText(100),
  document_number: zText(100),
  dated: optional(zDate),
};

export const documentSchema = z.strictObject(documentFields);
export type DocumentFields = z.output<typeof documentSchema>;
