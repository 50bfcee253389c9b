// Why a candidate cannot be placed in the registry yet, in words for both the
// API and the review page: its parent waits for review, or nothing it could
// belong to is in the registry and the reviewer must choose a place.
import { AppError } from "../../errors.ts";
import type { CandidateRow } from "./writer.ts";

const english = (entity: string) => entity.replace(/_/g, " ");

export function placementProblem(
  row: CandidateRow,
  parent: { entity: string; state: string } | null,
): AppError {
  const what = english(row.entity);
  if (parent?.state === "pending")
    return new AppError(
      "invalid_state",
      `The ${what} cannot be accepted before the ${english(parent.entity)} it belongs to is accepted (or give parentId to place it elsewhere).`,
      {
        danish: `Forslaget kan ikke godkendes, før ${definite[parent.entity] ?? "det"}, det hører under, er godkendt. Godkend det først, eller vælg en anden placering.`,
      },
    );
  return new AppError(
    "invalid_state",
    `The ${what} has nothing in the registry to belong to: give parentId to choose where it goes.`,
    { danish: "Det, forslaget hører under, er ikke i registret. Vælg, hvor forslaget skal placeres." },
  );
}

/** The parents' Danish names in the definite form ("politikken"). */
const definite: Record<string, string> = {
  policy: "politikken",
  theme: "temaet",
  goal: "målet",
  initiative: "initiativet",
  indicator: "indikatoren",
};
