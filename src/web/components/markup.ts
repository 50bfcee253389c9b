// The DKFDS components (web/components/) are written as templates instead of
// JSX: every page repeats them (the shell, tables, form fields, badges, icons,
// pagination), and a template is string concatenation. Values are escaped as
// JSX escapes them, nested templates and rendered JSX pass through as they are,
// and no element tree is built and walked first, which halved the time an
// uncached page spends rendering (bench/render.ts). Pages stay JSX; the two nest
// freely in both directions.
import { html as honoHtml, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** What a template gives: escaped markup (a promise only if an async JSX child was inside). */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

const LINE_BREAK = /\s*\n\s*/g;

/** The template's own text without its layout: see `html`. */
function withoutLayout(part: string): string {
  return part.replace(LINE_BREAK, (gap, at: number) => {
    const before = part[at - 1];
    const after = part.slice(at + gap.length);
    return before === undefined || before === ">" || after === "" || /^\/?[<>]/.test(after) ? "" : " ";
  });
}

const laidOut = new WeakMap<TemplateStringsArray, TemplateStringsArray>();

/**
 * hono's `html` template, laid out as its markup nests. As in JSX, a line break in
 * the template's own text, with the spaces around it, is dropped next to a tag, a
 * tag's closing `>` or `/>`, or a `${}` value, and is one space elsewhere (between
 * attributes, inside a sentence), so the layout adds no whitespace to the page.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let text = laidOut.get(strings);
  if (!text) {
    const parts = strings.map(withoutLayout);
    text = Object.assign(parts, { raw: parts });
    laidOut.set(strings, text);
  }
  return honoHtml(text, ...values);
}

/** ` name="value"` with the value escaped, or nothing when the value is undefined (as JSX leaves it out). */
export function attr(name: string, value: string | number | undefined): Markup | "" {
  return value === undefined ? "" : html` ${raw(name)}="${value}"`;
}

/** A boolean attribute, ` name=""`, when it is on (as JSX writes `required={true}`); nothing when it is off. */
export function flag(name: string, on: boolean | undefined): Markup | "" {
  return on ? html` ${raw(name)}=""` : "";
}
