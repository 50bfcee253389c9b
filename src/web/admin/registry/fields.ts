// The registry editors' fields: each is declared once (name, Danish label,
// kind) and this module reads a posted form into typed values with Danish
// errors, and compares two sets of form values for the conflict notice.

import { parseDanishNumber } from "../../../domain/danishNumber.ts";
import { parseDkk, parseFte } from "../../../domain/money.ts";
import { formatNumberDa } from "../../../domain/numberFormat.ts";
import { normalizePeriod } from "../../../domain/period.ts";
import type { FieldError } from "../../components/ErrorSummary.tsx";
import type { SelectOption } from "../../components/FormControls.tsx";

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

/** The posted body as form values: only the declared fields, checkboxes as lists. */
export function formValues(fields: readonly FieldSpec[], body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const raw = body[f.name] ?? body[`${f.name}[]`];
    const strings = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (x): x is string => typeof x === "string",
    );
    out[f.name] = f.type === "checkboxes" ? strings : (strings[0] ?? "");
  }
  return out;
}

/** A number as the form shows it: Danish decimal comma, no grouping (it reads back unchanged). */
export function decimalText(v: number | null | undefined): string {
  return v === null || v === undefined ? "" : String(v).replace(".", ",");
}

export function dkkText(v: number | null | undefined): string {
  return v === null || v === undefined ? "" : formatNumberDa(v, 0);
}

export type Parsed = { values: Record<string, unknown>; errors: FieldError[] };

/** Reads the form into typed values (empty = null); each problem as a Danish message on its field. */
export function parseFields(fields: readonly FieldSpec[], form: FormValues): Parsed {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const fail = (f: FieldSpec, message: string) =>
    errors.push({ fieldId: f.type === "checkboxes" ? `${f.name}-option1` : f.name, message });
  for (const f of fields) {
    const raw = text(form[f.name]);
    const label = f.label.toLowerCase();
    if (f.type === "checkboxes") {
      const allowed = new Set(f.options.map((o) => o.value));
      const picked = list(form[f.name]);
      if (picked.some((p) => !allowed.has(p))) fail(f, `Vælg kun blandt de viste muligheder for ${label}.`);
      values[f.name] = picked.filter((p) => allowed.has(p));
      continue;
    }
    if (f.type === "lines") {
      values[f.name] = raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
      continue;
    }
    if (raw === "") {
      if (f.required) fail(f, f.type === "select" ? `Vælg ${label}.` : `Udfyld ${label}.`);
      values[f.name] = f.type === "text" || f.type === "textarea" ? "" : null;
      continue;
    }
    switch (f.type) {
      case "text":
      case "textarea":
        if (f.max && raw.length > f.max) fail(f, `${f.label} må højst være ${f.max} tegn.`);
        values[f.name] = raw;
        break;
      case "date":
        if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw)))
          fail(f, `${f.label} skal være en dato som 2024-05-31.`);
        values[f.name] = raw;
        break;
      case "integer": {
        const n = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
        const min = f.min ?? Number.MIN_SAFE_INTEGER;
        const max = f.max ?? Number.MAX_SAFE_INTEGER;
        if (!Number.isSafeInteger(n)) fail(f, `${f.label} skal være et helt tal.`);
        else if (n < min || n > max) fail(f, `${f.label} skal være mellem ${min} og ${max}.`);
        values[f.name] = n;
        break;
      }
      case "decimal": {
        const n = parseDanishNumber(raw);
        if (!n.ok) fail(f, `${f.label} skal være et tal, fx 12,5.`);
        values[f.name] = n.ok ? n.value : null;
        break;
      }
      case "period": {
        const p = normalizePeriod(raw);
        if (!p.ok) fail(f, `${f.label}: ${p.error}`);
        values[f.name] = p.ok ? p.value : null;
        break;
      }
      case "dkk": {
        const p = parseDkk(raw);
        if (!p.ok) fail(f, `${f.label}: ${p.error}`);
        values[f.name] = p.ok ? p.value : null;
        break;
      }
      case "fte": {
        const p = parseFte(raw);
        if (!p.ok) fail(f, `${f.label}: ${p.error}`);
        values[f.name] = p.ok ? p.value : null;
        break;
      }
      case "select":
        if (!f.options.some((o) => o.value === raw)) fail(f, `Vælg ${label} blandt de viste muligheder.`);
        values[f.name] = raw;
        break;
    }
  }
  return { values, errors };
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
