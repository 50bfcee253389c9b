// A budget line: DKK (whole kroner) and FTE for a year, or for the whole period (year null).
import type { FundingStatus } from "../domain/enums.ts";
import type { BudgetLineRow } from "../queries/initiatives/budgetLines.ts";

export function presentBudgetLine(row: BudgetLineRow) {
  return {
    id: row.id,
    initiative_id: row.initiativeId,
    year: row.year,
    amount_dkk: row.amountDkk,
    fte: row.fte,
    funding_status: row.fundingStatus as FundingStatus,
    label: row.label,
  };
}
