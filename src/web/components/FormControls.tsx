// DKFDS form controls (components/form/controls/*.njk, checkboxes/*.njk):
// label, hint, error message, and aria-describedby wiring between them.
// A field in error gets .form-error on its group, aria-invalid on the
// control and a .form-error-message starting with a hidden "Fejl:".
import type { Child } from "hono/jsx";
import { link } from "../../http/links.ts";

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
  return (
    <label class="form-label" for={forId}>
      {text}
      {optional && <span class="weight-normal"> (frivilligt)</span>}
    </label>
  );
}

export function Hint({ id, text }: { id: string; text: string }) {
  return (
    <span class="form-hint" id={hintId(id)}>
      {text}
    </span>
  );
}

export function ErrorMessage({ id, text }: { id: string; text: string }) {
  return (
    <span class="form-error-message" id={errorId(id)}>
      <span class="sr-only">Fejl: </span>
      {text}
    </span>
  );
}

export interface FormGroupProps {
  error?: string;
  children?: Child;
  class?: string;
}

/** The .form-group wrapper; .form-error when `error` is set. */
export function FormGroup({ error, children, class: extra }: FormGroupProps) {
  const cls = ["form-group", error ? "form-error" : "", extra ?? ""].filter(Boolean).join(" ");
  return <div class={cls}>{children}</div>;
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
  const input = (
    <input
      type={p.type ?? "text"}
      id={p.id}
      name={p.name}
      class={p.widthClass ? `form-input ${p.widthClass}` : "form-input"}
      value={p.value === undefined ? undefined : String(p.value)}
      required={p.required}
      disabled={p.disabled}
      autocomplete={p.autocomplete}
      inputmode={p.inputmode}
      aria-invalid={p.error ? "true" : undefined}
      aria-describedby={describedBy(p)}
    />
  );
  return (
    <FormGroup error={p.error}>
      <Label forId={p.id} text={p.label} optional={p.optionalLabel} />
      {p.hint && <Hint id={p.id} text={p.hint} />}
      {p.error && <ErrorMessage id={p.id} text={p.error} />}
      {p.suffix ? (
        <div class="form-input-wrapper form-input-wrapper--suffix">
          {input}
          <div class="form-input-suffix" aria-hidden="true">
            {p.suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}

export interface TextAreaProps extends FieldBase {
  value?: string;
  rows?: number;
  /** The full width of the column (for long texts), not DKFDS's 32rem. */
  wide?: boolean;
}

export function TextArea(p: TextAreaProps) {
  return (
    <FormGroup error={p.error}>
      <Label forId={p.id} text={p.label} optional={p.optionalLabel} />
      {p.hint && <Hint id={p.id} text={p.hint} />}
      {p.error && <ErrorMessage id={p.id} text={p.error} />}
      <textarea
        id={p.id}
        name={p.name}
        class={p.wide ? "form-input textarea-wide" : "form-input"}
        rows={p.rows ?? 6}
        required={p.required}
        disabled={p.disabled}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.value ?? ""}
      </textarea>
    </FormGroup>
  );
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
  return (
    <FormGroup error={p.error}>
      <Label forId={p.id} text={p.label} optional={p.optionalLabel} />
      {p.hint && <Hint id={p.id} text={p.hint} />}
      {p.error && <ErrorMessage id={p.id} text={p.error} />}
      <select
        class="form-select"
        id={p.id}
        name={p.name}
        required={p.required}
        disabled={p.disabled}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
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
  return (
    <div class="form-group-checkbox">
      <input
        type="checkbox"
        id={p.id}
        name={p.name}
        value={p.value}
        class="form-checkbox"
        checked={p.checked}
        disabled={p.disabled}
        aria-describedby={p.hint ? hintId(p.id) : undefined}
      />
      <label class="form-label" for={p.id}>
        {p.label}
      </label>
      {p.hint && <Hint id={p.id} text={p.hint} />}
    </div>
  );
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
  return (
    <FormGroup error={p.error}>
      <fieldset aria-describedby={describedBy(p)}>
        <legend class="form-label">{p.legend}</legend>
        {p.hint && <Hint id={p.id} text={p.hint} />}
        {p.error && <ErrorMessage id={p.id} text={p.error} />}
        {p.options.map((o, i) => (
          <Checkbox
            id={`${p.id}-option${i + 1}`}
            name={p.name}
            value={o.value}
            label={o.text}
            checked={checked.has(o.value)}
          />
        ))}
      </fieldset>
    </FormGroup>
  );
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
  return (
    <button type={type} class={cls} name={rest.name} value={rest.value} disabled={rest.disabled}>
      {children}
    </button>
  );
}

/** Buttons side by side with DKFDS spacing, set off from the fields above. */
export function ButtonGroup({ children }: { children?: Child }) {
  return <div class="button-group mt-6">{children}</div>;
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
  return (
    <a href={link(href)} class={`button button-${variant}`}>
      {children}
    </a>
  );
}
