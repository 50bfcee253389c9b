// "Ret og godkend": one candidate's fields as a form beside the quotes they
// were read from. The candidate's version rides along, so a candidate someone
// else reviewed or edited meanwhile is refused with a clear message.

import { link } from "../../http/links.ts";
import { Alert } from "../components/Alert.tsx";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.tsx";
import { Button, ErrorMessage, FormGroup, Hint, Label } from "../components/FormControls.tsx";
import { confidenceText, entityOne, fieldLabel, fieldText } from "./entityLabels.ts";
import { candidateLabel, FieldsAndQuotes, type QueueRow } from "./reviewPage.tsx";
import { type AdminPage, AdminShell, CsrfField } from "./shell.tsx";

type Kind = "number" | "list" | "text";

function kindOf(value: unknown): Kind | null {
  if (typeof value === "number") return "number";
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? "list" : null;
  if (value === null || typeof value === "string") return "text";
  return null;
}

/** The fields a person can edit: numbers, text and lists of text (not nested structures). */
export function editableFields(fields: Record<string, unknown>): [string, Kind][] {
  return Object.entries(fields)
    .map(([k, v]) => [k, kindOf(v)] as const)
    .filter((e): e is [string, Kind] => e[1] !== null);
}

/** "1.234,5", "1.500" or "1234.5" → a number; empty → null; anything else → undefined (invalid). */
function parseDanishNumber(text: string): number | null | undefined {
  const t = text.trim().replace(/\s/g, "");
  if (!t) return null;
  // Danish: "." groups thousands, "," is the decimal mark; "1.500" is fifteen hundred.
  const normalized =
    /,/.test(t) || /^-?\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, "").replace(",", ".") : t;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : undefined;
}

/** Reads the submitted form back into typed fields; errors name the field in Danish. */
export function parseEditedFields(
  original: Record<string, unknown>,
  body: Record<string, unknown>,
): { fields: Record<string, unknown>; errors: FieldError[] } {
  const fields: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [key, kind] of editableFields(original)) {
    const raw = body[`f.${key}`];
    if (typeof raw !== "string") continue;
    if (kind === "number") {
      const n = parseDanishNumber(raw);
      if (n === undefined)
        errors.push({
          fieldId: `f-${key}`,
          message: `${fieldLabel(key)} skal være et tal, fx 1.500 eller 2,5.`,
        });
      else fields[key] = n;
    } else if (kind === "list") {
      fields[key] = raw
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean);
    } else {
      const t = raw.trim();
      if (t.length > 20_000) errors.push({ fieldId: `f-${key}`, message: `${fieldLabel(key)} er for lang.` });
      fields[key] = t === "" ? null : t;
    }
  }
  return { fields, errors };
}

export function candidateEditPage(
  page: AdminPage,
  row: QueueRow,
  p: { back: string; values?: Record<string, string>; errors?: FieldError[]; notice?: string },
) {
  const errors = p.errors ?? [];
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const label = candidateLabel(row);
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
      {p.notice && <Alert variant="error">{p.notice}</Alert>}
      <ErrorSummary errors={errors} />
      <p class="form-hint">
        {row.filename} · sikkerhed {confidenceText(row.confidence)}
      </p>
      <div class="row">
        <div class="col-12 col-lg-6">
          <form method="post" action={link(`/admin/forslag/${row.id}`)}>
            <CsrfField token={page.csrf} />
            <input type="hidden" name="version" value={String(row.version)} />
            <input type="hidden" name="tilbage" value={p.back} />
            <input type="hidden" name="ret" value="1" />
            {editableFields(row.fields).map(([key, kind]) => {
              const id = `f-${key}`;
              const value = p.values?.[`f.${key}`] ?? fieldText(row.fields[key]);
              const error = errorFor(id);
              const hint = kind === "list" ? "Adskil flere med semikolon (;)." : undefined;
              const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
                .filter(Boolean)
                .join(" ");
              return (
                <FormGroup error={error}>
                  <Label forId={id} text={fieldLabel(key)} />
                  {hint && <Hint id={id} text={hint} />}
                  {error && <ErrorMessage id={id} text={error} />}
                  {kind === "text" && value.length > 80 ? (
                    <textarea
                      id={id}
                      name={`f.${key}`}
                      class="form-input"
                      rows={5}
                      aria-describedby={described || undefined}
                      aria-invalid={error ? "true" : undefined}
                    >
                      {value}
                    </textarea>
                  ) : (
                    <input
                      type="text"
                      id={id}
                      name={`f.${key}`}
                      class="form-input"
                      value={value}
                      inputmode={kind === "number" ? "decimal" : undefined}
                      aria-describedby={described || undefined}
                      aria-invalid={error ? "true" : undefined}
                    />
                  )}
                </FormGroup>
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
        </div>
        <div class="col-12 col-lg-6">
          <h2 class="h3">Sådan står det i dokumentet</h2>
          <FieldsAndQuotes row={row} headingLevel={3} />
        </div>
      </div>
    </AdminShell>
  );
}
