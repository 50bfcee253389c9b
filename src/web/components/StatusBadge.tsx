// DKFDS badge (components/badge/badges.njk). The status is always written
// out; the colour only repeats it (WCAG 1.4.1, use of colour).
import type {
  FundingStatus,
  InitiativeStatus,
  ProgressStatus,
  Rating,
  RoundState,
} from "../../domain/enums.ts";
import {
  type BadgeVariant,
  FUNDING_LABELS,
  INITIATIVE_STATUS_LABELS,
  PROGRESS_LABELS,
  RATING_LABELS,
  ROUND_STATE_LABELS,
} from "../labels.ts";
import { html } from "./markup.ts";

export interface StatusBadgeProps {
  text: string;
  variant?: BadgeVariant;
  /** Read before the text by screen readers, e.g. "Status:". */
  srPrefix?: string;
}

export function StatusBadge({ text, variant = "neutral", srPrefix }: StatusBadgeProps) {
  const cls = variant === "neutral" ? "badge" : `badge badge-${variant}`;
  return html`<span class="${cls}">${srPrefix && html`<span class="sr-only">${srPrefix} </span>`}${text}</span>`;
}

export function RatingBadge({ rating }: { rating: Rating }) {
  return StatusBadge({ ...RATING_LABELS[rating], srPrefix: "Vurdering:" });
}

export function ProgressBadge({ progress }: { progress: ProgressStatus }) {
  return StatusBadge({ ...PROGRESS_LABELS[progress], srPrefix: "Fremgang:" });
}

export function FundingBadge({ funding }: { funding: FundingStatus }) {
  return StatusBadge({ ...FUNDING_LABELS[funding], srPrefix: "Finansiering:" });
}

export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  return StatusBadge({ ...INITIATIVE_STATUS_LABELS[status], srPrefix: "Status:" });
}

export function RoundStateBadge({ state }: { state: RoundState }) {
  return StatusBadge({ ...ROUND_STATE_LABELS[state], srPrefix: "Status:" });
}
