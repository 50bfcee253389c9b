// DKFDS form controls (components/form/controls/*.njk, checkboxes/*.njk):
// label, hint, error message, and aria-describedby wiring between them.
// A field in error gets .form-error on its group, aria-invalid on the
// control and a .form-error-message starting with a hidden "Fejl:".
import type { Child } from "hono/jsx";
import { link } from "../../http/links.ts";
import { attr, flag, html } from "./markup.ts";

export interface FieldBase {
  id: string;
  name: string;
  label: string;
  /** Help text under the label (.form-hint). */
  hint?: string;
  /** Error message; marks the field as invalid. */
  error?: string;
  required?: boolean;
  /** Writes "(frivilligt)" after the label, as DKFDS recommends for optional fields. */
  optionalLabel?: boolean;
  disabled?: boolean;
}

const hintId = (id: string) => `${id}-hint`;
const errorId = (id: string) => `${id}-error`;

function describedBy(f: { id: string; hint?: string; error?: string }): string | undefined {
  const ids = [f.hint ? hintId(f.id) : undefined, f.error ? errorId(f.id) : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function Label({ forId, text, optional }: { forId: string; text: string; optional?: boolean }) {
  return html`
    <label class="form-label" for="${forId}">
      ${text}${optional && html`<span class="weight-normal"> (frivilligt)</span>`}
    </label>`;
}

export function Hint({ id, text }: { id: string; text: string }) {
  return html`<span class="form-hint" id="${hintId(id)}">${text}</span>`;
}

export function ErrorMessage({ id, text }: { id: string; text: string }) {
  return html`<span class="form-error-message" id="${errorId(id)}"><span class="sr-only">Fejl: </span>${text}</span>`;
}

/** A field's label, hint and error message, in DKFDS's order. */
function FieldHead(p: FieldBase) {
  return html`
    ${Label({ forId: p.id, text: p.label, optional: p.optionalLabel })}
    ${p.hint && Hint({ id: p.id, text: p.hint })}
    ${p.error && ErrorMessage({ id: p.id, text: p.error })}`;
}

/** The attributes every field control has after its own: required, disabled, and the wiring to its hint and error. */
function controlAttributes(p: FieldBase) {
  return html`
    ${flag("required", p.required)}
    ${flag("disabled", p.disabled)}
    ${attr("aria-invalid", p.error ? "true" : undefined)}
    ${attr("aria-describedby", describedBy(p))}`;
}

export interface FormGroupProps {
  error?: string;
  children?: Child;
  class?: string;
}

/** The .form-group wrapper; .form-error when `error` is set. */
export function FormGroup({ error, children, class: extra }: FormGroupProps) {
  const cls = ["form-group", error ? "form-error" : "", extra ?? ""].filter(Boolean).join(" ");
  return html`<div class="${cls}">${children}</div>`;
}

export interface TextInputProps extends FieldBase {
  type?: "text" | "email" | "number" | "password" | "search" | "tel" | "url" | "date";
  value?: string | number;
  autocomplete?: string;
  inputmode?: "text" | "numeric" | "decimal" | "email" | "search" | "tel" | "url";
  /** DKFDS width class, e.g. "input-width-s". */
  widthClass?: string;
  /** Shown after the input, e.g. "kr." or "%". */
  suffix?: string;
}

export function TextInput(p: TextInputProps) {
  const input = html`
    <input
      type="${p.type ?? "text"}"
      id="${p.id}"
      name="${p.name}"
      class="${p.widthClass ? `form-input ${p.widthClass}` : "form-input"}"
      ${attr("value", p.value === undefined ? undefined : String(p.value))}
      ${flag("required", p.required)}
      ${flag("disabled", p.disabled)}
      ${attr("autocomplete", p.autocomplete)}
      ${attr("inputmode", p.inputmode)}
      ${attr("aria-invalid", p.error ? "true" : undefined)}
      ${attr("aria-describedby", describedBy(p))}
    />`;
  const control = p.suffix
    ? html`
        <div class="form-input-wrapper form-input-wrapper--suffix">
          ${input}<div class="form-input-suffix" aria-hidden="true">${p.suffix}</div>
        </div>`
    : input;
  return FormGroup({ error: p.error, children: html`${FieldHead(p)}${control}` });
}

export interface TextAreaProps extends FieldBase {
  value?: string;
  rows?: number;
  /** The full width of the column (for long texts), not DKFDS's 32rem. */
  wide?: boolean;
}

export function TextArea(p: TextAreaProps) {
  const textarea = html`
    <textarea
      id="${p.id}"
      name="${p.name}"
      class="${p.wide ? "form-input textarea-wide" : "form-input"}"
      rows="${p.rows ?? 6}"
      ${controlAttributes(p)}
    >${p.value ?? ""}</textarea>`;
  return FormGroup({ error: p.error, children: html`${FieldHead(p)}${textarea}` });
}

export interface SelectOption {
  value: string;
  text: string;
}

export interface SelectProps extends FieldBase {
  options: readonly SelectOption[];
  value?: string;
  /** A first, empty option such as "Vælg forvaltning". */
  placeholder?: string;
}

export function Select(p: SelectProps) {
  const options = p.options.map(
    (o) => html`<option value="${o.value}"${flag("selected", o.value === p.value)}>${o.text}</option>`,
  );
  const select = html`
    <select class="form-select" id="${p.id}" name="${p.name}"${controlAttributes(p)}>
      ${p.placeholder !== undefined && html`<option value="">${p.placeholder}</option>`}
      ${options}
    </select>`;
  return FormGroup({ error: p.error, children: html`${FieldHead(p)}${select}` });
}

export interface CheckboxProps {
  id: string;
  name: string;
  value: string;
  label: string;
  checked?: boolean;
  hint?: string;
  disabled?: boolean;
}

/** One checkbox (.form-group-checkbox); put several in a CheckboxGroup. */
export function Checkbox(p: CheckboxProps) {
  return html`
    <div class="form-group-checkbox">
      <input
        type="checkbox"
        id="${p.id}"
        name="${p.name}"
        value="${p.value}"
        class="form-checkbox"
        ${flag("checked", p.checked)}
        ${flag("disabled", p.disabled)}
        ${attr("aria-describedby", p.hint ? hintId(p.id) : undefined)}
      />
      <label class="form-label" for="${p.id}">${p.label}</label>
      ${p.hint && Hint({ id: p.id, text: p.hint })}
    </div>`;
}

export interface CheckboxGroupProps {
  /** Prefix of the checkbox ids and the id of the hint and error. */
  id: string;
  name: string;
  legend: string;
  options: readonly SelectOption[];
  checked?: readonly string[];
  hint?: string;
  error?: string;
}

/** A fieldset of checkboxes with a legend (DKFDS checkboxes.njk). */
export function CheckboxGroup(p: CheckboxGroupProps) {
  const checked = new Set(p.checked ?? []);
  const boxes = p.options.map((o, i) =>
    Checkbox({
      id: `${p.id}-option${i + 1}`,
      name: p.name,
      value: o.value,
      label: o.text,
      checked: checked.has(o.value),
    }),
  );
  const fieldset = html`
    <fieldset${attr("aria-describedby", describedBy(p))}>
      <legend class="form-label">${p.legend}</legend>
      ${p.hint && Hint({ id: p.id, text: p.hint })}
      ${p.error && ErrorMessage({ id: p.id, text: p.error })}
      ${boxes}
    </fieldset>`;
  return FormGroup({ error: p.error, children: fieldset });
}

export interface ButtonProps {
  children?: Child;
  variant?: "primary" | "secondary" | "tertiary" | "warning";
  type?: "submit" | "button" | "reset";
  name?: string;
  value?: string;
  disabled?: boolean;
  class?: string;
}

/** DKFDS button (components/buttons/buttons.njk). */
export function Button({ children, variant = "primary", type = "submit", ...rest }: ButtonProps) {
  const cls = `button button-${variant}${rest.class ? ` ${rest.class}` : ""}`;
  return html`
    <button
      type="${type}"
      class="${cls}"
      ${attr("name", rest.name)}
      ${attr("value", rest.value)}
      ${flag("disabled", rest.disabled)}
    >${children}</button>`;
}

/** Buttons side by side with DKFDS spacing, set off from the fields above. */
export function ButtonGroup({ children }: { children?: Child }) {
  return html`<div class="button-group mt-6">${children}</div>`;
}

/** A link styled as a DKFDS button, for actions that only navigate (downloads, "Ny …"). */
export function ButtonLink({
  href,
  children,
  variant = "secondary",
}: {
  href: string;
  children?: Child;
  variant?: "primary" | "secondary" | "tertiary";
}) {
  return html`<a href="${link(href)}" class="button button-${variant}">${children}</a>`;
}
