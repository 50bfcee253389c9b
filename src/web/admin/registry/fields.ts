// The registry editors' fields: each is declared once (name, Danish label,
// kind); this module turns a kind's fields into its form (zod schemas read through
// form.ts parseForm, Danish errors per field) and compares two sets of form values
// for the conflict notice.

import { z } from "zod";
import { parseDanishNumber } from "../../../domain/danishNumber.ts";
import { parseDkk } from "../../../domain/money.ts";
import { formatNumberDa } from "../../../domain/numberFormat.ts";
import type { FieldError } from "../../components/ErrorSummary.tsx";
import type { SelectOption } from "../../components/FormControls.tsx";
import { type AdminForm, formList, formText } from "../form.ts";
import { danishDkk, danishFte, danishNumber, period } from "../formReaders.ts";

export type FieldSpec = {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
} & (
  | { type: "text" | "textarea" | "date"; max?: number }
  | { type: "integer"; min?: number; max?: number }
  | { type: "decimal" | "period" | "dkk" | "fte" }
  | { type: "select"; options: readonly SelectOption[] }
  | { type: "checkboxes"; options: readonly SelectOption[] }
  /** A list of short texts, one per line (target groups, partners). */
  | { type: "lines" }
);

/** The form as strings, as the browser posts it (checkboxes as lists). */
export type FormValues = Record<string, string | string[]>;

const text = (v: FormValues[string] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const list = (v: FormValues[string] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** A number as the form shows it: Danish decimal comma, no grouping (it reads back unchanged). */
export function decimalText(v: number | null | undefined): string {
  return v === null || v === undefined ? "" : String(v).replace(".", ",");
}

export function dkkText(v: number | null | undefined): string {
  return v === null || v === undefined ? "" : formatNumberDa(v, 0);
}

/** How a field's text becomes its value, each refusal in Danish naming the field. */
function reader(f: FieldSpec): z.ZodType {
  const label = f.label.toLowerCase();
  switch (f.type) {
    case "text":
    case "textarea":
      return f.max ? z.string().max(f.max, `${f.label} må højst være ${f.max} tegn.`) : z.string();
    case "date":
      return z.iso.date(`${f.label} skal være en dato som 2024-05-31.`);
    case "integer": {
      const min = f.min ?? Number.MIN_SAFE_INTEGER;
      const max = f.max ?? Number.MAX_SAFE_INTEGER;
      const range = `${f.label} skal være mellem ${min} og ${max}.`;
      return z
        .string()
        .regex(/^-?\d+$/, `${f.label} skal være et helt tal.`)
        .transform(Number)
        .pipe(z.int(`${f.label} skal være et helt tal.`).min(min, range).max(max, range));
    }
    case "decimal":
      return danishNumber(() => `${f.label} skal være et tal, fx 12,5.`);
    case "period":
      return period((e) => `${f.label}: ${e}`);
    case "dkk":
      return danishDkk((e) => `${f.label}: ${e}`);
    case "fte":
      return danishFte((e) => `${f.label}: ${e}`);
    case "select":
      return z.string().refine((v) => f.options.some((o) => o.value === v), {
        message: `Vælg ${label} blandt de viste muligheder.`,
      });
    case "checkboxes":
    case "lines":
      throw new Error(`A ${f.type} field is read as a list.`);
  }
}

/**
 * A field's value from its text: empty is "not given" (null, or "" for text) and refused
 * where the field is required; otherwise its reader's value or its Danish refusal.
 */
function fieldSchema(f: FieldSpec): z.ZodType {
  const label = f.label.toLowerCase();
  if (f.type === "checkboxes") {
    const allowed = new Set(f.options.map((o) => o.value));
    return z.array(z.string()).refine((picked) => picked.every((p) => allowed.has(p)), {
      message: `Vælg kun blandt de viste muligheder for ${label}.`,
    });
  }
  if (f.type === "lines")
    return z.string().transform((raw) =>
      raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    );
  const read = reader(f);
  const empty = f.type === "text" || f.type === "textarea" ? "" : null;
  return z
    .string()
    .trim()
    .transform((raw, ctx) => {
      if (raw === "") {
        if (!f.required) return empty;
        ctx.addIssue({
          code: "custom",
          message: f.type === "select" ? `Vælg ${label}.` : `Udfyld ${label}.`,
        });
        return z.NEVER;
      }
      const value = read.safeParse(raw);
      if (value.success) return value.data;
      // The reader's first refusal: each of them is written in Danish for this field.
      ctx.addIssue({ code: "custom", message: value.error.issues[0]?.message ?? `Ret ${label}.` });
      return z.NEVER;
    });
}

/**
 * An editor's form, from its fields: the text as posted, read into typed values (form.ts
 * parseForm). `check` adds the kind's rules across fields, once every field reads.
 */
export function editorForm(
  fields: readonly FieldSpec[],
  check?: (values: Record<string, unknown>) => FieldError[],
): AdminForm<FormValues, Record<string, unknown>> {
  return {
    fields: z.object(
      Object.fromEntries(fields.map((f) => [f.name, f.type === "checkboxes" ? formList : formText])),
    ) as z.ZodType<FormValues>,
    input: z
      .object(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])))
      .superRefine((values, ctx) => {
        if (ctx.issues.length) return;
        for (const e of check?.(values) ?? [])
          ctx.addIssue({ code: "custom", path: [e.fieldId], message: e.message });
      }),
    messages: {},
  };
}

/** A value as a person reads it: the option's text for choices, "(tom)" for nothing. */
function shown(f: FieldSpec, v: FormValues[string] | undefined): string {
  if (f.type === "select") {
    const raw = text(v);
    return f.options.find((o) => o.value === raw)?.text ?? (raw || "(tom)");
  }
  if (f.type === "checkboxes") {
    const texts = list(v).map((x) => f.options.find((o) => o.value === x)?.text ?? x);
    return texts.length ? texts.join(", ") : "(ingen)";
  }
  const raw = text(v).replace(/\s*\r?\n\s*/g, "; ");
  return raw || "(tom)";
}

function same(f: FieldSpec, a: FormValues[string] | undefined, b: FormValues[string] | undefined): boolean {
  if (f.type === "checkboxes") return [...list(a)].sort().join("\n") === [...list(b)].sort().join("\n");
  if (f.type === "decimal" || f.type === "dkk") {
    const x = f.type === "dkk" ? parseDkk(text(a)) : parseDanishNumber(text(a));
    const y = f.type === "dkk" ? parseDkk(text(b)) : parseDanishNumber(text(b));
    if (x.ok && y.ok && x.value !== null && y.value !== null) return x.value === y.value;
  }
  if (f.type === "lines") return shown(f, a) === shown(f, b);
  return text(a) === text(b);
}

export interface FieldChange {
  label: string;
  theirs: string;
  yours: string;
}

/** The fields where what is saved now differs from what the user posted. */
export function changedFields(
  fields: readonly FieldSpec[],
  now: FormValues,
  mine: FormValues,
): FieldChange[] {
  return fields
    .filter((f) => !same(f, now[f.name], mine[f.name]))
    .map((f) => ({ label: f.label, theirs: shown(f, now[f.name]), yours: shown(f, mine[f.name]) }));
}
