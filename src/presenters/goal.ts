// A goal or result goal; its responsible committees by code.
import type { GoalKind } from "../domain/enums.ts";
import type { GoalRow } from "../queries/goals.ts";

export function presentGoal(row: GoalRow) {
  return {
    id: row.id,
    policy_id: row.policyId,
    theme_id: row.themeId,
    kind: row.kind as GoalKind,
    number: row.number,
    text: row.text,
    committees: row.committees,
    administration: row.administration,
    sort_order: row.sortOrder,
  };
}
