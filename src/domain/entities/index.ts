// One schema per registry entity, by its open-data column names. The same
// schema checks a recognizer's candidate, a reviewer's edit (page, API, CLI)
// and, through the field types the commands share, an editor's save. A field
// that is not in an entity's schema has no column to go to: it is refused.
import type { z } from "zod";
import { annualTargetSchema } from "./annualTarget.ts";
import { budgetLineSchema } from "./budgetLine.ts";
import { documentSchema } from "./document.ts";
import { goalSchema } from "./goal.ts";
import { hearingResponseSchema } from "./hearingResponse.ts";
import { indicatorSchema } from "./indicator.ts";
import { initiativeSchema } from "./initiative.ts";
import { inquirySchema } from "./inquiry.ts";
import { issueText, type Language, type RuleId, ruleIssue } from "./issues.ts";
import { fieldLabel, valueLabel } from "./labels.ts";
import { observationSchema } from "./observation.ts";
import { policySchema } from "./policy.ts";
import { themeSchema } from "./theme.ts";

export const entitySchemas = {
  document: documentSchema,
  policy: policySchema,
  theme: themeSchema,
  goal: goalSchema,
  indicator: indicatorSchema,
  observation: observationSchema,
  initiative: initiativeSchema,
  budget_line: budgetLineSchema,
  annual_target: annualTargetSchema,
  inquiry: inquirySchema,
  hearing_response: hearingResponseSchema,
} as const;

export type EntityName = keyof typeof entitySchemas;
export type EntityFields<E extends EntityName = EntityName> = z.output<(typeof entitySchemas)[E]>;
export const entityNames = Object.keys(entitySchemas) as EntityName[];

export function isEntityName(value: unknown): value is EntityName {
  return typeof value === "string" && Object.hasOwn(entitySchemas, value);
}

/** Entities that live under another row (a line under its initiative …): accepted, each needs a place. */
export const placedEntities: readonly EntityName[] = [
  "theme",
  "goal",
  "indicator",
  "observation",
  "initiative",
  "budget_line",
  "annual_target",
];

/**
 * A candidate that cannot find its place by itself: its document names no
 * parent for it, or the parent it names was rejected.
 */
export function needsPlace(
  entity: string,
  parentKey: string | null,
  parentState: string | null | undefined,
): boolean {
  if (!(placedEntities as readonly string[]).includes(entity)) return false;
  return !parentKey || !parentState || parentState === "rejected";
}

/** The fields an entity has, in the schema's order. */
export function entityFieldNames(entity: EntityName): string[] {
  return Object.keys(entitySchemas[entity].shape);
}

/** A problem with one field: its open-data name (`questions.0` for an item) and a sentence. */
export interface FieldIssue {
  path: string;
  message: string;
}

export type EntityParse<E extends EntityName> =
  | { ok: true; value: EntityFields<E> }
  | { ok: false; issues: FieldIssue[] };

/**
 * Checks an entity's fields. English messages are the check alone ("must be a
 * whole number"), to follow the field's name; Danish ones are whole sentences
 * that name the field ("Nummer skal være et helt tal.").
 */
export function parseEntity<E extends EntityName>(
  entity: E,
  fields: unknown,
  language: Language,
): EntityParse<E> {
  const parsed = entitySchemas[entity].safeParse(fields, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data as EntityFields<E> };
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  // One message per field: the first, except zod's own safe-integer note when a clearer bound follows.
  const all = parsed.error.issues;
  for (const issue of all) {
    const path = issue.path.map(String).join(".");
    if (seen.has(path)) continue;
    const saferBound = all.find((o) => o !== issue && o.path.map(String).join(".") === path);
    if ("note" in issue && saferBound) continue;
    seen.add(path);
    issues.push({
      path,
      message: render(entity, path, language, issueText(issue, language, valueText(entity, path))),
    });
  }
  return { ok: false, issues };
}

/** A rule broken on one field (found outside the schema, e.g. an unknown code), in either language. */
export function ruleProblem(entity: EntityName, path: string, rule: RuleId, language: Language): FieldIssue {
  const text = issueText(ruleIssue(rule, [path]) as never, language);
  return { path, message: render(entity, path, language, text) };
}

const valueText = (entity: EntityName, path: string) => (value: string) =>
  valueLabel(path.split(".")[0]!, value, entity);

function render(entity: EntityName, path: string, language: Language, text: string): string {
  if (language === "en") return text;
  const field = path.split(".")[0];
  const sentence = field ? `${fieldLabel(field, entity)} ${text}` : text;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

export type { Language } from "./issues.ts";
