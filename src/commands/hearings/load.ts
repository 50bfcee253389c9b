// Loading a hearing or a response inside a command's transaction (locked for update).
import type { Context } from "../../context.ts";
import { hearingResponses } from "../../db/schema.ts";
import { notFound } from "../../errors.ts";
import { loadHearingDetail } from "../../queries/hearings/hearings.ts";
import { loadForUpdate } from "../versioned.ts";
import { GENERAL_SECTION, goalLabel, type SectionGoal } from "./sections.ts";

export async function responseForUpdate(ctx: Context, id: string, hearingId?: string) {
  const row = await loadForUpdate(ctx, hearingResponses, id, "The hearing response");
  if (hearingId && row.hearingId !== hearingId) throw notFound("The hearing response");
  return row;
}

/** The hearing with its policy's goals (the sections a response may concern). */
export async function hearingWithGoals(ctx: Context, hearingId: string) {
  const detail = await loadHearingDetail(ctx, hearingId);
  if (!detail) throw notFound("The hearing");
  return detail;
}

/**
 * Section labels of the chosen options: a goal's id or "general". Unknown ids
 * are refused, so a form cannot invent sections.
 */
export function chosenSections(goals: readonly SectionGoal[], chosen: readonly string[]): string[] | null {
  const labels: string[] = [];
  for (const value of new Set(chosen)) {
    if (value === "general") labels.push(GENERAL_SECTION);
    else {
      const goal = goals.find((g) => g.id === value);
      if (!goal) return null;
      labels.push(goalLabel(goal));
    }
  }
  return labels;
}
