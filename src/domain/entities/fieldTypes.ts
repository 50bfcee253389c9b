// The kinds of value the registry's entities are made of, each with the bounds
// the registry keeps: the entity schemas beside this file are built from them,
// and so are the editors' commands, so a year or an amount is checked the same
// way wherever it comes from.
import { z } from "zod";
import { equalityGrounds } from "../enums.ts";
import { normalizePeriod } from "../period.ts";
import { ruleIssue } from "./issues.ts";

/** A field a document may not state: absent and null both mean "not given". */
export const optional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v): z.output<T> | null => (v === undefined ? null : (v as z.output<T> | null)));

/** A calendar year as the registry holds it. */
export const zYear = z.number().int().min(1900).max(2200);

/** Text a person must give (a title, a goal's text). */
export const zRequiredText = (max: number) => z.string().trim().min(1).max(max);

/** Text that may be left out; blank is the same as not given. */
export const zText = (max: number) =>
  optional(z.string().trim().max(max)).transform((v) => (v === "" ? null : v));

export const zDate = z.iso.date();

/** An administration's or a committee's code, resolved against the organisation when saved. */
export const zCode = z.string().trim().min(1).max(20);

/** A measured value or a target: any finite number of a sensible size. */
export const zValue = z.number().min(-1e12).max(1e12);

/** Whole kroner (the budget column is a bigint, but no municipal line is near a trillion). */
export const zAmountDkk = z.number().int().min(-1e12).max(1e12);

/** Full-time equivalents. */
export const zFte = z.number().min(0).max(1e6);

/** A list of short texts (target groups, partners, chosen goals). */
export const zTextList = (maxItem: number, maxItems = 200) =>
  z
    .array(z.string().trim().min(1).max(maxItem))
    .max(maxItems)
    .nullish()
    .transform((v) => v ?? []);

export const zEqualityGrounds = z
  .array(z.enum(equalityGrounds))
  .max(equalityGrounds.length)
  .nullish()
  .transform((v) => [...new Set(v ?? [])]);

export const zCodes = z
  .array(zCode)
  .max(50)
  .nullish()
  .transform((v) => [...new Set(v ?? [])]);

/** A period in any form the domain reads, held canonically ("3. kvt. 2018" → "2018Q3"). */
export const zPeriod = z.union([z.string(), z.number()]).transform((raw, ctx) => {
  const p = normalizePeriod(raw);
  if (p.ok) return p.value;
  ctx.addIssue(ruleIssue("not_a_period", []));
  return z.NEVER;
});

/**
 * A goal's number as the document prints it: "3", "3.1", "3a". Documents give
 * plain numbers as numbers; the registry keeps the text.
 */
export const zGoalNumber = z.union([z.string(), z.number()]).transform((raw, ctx) => {
  const text = String(raw).trim();
  if (/^\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?$/i.test(text) && !/^0+$/.test(text)) return text;
  ctx.addIssue(ruleIssue("goal_number", []));
  return z.NEVER;
});

/** Adds a `period_order` issue on `end` when the end lies before the start. */
export function checkOrder<K extends string>(start: K, end: K) {
  return (value: Partial<Record<K, unknown>>, ctx: z.RefinementCtx) => {
    const a = value[start];
    const b = value[end];
    if (a === null || a === undefined || b === null || b === undefined) return;
    const before = typeof a === "number" && typeof b === "number" ? b < a : String(b) < String(a);
    if (before) ctx.addIssue(ruleIssue("period_order", [end]));
  };
}
