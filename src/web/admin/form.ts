// The one way an admin form is read. Each area's schema.ts describes its form: the fields
// as the page shows them again (text as typed), how they become the command's input, and a
// Danish message per input field. The command's own zod schema holds the rules; a form
// never checks them a second time, it only says in Danish what the command refused.
import { z } from "zod";
import { danishMessage, isAppError } from "../../errors.ts";
import type { FieldError } from "../components/ErrorSummary.tsx";

/** A form body as Hono's parseBody({ all: true }) gives it. */
export type FormBody = Record<string, string | File | (string | File)[]>;
/** Danish messages by the form field they belong to. */
export type FieldErrors = Record<string, string>;

const texts = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");

/** A text field: the first text sent under its name, "" when none. */
export const formText = z.preprocess((v) => texts(v)[0] ?? "", z.string());
/** A group of checkboxes or a multiple select: every non-empty text sent under its name. */
export const formList = z.preprocess((v) => texts(v).filter((x) => x !== ""), z.array(z.string()));
/** A single checkbox whose value is "yes". */
export const formTick = z.preprocess((v) => texts(v)[0] === "yes", z.boolean());

/** One problem with one input field: its path ("questions.2") and zod's issue code when known. */
export interface FieldIssue {
  path: string;
  code?: string;
  /** The form's own Danish text for it, from a reader in the form's input schema (formReaders.ts). */
  danish?: string;
}
/** A field's Danish text, or a choice of texts by the problem (too short, too long, …). */
export type FieldMessage = string | ((issue: FieldIssue) => string);

export interface AdminForm<V, I> {
  /** The fields as the page shows them again; built from formText, formList and formTick. */
  fields: z.ZodType<V>;
  /**
   * The command's input from the fields: a function, or a zod schema over the fields where the
   * form must read something before the command can judge it (a number or a date as Danes type
   * it, a choice among the options shown). That schema's own refusals (zod "custom" issues)
   * carry their Danish text; its other issues take the field's text from `messages`.
   */
  input: ((values: V) => I) | z.ZodType<I>;
  /** The command's own schema, so a refusal is found before anything runs. */
  rules?: z.ZodType<unknown, I>;
  /** Danish text for each input field the command may refuse; the first is the fallback. */
  messages: Record<string, FieldMessage>;
  /** The form field an input field is shown beside, where their names differ. */
  fieldOf?: Record<string, string>;
  /** What to say, and beside which field, when an item the form chose no longer exists. */
  missing?: { field: string; message: string };
}

export type ParsedForm<V, I> =
  | { ok: true; values: V; input: I }
  | { ok: false; values: V; errors: FieldErrors };

function danishErrors<V, I>(form: AdminForm<V, I>, issues: readonly FieldIssue[]): FieldErrors {
  const fallback = Object.keys(form.messages)[0] ?? "";
  const errors: FieldErrors = {};
  for (const issue of issues.length ? issues : [{ path: fallback }]) {
    const name = issue.path.split(".")[0] || fallback;
    const field = form.fieldOf?.[name] ?? name;
    const message = form.messages[name];
    errors[field] ??=
      issue.danish ??
      (typeof message === "function" ? message(issue) : (message ?? danishMessage("validation_failed")));
  }
  return errors;
}

type Read<I> = { ok: true; input: I } | { ok: false; issues: FieldIssue[] };

/** The fields as the command's input, or what the form's own reading refused. */
function readInput<V, I>(form: AdminForm<V, I>, values: V): Read<I> {
  if (typeof form.input === "function") return { ok: true, input: form.input(values) };
  const read = form.input.safeParse(values);
  if (read.success) return { ok: true, input: read.data };
  return {
    ok: false,
    issues: read.error.issues.map((i) => ({
      path: i.path.join("."),
      code: i.code,
      ...(i.code === "custom" ? { danish: i.message } : {}),
    })),
  };
}

/** Form body → the command's input, or Danish errors per field; the user's values are kept either way. */
export function parseForm<V, I>(form: AdminForm<V, I>, body: FormBody): ParsedForm<V, I> {
  const values = form.fields.parse(body);
  const read = readInput(form, values);
  if (!read.ok) return { ok: false, values, errors: danishErrors(form, read.issues) };
  const input = read.input;
  const checked = form.rules?.safeParse(input);
  if (checked && !checked.success)
    return {
      ok: false,
      values,
      errors: danishErrors(
        form,
        checked.error.issues.map((i) => ({ path: i.path.join("."), code: i.code })),
      ),
    };
  return { ok: true, values, input };
}

/**
 * A command's refusal of what the form sent (a validation error, or a chosen item that no
 * longer exists) as Danish errors per field; null for any other error, which the app's error
 * handler shows.
 */
export function refusedFields<V, I>(form: AdminForm<V, I>, error: unknown): FieldErrors | null {
  if (!isAppError(error)) return null;
  if (error.id === "not_found" && form.missing) return { [form.missing.field]: form.missing.message };
  if (error.id !== "validation_failed") return null;
  return danishErrors(
    form,
    error.details.map((d) => ({ path: d.path ?? "" })),
  );
}

/** Errors for the summary at the top of the page; a checkbox group is linked by its first box. */
export function errorList(errors: FieldErrors, groups: readonly string[] = []): FieldError[] {
  return Object.entries(errors).map(([field, message]) => ({
    fieldId: groups.includes(field) ? `${field}-option1` : field,
    message,
  }));
}

/** The input of a button's form (no page of its own to show errors on): the command judges it. */
export function formInput<V, I>(form: AdminForm<V, I>, body: FormBody): I {
  const values = form.fields.parse(body);
  return typeof form.input === "function" ? form.input(values) : form.input.parse(values);
}
