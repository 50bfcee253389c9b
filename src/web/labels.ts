// Status badges for the domain's enumerations: the Danish text comes from
// domain/labels.ts (one wording everywhere: pages, reports, exports); this
// file only adds which DKFDS badge colour goes with each value. Typed as
// Records over the enum types, so a new value fails the type check here.
import type { FundingStatus, InitiativeStatus, ProgressStatus, Rating, RoundState } from "../domain/enums.ts";
import {
  fundingStatusLabels,
  initiativeStatusLabels,
  progressStatusLabels,
  ratingLabels,
  roundStateLabels,
} from "../domain/labels.ts";

/** DKFDS badge variants (`.badge-info` …); "neutral" is the plain `.badge`. */
export type BadgeVariant = "neutral" | "info" | "success" | "warning" | "error";

export interface StatusLabel {
  text: string;
  variant: BadgeVariant;
}

function withVariants<K extends string>(
  texts: Record<K, string>,
  variants: Record<K, BadgeVariant>,
): Record<K, StatusLabel> {
  const out = {} as Record<K, StatusLabel>;
  for (const key of Object.keys(variants) as K[]) out[key] = { text: texts[key], variant: variants[key] };
  return out;
}

export const RATING_LABELS = withVariants<Rating>(ratingLabels, {
  on_track: "success",
  at_risk: "warning",
  off_track: "error",
  completed: "success",
  not_started: "neutral",
  paused_awaiting_funding: "warning",
});

export const PROGRESS_LABELS = withVariants<ProgressStatus>(progressStatusLabels, {
  target_achieved: "success",
  substantial_progress: "success",
  moderate_progress: "info",
  limited_progress: "warning",
  deterioration: "error",
  not_available: "neutral",
});

export const FUNDING_LABELS = withVariants<FundingStatus>(fundingStatusLabels, {
  within_frame: "info",
  in_budget_process: "warning",
  requires_separate_funding: "warning",
  funded: "success",
  unknown: "neutral",
});

export const INITIATIVE_STATUS_LABELS = withVariants<InitiativeStatus>(initiativeStatusLabels, {
  planned: "neutral",
  ongoing: "info",
  completed: "success",
  paused: "warning",
  cancelled: "error",
  unknown: "neutral",
});

export const ROUND_STATE_LABELS = withVariants<RoundState>(roundStateLabels, {
  draft: "neutral",
  open: "info",
  in_review: "warning",
  locked: "success",
});
