// An initiative of the project bank; administration and committee by code.
import type { EqualityGround, FundingStatus, InitiativeStatus } from "../domain/enums.ts";
import type { InitiativeRow } from "../queries/initiatives/initiatives.ts";

export function presentInitiative(row: InitiativeRow) {
  return {
    id: row.id,
    policy_id: row.policyId,
    goal_ids: row.goalIds,
    administration: row.administration,
    committee: row.committee,
    title: row.title,
    description: row.description,
    funding_status: row.fundingStatus as FundingStatus,
    status: row.status as InitiativeStatus,
    target_groups: row.targetGroups,
    equality_grounds: row.equalityGrounds as EqualityGround[],
    partners: row.partners,
    start_year: row.startYear,
    end_year: row.endYear,
    // Each year apart, and money given for the whole period with that period named.
    budget: row.budget.map((b) => ({
      year: b.year,
      period_start: b.year ?? row.startYear ?? row.periodStart,
      period_end: b.year ?? row.endYear ?? row.periodEnd,
      amount_dkk: b.amount_dkk === null ? null : Math.round(b.amount_dkk),
      fte: b.fte,
    })),
  };
}
