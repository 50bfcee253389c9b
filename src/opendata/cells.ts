// Cells: database values → canonical CSV text (export), and CSV text → checked values
// (import). Canonical means one spelling per value, so two exports of the same data are
// byte-identical: "1.5" not "1.50", "2024-05-01T10:00:00Z", lists in database order.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { type FieldDef, LIST_SEPARATOR, uuidPattern } from "./fields.ts";

/** Thrown on export when a value cannot be written without loss. */
export class UnwritableValue extends Error {}

/** "1.50" → "1.5", "-0.0" → "0", "100" → "100": PostgreSQL numeric text, trailing zeros dropped. */
export function canonicalNumber(text: string): string {
  let s = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new UnwritableValue(`"${text}" is not a finite decimal number`);
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return /^-0$/.test(s) ? "0" : s;
}

/**
 * "2024-05-01T10:00:00.000000Z" → "2024-05-01T10:00:00Z": Table Schema's default datetime
 * format, the one every Frictionless reader accepts, has whole seconds only. A fraction
 * cannot be written without loss (the datetime columns hold whole seconds).
 */
export function canonicalDatetime(text: string): string {
  const match = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d*))?Z$/.exec(text);
  if (!match) throw new UnwritableValue(`"${text}" is not a UTC date and time`);
  if (/[1-9]/.test(match[2] ?? "")) throw new UnwritableValue(`"${text}" has a fraction of a second`);
  return `${match[1]}Z`;
}

/** What makes stringify quote a list item besides being empty: the separator, a quote, a line break. */
const NEEDS_QUOTES = /[;"\r\n]/;

/**
 * A list cell is itself one CSV record with ";" as delimiter (RFC 4180 quoting):
 * items are written as they are, and one holding ";", '"', a line break or
 * nothing at all is quoted with '"' doubled, so a list item may hold any text.
 * "børn;unge" is two items; "\"Børn; 6-17 år\";unge" is two as well.
 */
export function formatList(items: readonly string[]): string {
  if (items.length === 0) return "";
  // Nothing to quote: the items as they are (what stringify writes, without its set-up per call).
  if (items.every((item) => item !== "" && !NEEDS_QUOTES.test(item))) return items.join(LIST_SEPARATOR);
  return stringify([items], {
    delimiter: LIST_SEPARATOR,
    eof: false,
    quoted_empty: true,
    quoted_match: /[\r\n]/,
  });
}

/** The items of a list cell, or why it is not one: broken quoting, or an empty item not written "". */
export function parseList(text: string): { items: string[] } | { error: string } {
  // Without quotes or line breaks the record is the text split at ";". Most cells are
  // like that, and a CSV parser set up per cell costs far more than the split.
  if (!/["\r\n]/.test(text)) {
    const items = text.split(LIST_SEPARATOR);
    return items.includes("")
      ? { error: `${quote(text)} has an empty value between separators (;)` }
      : { items };
  }
  let unquotedEmpty = false;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: LIST_SEPARATOR,
      cast: (value, context) => {
        if (value === "" && !context.quoting) unquotedEmpty = true;
        return value;
      },
    }) as string[][];
  } catch {
    records = [];
  }
  if (records.length !== 1)
    return { error: `${quote(text)} is not a list: values are separated by ; and quoted with "` };
  if (unquotedEmpty) return { error: `${quote(text)} has an empty value between separators (;)` };
  return { items: records[0]! };
}

/** One database value (as the export query returns it) → its CSV cell. */
export function formatCell(def: FieldDef, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (def.list) return formatList((value as unknown[]).map(String));
  switch (def.type) {
    case "array":
    case "object":
      return JSON.stringify(value);
    case "number":
      return canonicalNumber(String(value));
    case "datetime":
      return canonicalDatetime(String(value));
    default:
      return String(value);
  }
}

export type CellValue = string | number | boolean | string[] | unknown[] | Record<string, unknown> | null;
export type CellResult = { ok: true; value: CellValue } | { ok: false; error: string };

const ok = (value: CellValue): CellResult => ({ ok: true, value });
const fail = (error: string): CellResult => ({ ok: false, error });

/** A value quoted for an error message, shortened so a long text does not drown the message. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

const INT32 = 2 ** 31;
// Table Schema's number lexical form; NaN and INF are refused because no column holds them.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
// Table Schema's default trueValues / falseValues.
const TRUE = new Set(["true", "True", "TRUE", "1"]);
const FALSE = new Set(["false", "False", "FALSE", "0"]);

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const patterns = new Map<string, RegExp>();
function matches(pattern: string, text: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern);
    patterns.set(pattern, re);
  }
  return re.test(text);
}

function checkString(def: FieldDef, text: string): string | null {
  // PostgreSQL text cannot hold NUL; refuse it here rather than halfway through the writes.
  if (text.includes("\u0000")) return "contains a NUL character";
  if (def.enum && !def.enum.includes(text)) return `${quote(text)} is not one of ${def.enum.join(", ")}`;
  if ((def.format === "uuid" || def.references?.field === "id") && !uuidPattern.test(text)) {
    return `${quote(text)} is not a UUID (such as 0b5c…-…, in lower case)`;
  }
  if (def.pattern && !matches(def.pattern, text)) return `${quote(text)} does not match ${def.pattern}`;
  return null;
}

function checkRange(def: FieldDef, text: string, value: number): string | null {
  if (def.minimum !== undefined && value < def.minimum) return `${text} is below the minimum ${def.minimum}`;
  if (def.maximum !== undefined && value > def.maximum) return `${text} is above the maximum ${def.maximum}`;
  return null;
}

function parseJson(text: string, want: "array" | "object"): CellResult {
  if (text.includes("\\u0000")) return fail("contains a NUL character, which the database cannot store");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(`${quote(text)} is not valid JSON (an ${want} is expected)`);
  }
  const isArray = Array.isArray(value);
  const isObject = typeof value === "object" && value !== null && !isArray;
  if (want === "array" ? !isArray : !isObject) return fail(`${quote(text)} is not a JSON ${want}`);
  return ok(value as CellValue);
}

/** Checks one CSV cell against its field's type and constraints and returns the value to write. */
export function parseCell(def: FieldDef, text: string): CellResult {
  if (text === "") {
    if (def.required) return fail("a value is required");
    if (def.list) return ok([]);
    return ok((def.emptyValue as CellValue | undefined) ?? null);
  }
  if (def.list) {
    const list = parseList(text);
    if ("error" in list) return fail(list.error);
    for (const item of list.items) {
      const problem = checkString(def, item);
      if (problem) return fail(problem);
    }
    return ok(list.items);
  }
  switch (def.type) {
    case "string": {
      const problem = checkString(def, text);
      return problem ? fail(problem) : ok(text);
    }
    case "integer": {
      if (!/^[+-]?\d+$/.test(text)) return fail(`${quote(text)} is not a whole number`);
      const value = Number(text);
      const limit = def.bigint ? Number.MAX_SAFE_INTEGER : INT32 - 1;
      if (!Number.isSafeInteger(value) || Math.abs(value) > limit) return fail(`${text} is too large`);
      const problem = checkRange(def, text, value);
      return problem ? fail(problem) : ok(value);
    }
    case "number": {
      if (!NUMBER.test(text))
        return fail(`${quote(text)} is not a number (use "." as decimal mark, no thousands separator)`);
      const problem = checkRange(def, text, Number(text));
      // The text itself is written, so PostgreSQL's numeric keeps every digit.
      return problem ? fail(problem) : ok(text);
    }
    case "date":
      return isCalendarDate(text) ? ok(text) : fail(`${quote(text)} is not a date written YYYY-MM-DD`);
    case "datetime":
      return DATETIME.test(text) && !Number.isNaN(Date.parse(text))
        ? ok(text)
        : fail(`${quote(text)} is not a date and time written YYYY-MM-DDThh:mm:ssZ`);
    case "boolean":
      if (TRUE.has(text)) return ok(true);
      if (FALSE.has(text)) return ok(false);
      return fail(`${quote(text)} is not true or false`);
    case "array":
    case "object":
      return parseJson(text, def.type);
  }
}
