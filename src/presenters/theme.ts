// A theme or beacon (tema, pejlemærke) of a policy.
import type { ThemeRow } from "../queries/themes.ts";

export function presentTheme(row: ThemeRow) {
  return {
    id: row.id,
    policy_id: row.policyId,
    number: row.number,
    title: row.title,
    description: row.description,
  };
}
