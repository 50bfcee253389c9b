// A policy or action plan as the API shows it; administration and committee by code.
// (Enumerated columns are held to their lists by the database's checks, hence the casts.)
import type { EqualityGround, PolicyKind, PolicyStatus } from "../domain/enums.ts";
import type { PolicyRow } from "../queries/policies/policies.ts";

export function presentPolicy(row: PolicyRow) {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as PolicyKind,
    period_start: row.periodStart,
    period_end: row.periodEnd,
    owner_administration: row.ownerAdministration,
    owner_committee: row.ownerCommittee,
    parent_policy_id: row.parentPolicyId,
    adopted_on: row.adoptedOn,
    document_id: row.documentId,
    slug: row.slug,
    status: row.status as PolicyStatus,
    follow_up: row.followUp,
    subtitle: row.subtitle,
    equality_grounds: row.equalityGrounds as EqualityGround[],
  };
}
