// The "open a round" form: raw fields in, either the command's input or Danish
// errors per field out (the command's zod schema speaks English for the API).

import type { RoundOpenInput } from "../../../commands/rounds/roundOpener.ts";
import { parseDanishDate } from "../../../domain/danishDate.ts";
import { roundKinds } from "../../../domain/enums.ts";
import type { FieldError } from "../../components/ErrorSummary.tsx";

export interface NewRoundValues {
  policyId: string;
  kind: string;
  period: string;
  title: string;
  deadline: string;
  administrations: string[];
  reminderDaysBefore: string;
}

export const emptyNewRound: NewRoundValues = {
  policyId: "",
  kind: "annual",
  period: "",
  title: "",
  deadline: "",
  administrations: [],
  reminderDaysBefore: "5",
};

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export function newRoundValues(body: Record<string, unknown>): NewRoundValues {
  const admins = body.administrations;
  return {
    policyId: text(body.policyId),
    kind: text(body.kind),
    period: text(body.period),
    title: text(body.title),
    deadline: text(body.deadline),
    administrations: (Array.isArray(admins) ? admins : admins ? [admins] : []).map(text).filter(Boolean),
    reminderDaysBefore: text(body.reminderDaysBefore),
  };
}

export function checkNewRound(
  v: NewRoundValues,
  known: { policyIds: readonly string[]; codes: readonly string[] },
  today: string,
): { input: RoundOpenInput; errors: [] } | { input: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!known.policyIds.includes(v.policyId))
    errors.push({ fieldId: "policyId", message: "Vælg en politik." });
  if (!(roundKinds as readonly string[]).includes(v.kind))
    errors.push({ fieldId: "kind-option1", message: "Vælg, hvilken slags runde det er." });
  if (v.period.length < 4 || v.period.length > 20)
    errors.push({ fieldId: "period", message: "Skriv perioden, runden gælder, fx 2025." });
  if (v.title.length > 300) errors.push({ fieldId: "title", message: "Titlen må højst være 300 tegn." });
  const deadline = v.deadline ? parseDanishDate(v.deadline) : null;
  if (!deadline) errors.push({ fieldId: "deadline", message: "Skriv fristen for indmeldinger." });
  else if (!deadline.ok) errors.push({ fieldId: "deadline", message: deadline.error });
  else if (deadline.value < today)
    errors.push({ fieldId: "deadline", message: "Fristen kan ikke ligge før i dag." });
  const chosen = v.administrations.filter((c) => known.codes.includes(c));
  if (chosen.length === 0 || chosen.length !== v.administrations.length)
    errors.push({
      fieldId: "administrations-option1",
      message: "Vælg mindst én forvaltning, der skal indmelde.",
    });
  const days = /^\d{1,2}$/.test(v.reminderDaysBefore) ? Number(v.reminderDaysBefore) : Number.NaN;
  if (!(days >= 0 && days <= 60))
    errors.push({
      fieldId: "reminderDaysBefore",
      message: "Skriv antal dage før fristen som et helt tal fra 0 til 60.",
    });
  if (errors.length) return { input: null, errors };
  return {
    input: {
      policyId: v.policyId,
      kind: v.kind as RoundOpenInput["kind"],
      period: v.period,
      title: v.title || undefined,
      deadline: (deadline as { ok: true; value: string }).value,
      administrations: chosen,
      reminderDaysBefore: days,
    },
    errors: [],
  };
}
