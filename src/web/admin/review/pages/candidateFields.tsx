// A candidate read as a person reads it: one row per field, its Danish name
// first, then its value in Danish, then the words in the document it was read
// from, so each quote stands beside the field it supports.
import { baseField } from "../../../../domain/entities/labels.ts";
import { fieldDisplay, fieldLabel, fieldText } from "../../entityLabels.ts";

export interface Evidence {
  field: string;
  quote: string;
  page?: number;
}

export interface CandidateView {
  id: string;
  entity: string;
  fields: Record<string, unknown>;
  evidence: Evidence[];
}

/** The quotes that support `field` (a chosen goal's quote supports the chosen goals). */
export const quotesFor = (evidence: Evidence[], field: string) =>
  evidence.filter((e) => baseField(e.field) === field);

export function Quote({ e, entity }: { e: Evidence; entity: string }) {
  const part = e.field !== baseField(e.field) ? fieldLabel(e.field, entity) : "";
  return (
    <figure class="candidate-quote">
      <blockquote>
        <p>{e.quote}</p>
      </blockquote>
      {(part || e.page) && (
        <figcaption class="form-hint">
          {[part, e.page ? `side ${e.page}` : ""].filter(Boolean).join(", ")}
        </figcaption>
      )}
    </figure>
  );
}

export function FieldsAndQuotes({ row, caption }: { row: CandidateView; caption: string }) {
  const fields = Object.entries(row.fields).filter(([, v]) => fieldText(v) !== "");
  const shown = new Set(fields.map(([k]) => k));
  const other = row.evidence.filter((e) => !shown.has(baseField(e.field)));
  return (
    // On a phone each field is a block: its name, then value and quote under their column names.
    <table class="table table--compact table--responsive-headers candidate-fields">
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Felt</th>
          <th scope="col">Værdi</th>
          <th scope="col">Sådan står det i dokumentet</th>
        </tr>
      </thead>
      <tbody>
        {fields.map(([key, value]) => (
          <tr>
            <th scope="row">{fieldLabel(key, row.entity)}</th>
            <td data-title="Værdi">{fieldDisplay(key, value, row.entity)}</td>
            <td data-title="Sådan står det i dokumentet">
              {quotesFor(row.evidence, key).map((e) => (
                <Quote e={e} entity={row.entity} />
              ))}
            </td>
          </tr>
        ))}
        {other.map((e) => (
          <tr>
            <th scope="row">{fieldLabel(e.field, row.entity)}</th>
            <td />
            <td data-title="Sådan står det i dokumentet">
              <Quote e={e} entity={row.entity} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
