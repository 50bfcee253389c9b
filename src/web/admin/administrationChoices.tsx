// The administrations to tick on a form ("Name (CODE)", posted as `administrations`):
// those that answer an inquiry, those that report in a status round.
import { CheckboxGroup } from "../components/FormControls.tsx";

export function AdministrationChoices(p: {
  legend: string;
  administrations: readonly { code: string; name: string }[];
  checked: readonly string[];
  /** The group's error; the error summary links it by its first box. */
  error?: string;
}) {
  return (
    <CheckboxGroup
      id="administrations"
      name="administrations"
      legend={p.legend}
      options={p.administrations.map((a) => ({ value: a.code, text: `${a.name} (${a.code})` }))}
      checked={p.checked}
      error={p.error}
    />
  );
}
