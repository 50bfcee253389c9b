// The status round's state machine: draft → open → in_review → locked.
// In review a coordinator may reopen (answers returned need the round open).
import type { RoundState } from "./enums.ts";

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
