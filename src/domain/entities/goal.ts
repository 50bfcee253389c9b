// A goal (målsætning) or result goal (resultatmål) of a policy.
import { z } from "zod";
import { goalKinds } from "../enums.ts";
import { optional, zCode, zCodes, zGoalNumber, zRequiredText } from "./fieldTypes.ts";

export const goalFields = {
  kind: z.enum(goalKinds).default("goal"),
  number: optional(zGoalNumber),
  text: zRequiredText(5_000),
  /** Codes of the committees responsible. */
  committees: zCodes,
  administration: optional(zCode),
};

export const goalSchema = z.strictObject(goalFields);
export type GoalFields = z.output<typeof goalSchema>;
