// An administration (forvaltning) as the API shows it: the open-data package's columns.
import type { AdministrationRow } from "../queries/organisation/units.ts";

export function presentAdministration(row: AdministrationRow) {
  return { id: row.id, code: row.code, name: row.name };
}
