// The enumerations of the domain model (DESIGN.md §2). The database checks,
// the API schemas and the UI labels all derive from these lists.
import { z } from "zod";

export const policyKinds = ["policy", "action_plan", "committee_action_plan", "status_report"] as const;
export type PolicyKind = (typeof policyKinds)[number];

export const policyStatuses = ["draft", "in_hearing", "adopted", "archived"] as const;
export type PolicyStatus = (typeof policyStatuses)[number];

export const indicatorDirections = ["increase", "decrease", "maintain"] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

export const fundingStatuses = [
  "within_frame",
  "in_budget_process",
  "requires_separate_funding",
  "funded",
  "unknown",
] as const;
export type FundingStatus = (typeof fundingStatuses)[number];

export const equalityGrounds = [
  "gender",
  "race_ethnicity",
  "religion_belief",
  "age",
  "disability",
  "sexual_orientation",
  "gender_identity",
  "gender_expression",
  "sex_characteristics",
] as const;
export type EqualityGround = (typeof equalityGrounds)[number];

export const goalKinds = ["goal", "result_goal"] as const;
export type GoalKind = (typeof goalKinds)[number];

export const initiativeStatuses = [
  "planned",
  "ongoing",
  "completed",
  "paused",
  "cancelled",
  "unknown",
] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

export const roundKinds = ["annual", "midterm", "final"] as const;
export type RoundKind = (typeof roundKinds)[number];

export const roundStates = ["draft", "open", "in_review", "locked"] as const;
export type RoundState = (typeof roundStates)[number];

export const ratings = [
  "on_track",
  "at_risk",
  "off_track",
  "completed",
  "not_started",
  "paused_awaiting_funding",
] as const;
export type Rating = (typeof ratings)[number];

export const reportStates = ["draft", "submitted", "returned", "accepted"] as const;
export type ReportState = (typeof reportStates)[number];

export const progressStatuses = [
  "target_achieved",
  "substantial_progress",
  "moderate_progress",
  "limited_progress",
  "deterioration",
  "not_available",
] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

export const roles = ["admin", "coordinator", "reporter", "viewer"] as const;
export type Role = (typeof roles)[number];

export const candidateStates = ["pending", "accepted", "rejected"] as const;
export type CandidateState = (typeof candidateStates)[number];

export const inquiryStates = ["new", "drafting", "approved", "sent"] as const;
export type InquiryState = (typeof inquiryStates)[number];

export const hearingStates = ["draft", "open", "closed", "summarized"] as const;
export type HearingState = (typeof hearingStates)[number];

export const respondentKinds = ["committee", "council", "organisation", "citizen", "administration"] as const;
export type RespondentKind = (typeof respondentKinds)[number];

export const zFundingStatus = z.enum(fundingStatuses);
export const zEqualityGround = z.enum(equalityGrounds);
export const zIndicatorDirection = z.enum(indicatorDirections);
export const zRole = z.enum(roles);
export const zRating = z.enum(ratings);
export const zProgressStatus = z.enum(progressStatuses);
export const zInquiryState = z.enum(inquiryStates);
export const zHearingState = z.enum(hearingStates);

/** Narrows an unknown string to one of an enumeration's values (for CSV import and query strings). */
export function isOneOf<const T extends readonly string[]>(values: T, value: unknown): value is T[number] {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

/** Documents of this kind are a hearing respondent's attachment: never public. */
export const HEARING_ATTACHMENT_KIND = "hearing_attachment";
