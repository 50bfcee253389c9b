// One page for every registry editor: the fields a kind declares, the error
// summary, the "someone else saved first" notice with their values beside the
// user's (whose values stay in the form to save again), and a guarded delete.
import type { Child } from "hono/jsx";
import { link } from "../../../http/links.ts";
import { Alert } from "../../components/Alert.tsx";
import type { Crumb } from "../../components/Breadcrumbs.tsx";
import { ErrorSummary, type FieldError } from "../../components/ErrorSummary.tsx";
import {
  Button,
  ButtonGroup,
  CheckboxGroup,
  Select,
  TextArea,
  TextInput,
} from "../../components/FormControls.tsx";
import { type AdminPage, AdminShell, CsrfField } from "../shell.tsx";
import type { FieldChange, FieldSpec, FormValues } from "./fields.ts";

export interface EditorView {
  heading: string;
  crumbs: readonly Crumb[];
  action: string;
  /** The version the form saves against; absent when adding. */
  version?: number;
  fields: readonly FieldSpec[];
  values: FormValues;
  errors?: FieldError[];
  /** Set when someone else saved first: each field that differs, theirs and yours. */
  conflict?: FieldChange[];
  /** A refusal that belongs to no one field (e.g. a duplicate). */
  problem?: string;
  saved?: "gemt" | "oprettet" | "slettet";
  /** The delete form's action, when the kind may be deleted. */
  deleteAction?: string;
  deleteLabel?: string;
  /** Lists of children (observations, budget lines …) under the form. */
  children?: Child;
}

const SAVED_TEXT = {
  gemt: "Ændringerne er gemt.",
  oprettet: "Oprettet.",
  slettet: "Slettet.",
};

function Field({ f, v, error }: { f: FieldSpec; v: FormValues[string] | undefined; error?: string }) {
  const value = Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  const common = { id: f.name, name: f.name, label: f.label, hint: f.hint, error, required: f.required };
  switch (f.type) {
    case "select":
      return (
        <Select
          {...common}
          value={value}
          options={f.options}
          placeholder={f.required ? "Vælg" : "(ingen)"}
          optionalLabel={!f.required}
        />
      );
    case "checkboxes":
      return (
        <CheckboxGroup
          id={f.name}
          name={f.name}
          legend={f.label}
          hint={f.hint}
          error={error}
          options={f.options}
          checked={Array.isArray(v) ? v : v ? [v] : []}
        />
      );
    case "textarea":
    case "lines": {
      return (
        <TextArea
          id={f.name}
          name={f.name}
          label={f.label}
          optionalLabel={!f.required}
          hint={f.hint}
          error={error}
          required={f.required}
          rows={f.type === "lines" ? 4 : 6}
          value={value}
        />
      );
    }
    default: {
      const numeric = f.type === "integer" || f.type === "decimal" || f.type === "dkk" || f.type === "fte";
      return (
        <TextInput
          {...common}
          type={f.type === "date" ? "date" : "text"}
          value={value}
          optionalLabel={!f.required}
          inputmode={f.type === "integer" ? "numeric" : numeric ? "decimal" : undefined}
          widthClass={numeric || f.type === "period" ? "input-width-s" : undefined}
        />
      );
    }
  }
}

export function EditorPage({ page, view }: { page: AdminPage; view: EditorView }) {
  const errors = view.errors ?? [];
  const failed = errors.length > 0 || !!view.conflict || !!view.problem;
  return (
    <AdminShell
      page={page}
      title={`${failed ? "Fejl: " : ""}${view.heading}`}
      currentPath="/admin/register"
      breadcrumbs={view.crumbs}
    >
      <h1>{view.heading}</h1>
      {view.saved && <Alert variant="success">{SAVED_TEXT[view.saved]}</Alert>}
      {view.conflict && (
        <Alert variant="error" heading="En anden har gemt først">
          <p class="alert-text">
            Der er gemt en ændring, siden du åbnede siden. Dine ændringer er ikke gemt. Her er forskellen:
          </p>
          <ul class="alert-text" data-testid="conflict">
            {view.conflict.map((c) => (
              <li>
                <strong>{c.label}</strong>: nu «{c.theirs}», dit forslag «{c.yours}»
              </li>
            ))}
          </ul>
          {view.conflict.length === 0 && (
            <p class="alert-text">Felterne her er ens (ændringen var i et andet felt).</p>
          )}
          <p class="alert-text">Dine værdier står stadig i formularen. Gem igen for at anvende dem.</p>
        </Alert>
      )}
      {view.problem && <Alert variant="error">{view.problem}</Alert>}
      <ErrorSummary errors={errors} />
      <form method="post" action={link(view.action)} novalidate>
        <CsrfField token={page.csrf} />
        {view.version !== undefined && <input type="hidden" name="version" value={String(view.version)} />}
        {view.fields.map((f) => (
          <Field
            f={f}
            v={view.values[f.name]}
            error={errors.find((e) => e.fieldId === f.name || e.fieldId === `${f.name}-option1`)?.message}
          />
        ))}
        <ButtonGroup>
          <Button>Gem</Button>
        </ButtonGroup>
      </form>
      {view.children}
      {view.deleteAction && view.version !== undefined && (
        <form method="post" action={link(view.deleteAction)} class="mt-8">
          <CsrfField token={page.csrf} />
          <input type="hidden" name="version" value={String(view.version)} />
          <Button variant="warning">{view.deleteLabel ?? "Slet"}</Button>
        </form>
      )}
    </AdminShell>
  );
}
