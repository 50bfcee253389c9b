// "Opdaterer": for a candidate that is (or could be) a new version of a row in
// the registry, the row it would update, chosen from the rows of its kind or
// "opret som ny", and the two side by side, field by field, with the fields
// the acceptance would change marked in words (not by colour alone).

import type { TargetChoice } from "../../../../commands/review/targetChoice.ts";
import { changedValues } from "../../../../commands/review/writer.ts";
import { Button, ErrorMessage, FormGroup, Hint, Label } from "../../../components/FormControls.tsx";
import { fieldDisplay, fieldLabel, fieldText } from "../../entityLabels.ts";

export interface TargetView {
  choice: TargetChoice;
  /** The option the select shows: the user's, else the match, else "new". */
  selected: string;
  /** The candidate's values as they would be accepted (with the user's edits). */
  proposed: Record<string, unknown>;
  /** The fields the form lets a person edit, in the form's order. */
  fields: string[];
  error?: string;
}

/** The option a form shows first: what the user sent when it is on the list, else the match, else "new". */
export function selectedTarget(choice: TargetChoice, sent: string | undefined): string {
  if (sent === "new" || choice.options.some((o) => o.id === sent)) return sent!;
  return choice.matchId ?? "new";
}

export function TargetPicker({ entity, view }: { entity: string; view: TargetView }) {
  const { choice, selected, error } = view;
  const hint = choice.matchId
    ? "Forslaget ligner en post, der allerede er i registret, og opdaterer den, når det godkendes. Vælg en anden post af samme slags, eller opret forslaget som en ny post."
    : "Registret har poster af samme slags. Er forslaget en ny udgave af en af dem, så vælg den; ellers oprettes det som en ny post.";
  const row = choice.options.find((o) => o.id === selected);
  return (
    <section aria-labelledby="opdaterer-heading" class="mb-6">
      <h2 id="opdaterer-heading" class="h3">
        Ny udgave af en post i registret?
      </h2>
      <FormGroup error={error}>
        <Label forId="f-opdaterer" text="Opdaterer" />
        <Hint id="f-opdaterer" text={hint} />
        {error && <ErrorMessage id="f-opdaterer" text={error} />}
        <select
          class="form-select"
          id="f-opdaterer"
          name="opdaterer"
          aria-describedby={["f-opdaterer-hint", error ? "f-opdaterer-error" : ""].filter(Boolean).join(" ")}
          aria-invalid={error ? "true" : undefined}
        >
          <option value="new" selected={selected === "new"}>
            Opret som ny
          </option>
          {choice.options.map((o) => (
            <option value={o.id} selected={o.id === selected}>
              {o.id === choice.matchId ? `${o.text} (fundet ud fra titel og periode)` : o.text}
            </option>
          ))}
        </select>
      </FormGroup>
      <p>
        <Button variant="secondary" name="handling" value="compare">
          Vis sammenligning
        </Button>
      </p>
      {row ? (
        <Comparison entity={entity} current={row.values} proposed={view.proposed} fields={view.fields} />
      ) : (
        <p>Forslaget bliver oprettet som en ny post; intet i registret ændres.</p>
      )}
    </section>
  );
}

function Comparison(p: {
  entity: string;
  current: Record<string, unknown>;
  proposed: Record<string, unknown>;
  fields: string[];
}) {
  // The fields both have; a field the candidate leaves empty keeps the registry's value.
  const shown = p.fields.filter((f) => f in p.current);
  const changed = new Set(
    Object.keys(changedValues(p.current, Object.fromEntries(shown.map((f) => [f, p.proposed[f]])))),
  );
  return (
    <>
      <p>
        {changed.size === 0
          ? "Godkendes forslaget, ændres intet i posten."
          : `Godkendes forslaget, ændres ${changed.size === 1 ? "1 felt" : `${changed.size} felter`} i posten. Posten beholder sit id og sin historik.`}
      </p>
      <table class="table table--compact table--responsive-headers target-comparison">
        <caption>Posten i registret og forslaget, felt for felt</caption>
        <thead>
          <tr>
            <th scope="col">Felt</th>
            <th scope="col">I registret nu</th>
            <th scope="col">I forslaget</th>
            <th scope="col">Ændres</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr class={changed.has(f) ? "target-changed" : undefined}>
              <th scope="row">{fieldLabel(f, p.entity)}</th>
              <td data-title="I registret nu">{shown_(f, p.current[f], p.entity)}</td>
              <td data-title="I forslaget">
                {fieldText(p.proposed[f]) === ""
                  ? "Ikke angivet (registrets værdi beholdes)"
                  : shown_(f, p.proposed[f], p.entity)}
              </td>
              <td data-title="Ændres">
                {changed.has(f) ? <span class="badge badge-warning">Ændres</span> : "Uændret"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A value as the page shows it; nothing is "ikke angivet". */
const shown_ = (field: string, value: unknown, entity: string) =>
  fieldText(value) === "" ? "Ikke angivet" : fieldDisplay(field, value, entity);
