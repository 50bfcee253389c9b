// The "Ret og godkend" form of a candidate: which of its fields a person can edit, and the
// posted form read back into typed fields through form.ts parseForm (Danish errors per
// field). The page (candidateEdit.tsx) only renders; the review route reads with this.
import { z } from "zod";
import { valueLabelsOf } from "../../../domain/entities/labels.ts";
import type { FieldError } from "../../components/ErrorSummary.tsx";
import { fieldLabel } from "../entityLabels.ts";
import { type AdminForm, type FormBody, formList, formText, parseForm } from "../form.ts";
import { danishNumber } from "../formReaders.ts";

export type EditableKind = "number" | "list" | "text" | "choice" | "choices";
export type Body = FormBody;

/** Fields that hold numbers even where the document left them empty. */
const numericFields = new Set([
  "year",
  "from_year",
  "period_start",
  "period_end",
  "start_year",
  "end_year",
  "amount_dkk",
  "fte",
  "baseline_value",
  "target_value",
  "actual_value",
  "value",
  "n",
  "question_count",
]);

function kindOf(entity: string, field: string, value: unknown): EditableKind | null {
  const choices = valueLabelsOf(field, entity as never);
  if (choices && Array.isArray(value)) return "choices";
  if (choices && (value === null || typeof value === "string")) return "choice";
  if (typeof value === "number" || (value === null && numericFields.has(field))) return "number";
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? "list" : null;
  if (value === null || typeof value === "string") return "text";
  return null;
}

/** The fields a person can edit: numbers, text, choices and lists (not nested structures). */
export function editableFields(entity: string, fields: Record<string, unknown>): [string, EditableKind][] {
  return Object.entries(fields)
    .map(([k, v]) => [k, kindOf(entity, k, v)] as const)
    .filter((e): e is [string, EditableKind] => e[1] !== null);
}

/** A field's value from its text (`undefined`: leave the candidate's own value). */
function reader(entity: string, key: string, kind: EditableKind): z.ZodType {
  const label = fieldLabel(key, entity);
  switch (kind) {
    case "choices":
      return z.array(z.string());
    // "Ikke angivet": the field's own default, or the command's error where it must be given.
    case "choice":
      return z.string().transform((raw) => (raw === "" ? undefined : raw));
    case "number":
      return danishNumber(() => `${label} skal være et tal, fx 1.500 eller 2,5.`);
    case "list":
      return z.string().transform((raw) =>
        raw
          .split(";")
          .map((s) => s.trim())
          .filter(Boolean),
      );
    case "text":
      return z
        .string()
        .trim()
        .refine((t) => t.length <= 20_000, `${label} er for lang.`)
        .transform((t) => (t === "" ? null : t));
  }
}

type Values = Record<string, string | string[] | undefined>;

/** The texts the form sent under a name, for the page to show them again. */
export const sentTexts = (body: FormBody, name: string): string[] => {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === "string",
  );
};

/**
 * The form of one candidate. A field the form did not send keeps the candidate's value; a
 * group of choices counts as sent when its "shown" marker is, since unticking every box
 * sends nothing.
 */
function candidateForm(
  editable: readonly [string, EditableKind][],
  readers: Record<string, z.ZodType>,
): AdminForm<Values, Record<string, unknown>> {
  const sent = (body: FormBody, key: string, kind: EditableKind) =>
    kind === "choices" ? body[`f.${key}.vist`] !== undefined : body[`f.${key}`] !== undefined;
  return {
    fields: z.preprocess(
      (body) =>
        Object.fromEntries(
          editable
            .filter(([key, kind]) => sent(body as FormBody, key, kind))
            .map(([key, kind]) => [key, (body as FormBody)[`f.${key}`] ?? (kind === "choices" ? [] : "")]),
        ),
      z.object(
        Object.fromEntries(
          editable.map(([key, kind]) => [key, (kind === "choices" ? formList : formText).optional()]),
        ),
      ),
    ) as unknown as z.ZodType<Values>,
    input: z.object(
      Object.fromEntries(Object.entries(readers).map(([key, read]) => [key, read.optional()])),
    ) as unknown as z.ZodType<Record<string, unknown>>,
    messages: {},
  };
}

/** Reads the submitted form back into typed fields; errors name the field in Danish. */
export function parseEditedFields(
  entity: string,
  original: Record<string, unknown>,
  body: FormBody,
): { fields: Record<string, unknown>; errors: FieldError[] } {
  const editable = editableFields(entity, original);
  const readers = Object.fromEntries(editable.map(([key, kind]) => [key, reader(entity, key, kind)]));
  const parsed = parseForm(candidateForm(editable, readers), body);
  const errors = parsed.ok ? {} : parsed.errors;
  // Only what the form sent, and read: the rest keeps the candidate's own value (and the
  // comparison beside a refused form still shows every field that did read).
  const fields: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(parsed.values)) {
    if (errors[key] !== undefined) continue;
    fields[key] = parsed.ok ? parsed.input[key] : readers[key]?.parse(text);
  }
  return {
    fields,
    errors: Object.entries(errors).map(([key, message]) => ({ fieldId: `f-${key}`, message })),
  };
}
