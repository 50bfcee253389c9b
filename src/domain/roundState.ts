// The status round's state machine: draft → open → in_review → locked.
// In review a coordinator may reopen (answers returned need the round open).
import type { ReportState, RoundState } from "./enums.ts";

const transitions: Record<RoundState, readonly RoundState[]> = {
  draft: ["open"],
  open: ["in_review"],
  in_review: ["open", "locked"],
  locked: [],
};

export function canTransition(from: RoundState, to: RoundState): boolean {
  return transitions[from].includes(to);
}

export function allowedTransitions(from: RoundState): readonly RoundState[] {
  return transitions[from];
}

/** Reporters may write while the round is open; a returned answer can be corrected in review too. */
export function reportersMayWrite(state: RoundState, reportState: string): boolean {
  return state === "open" || (state === "in_review" && reportState === "returned");
}

/**
 * An answer counts (in the board's figures, the roll-up, the committee report, the portal and
 * last round's answer) once submitted or accepted: a draft or a returned answer is still the
 * reporter's work in progress.
 */
export const countedReportStates = ["submitted", "accepted"] as const satisfies readonly ReportState[];

export function answerCounts(reportState: string): boolean {
  return (countedReportStates as readonly string[]).includes(reportState);
}
