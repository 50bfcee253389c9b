// A committee (udvalg) as the API shows it: the open-data package's columns.
import type { CommitteeRow } from "../queries/organisation/units.ts";

export function presentCommittee(row: CommitteeRow) {
  return { id: row.id, code: row.code, name: row.name };
}
