// "Ret og godkend": one candidate's fields as a form, each field with its
// Danish name, its value in Danish (lists of choices as choices) and, beside
// it, the words of the document it was read from. A candidate whose document
// names nothing it belongs to gets a place picker. The candidate's version
// rides along, so a candidate someone else reviewed or edited meanwhile is
// refused with a clear message; a refused edit keeps what the user typed.

import { valueLabelsOf } from "../../../../domain/entities/labels.ts";
import { link } from "../../../../http/links.ts";
import type { PlacementOption } from "../../../../queries/candidatePlacements.ts";
import { Alert } from "../../../components/Alert.tsx";
import { ErrorSummary, type FieldError } from "../../../components/ErrorSummary.tsx";
import {
  Button,
  CheckboxGroup,
  ErrorMessage,
  FormGroup,
  Hint,
  Label,
} from "../../../components/FormControls.tsx";
import { confidenceText, entityOne, fieldLabel, fieldText } from "../../entityLabels.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import { type Body, type EditableKind, editableFields, sentTexts } from "../schema.ts";
import { Quote, quotesFor } from "./candidateFields.tsx";
import { TargetPicker, type TargetView } from "./candidateTarget.tsx";
import { candidateLabel, type QueueRow } from "./queuePage.tsx";

export interface EditView {
  back: string;
  /** What the user sent, shown again after an error. */
  values?: Body;
  errors?: FieldError[];
  notice?: string;
  /** Where the candidate may be placed, when it needs a place. */
  places?: PlacementOption[];
  neighbours?: { previous: string | null; next: string | null; position: number | null; total: number };
  /** The registry row a new version would update, and the others it may update instead. */
  target?: Omit<TargetView, "error">;
}

export function candidateEditPage(page: AdminPage, row: QueueRow, p: EditView) {
  const errors = p.errors ?? [];
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const label = candidateLabel(row);
  const sent = (key: string) => (p.values ? sentTexts(p.values, key) : undefined);
  const n = p.neighbours;
  const neighbour = (id: string) => link(`/admin/forslag/${id}?tilbage=${encodeURIComponent(p.back)}`);
  return (
    <AdminShell
      page={page}
      title={`${errors.length ? "Fejl: " : ""}Ret forslag: ${label}`}
      currentPath="/admin/forslag"
      breadcrumbs={[
        { href: "/admin", text: "Oversigt" },
        { href: p.back, text: "Forslag" },
        { text: "Ret forslag" },
      ]}
    >
      <h1>
        Ret {entityOne(row.entity).toLowerCase()}: {label}
      </h1>
      {n?.position && (
        <nav aria-label="Forslagene i køen" class="mb-4">
          <p>
            Forslag {n.position} af {n.total} i køen.{" "}
            {n.previous && <a href={neighbour(n.previous)}>Forrige forslag</a>}
            {n.previous && n.next && " · "}
            {n.next && <a href={neighbour(n.next)}>Næste forslag</a>}
          </p>
        </nav>
      )}
      {p.notice && <Alert variant="error">{p.notice}</Alert>}
      <ErrorSummary errors={errors} />
      <p class="form-hint">
        {row.filename} · sikkerhed {confidenceText(row.confidence)}
      </p>
      <form method="post" action={link(`/admin/forslag/${row.id}`)}>
        <CsrfField token={page.csrf} />
        <input type="hidden" name="version" value={String(row.version)} />
        <input type="hidden" name="tilbage" value={p.back} />
        <input type="hidden" name="ret" value="1" />
        {/* Enter in a field accepts, as the last buttons do, not "Vis sammenligning". Hidden from everyone. */}
        <button type="submit" name="handling" value="accept" hidden />
        {p.places && (
          <PlacePicker places={p.places} value={sent("placering")?.[0]} error={errorFor("f-placering")} />
        )}
        {p.target && (
          <TargetPicker entity={row.entity} view={{ ...p.target, error: errorFor("f-opdaterer") }} />
        )}
        {editableFields(row.entity, row.fields).map(([key, kind]) => {
          const id = `f-${key}`;
          const error = errorFor(id);
          const quotes = quotesFor(row.evidence, key);
          return (
            <div class="row">
              <div class="col-12 col-lg-6">
                <FieldInput
                  entity={row.entity}
                  field={key}
                  kind={kind}
                  original={row.fields[key]}
                  sent={sent(`f.${key}`)}
                  error={error}
                />
              </div>
              <div class="col-12 col-lg-6">
                {quotes.length > 0 && <p class="form-hint mb-2">Sådan står det i dokumentet:</p>}
                {quotes.map((e) => (
                  <Quote e={e} entity={row.entity} />
                ))}
              </div>
            </div>
          );
        })}
        <div class="button-group mt-6">
          <Button name="handling" value="accept">
            Godkend med rettelser
          </Button>{" "}
          <Button variant="tertiary" name="handling" value="reject">
            Afvis
          </Button>
        </div>
      </form>
      <p class="mt-6">
        <a href={link(p.back)}>Tilbage til forslagene</a>
      </p>
    </AdminShell>
  );
}

function PlacePicker({
  places,
  value,
  error,
}: {
  places: PlacementOption[];
  value?: string;
  error?: string;
}) {
  const groups = new Map<string, PlacementOption[]>();
  for (const o of places) groups.set(o.policy, [...(groups.get(o.policy) ?? []), o]);
  const hint =
    "Dokumentet siger ikke, hvad forslaget hører under. Vælg et initiativ, eller lad det blive et initiativ for sig under en politik.";
  return (
    <FormGroup error={error}>
      <Label forId="f-placering" text="Placering" />
      <Hint id="f-placering" text={hint} />
      {error && <ErrorMessage id="f-placering" text={error} />}
      <select
        class="form-select"
        id="f-placering"
        name="placering"
        aria-describedby={["f-placering-hint", error ? "f-placering-error" : ""].filter(Boolean).join(" ")}
        aria-invalid={error ? "true" : undefined}
      >
        <option value="">Vælg placering</option>
        {[...groups].map(([policy, options]) => (
          <optgroup label={policy}>
            {options.map((o) => (
              <option value={o.id} selected={o.id === value}>
                {o.text}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FormGroup>
  );
}

function FieldInput(p: {
  entity: string;
  field: string;
  kind: EditableKind;
  original: unknown;
  sent?: string[];
  error?: string;
}) {
  const id = `f-${p.field}`;
  const name = `f.${p.field}`;
  const text = fieldLabel(p.field, p.entity);
  const choices = valueLabelsOf(p.field, p.entity as never) ?? {};
  const options = Object.entries(choices).map(([value, label]) => ({ value, text: label }));
  if (p.kind === "choices") {
    const checked = p.sent ?? (Array.isArray(p.original) ? p.original.map(String) : []);
    return (
      <>
        <input type="hidden" name={`${name}.vist`} value="1" />
        <CheckboxGroup
          id={id}
          name={name}
          legend={text}
          options={options}
          checked={checked}
          error={p.error}
        />
      </>
    );
  }
  const value = p.sent?.[0] ?? (p.kind === "number" ? numberText(p.original) : fieldText(p.original));
  const hint = p.kind === "list" ? "Adskil flere med semikolon (;)." : undefined;
  const described = [hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    "aria-describedby": described || undefined,
    "aria-invalid": p.error ? "true" : undefined,
  };
  return (
    <FormGroup error={p.error}>
      <Label forId={id} text={text} />
      {hint && <Hint id={id} text={hint} />}
      {p.error && <ErrorMessage id={id} text={p.error} />}
      {p.kind === "choice" ? (
        <select class="form-select" {...common}>
          <option value="">Ikke angivet</option>
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.text}
            </option>
          ))}
        </select>
      ) : p.kind === "text" && value.length > 80 ? (
        <textarea class="form-input" rows={5} {...common}>
          {value}
        </textarea>
      ) : (
        <input
          type="text"
          class="form-input"
          value={value}
          inputmode={p.kind === "number" ? "decimal" : undefined}
          {...common}
        />
      )}
    </FormGroup>
  );
}

/** A number as a Danish user types it back: decimal comma, no grouping. */
const numberText = (v: unknown) => (typeof v === "number" ? String(v).replace(".", ",") : "");
