// The status round forms: their fields as the pages show them again, the command input they
// become, and the Danish text for each field a command may refuse (form.ts reads them).
// The commands' own schemas hold the rules; the forms add only what a person types
// differently from the API (a Danish date or number, a choice among the options shown).
import { z } from "zod";
import type { reminderSender } from "../../../commands/rounds/reminderSender.ts";
import { type RoundOpenInput, roundOpenSchema } from "../../../commands/rounds/roundOpener.ts";
import type { roundStateChanger } from "../../../commands/rounds/roundStateChanger.ts";
import {
  type statusReportReviewer,
  statusReportReviewSchema,
} from "../../../commands/rounds/statusReportReviewer.ts";
import {
  type StatusReportSaveInput,
  statusReportSaveSchema,
} from "../../../commands/rounds/statusReportSaver.ts";
import type { RoundState } from "../../../domain/enums.ts";
import { ratings } from "../../../domain/enums.ts";
import { formatNumberDa } from "../../../domain/numberFormat.ts";
import type { AnswerNumbers } from "../../../reports/roundAnswers.ts";
import { type AdminForm, formList, formText } from "../form.ts";
import { danishDate, danishDkk, danishFte, danishNumber, wholeNumber } from "../formReaders.ts";
import type { EditableAnswer } from "./pages/answerView.tsx";

/** A text field as the page shows it again: without the spaces around it. */
const trimmed = formText.transform((s) => s.trim());
const trimmedList = formList.transform((l) => l.map((s) => s.trim()).filter(Boolean));

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

const openShape = roundOpenSchema.shape;

/** Opening a round, choosing among `options` (what the page offered); `today` bounds the deadline. */
export const newRoundForm = (
  options: { policies: readonly { id: string }[]; administrations: readonly { code: string }[] },
  today: string,
): AdminForm<NewRoundValues, RoundOpenInput> => ({
  fields: z.object({
    policyId: trimmed,
    kind: trimmed,
    period: trimmed,
    title: trimmed,
    deadline: trimmed,
    administrations: trimmedList,
    reminderDaysBefore: trimmed,
  }),
  input: z.object({
    policyId: z.string().refine((id) => options.policies.some((p) => p.id === id), "Vælg en politik."),
    kind: openShape.kind,
    period: openShape.period,
    title: z
      .string()
      .transform((t) => t || undefined)
      .pipe(openShape.title),
    deadline: z
      .string()
      .min(1)
      .pipe(danishDate())
      .refine((d) => d >= today, "Fristen kan ikke ligge før i dag."),
    // Every ticked box must be one the page showed; the command's own rule wants at least one.
    administrations: z
      .array(z.string())
      .refine(
        (codes) => codes.every((c) => options.administrations.some((a) => a.code === c)),
        "Vælg mindst én forvaltning, der skal indmelde.",
      )
      .pipe(openShape.administrations),
    reminderDaysBefore: z
      .string()
      .regex(/^\d{1,2}$/)
      .transform(Number)
      .pipe(openShape.reminderDaysBefore.unwrap()),
  }),
  rules: roundOpenSchema,
  messages: {
    policyId: "Vælg en politik.",
    kind: "Vælg, hvilken slags runde det er.",
    period: "Skriv perioden, runden gælder, fx 2025.",
    title: "Titlen må højst være 300 tegn.",
    deadline: "Skriv fristen for indmeldinger.",
    administrations: "Vælg mindst én forvaltning, der skal indmelde.",
    reminderDaysBefore: "Skriv antal dage før fristen som et helt tal fra 0 til 60.",
  },
  missing: { field: "policyId", message: "Vælg en politik." },
});

/**
 * The reporter's answer as typed: rating, progress, narrative, spend and FTE, and one field
 * per annual target (`target-<id>`) and per indicator (`obs-<id>`, `obs-<id>-n`).
 */
export type ReportValues = Record<string, string>;

const num = (v: number | null | undefined, decimals = 2) => (v == null ? "" : formatNumberDa(v, decimals));

/** The stored answer as the form shows it (pre-filled from the last round where it was new). */
export function storedValues(answer: EditableAnswer): ReportValues {
  const r = answer.report;
  const numbers = (r.numbers ?? {}) as AnswerNumbers;
  const values: ReportValues = {
    rating: r.rating ?? "",
    progressPct: r.progressPct === null ? "" : String(r.progressPct),
    narrative: r.narrative ?? "",
    spendDkk: num(numbers.spendDkk, 0),
    fte: num(numbers.fte),
  };
  for (const t of answer.annualTargets) {
    const mine = numbers.annualTargets?.find((x) => x.id === t.id);
    values[`target-${t.id}`] = num(mine ? mine.actualValue : null);
  }
  for (const i of answer.indicators) {
    const o = numbers.observations?.find((x) => x.indicatorId === i.id && x.period === answer.round.period);
    values[`obs-${i.id}`] = num(o?.value, 4);
    values[`obs-${i.id}-n`] = o?.n == null ? "" : String(o.n);
  }
  return values;
}

const saveShape = statusReportSaveSchema.shape;
const numbersShape = saveShape.numbers.unwrap().shape;

const fieldNames = (answer: EditableAnswer) => [
  "rating",
  "progressPct",
  "narrative",
  ...(answer.kind === "initiative" ? ["spendDkk", "fte"] : []),
  ...answer.annualTargets.map((t) => `target-${t.id}`),
  ...answer.indicators.flatMap((i) => [`obs-${i.id}`, `obs-${i.id}-n`]),
];

/** What each answer field holds once read: the rules for spend, FTE, progress are the saver's. */
function answerReaders(answer: EditableAnswer) {
  const readers: Record<string, z.ZodType> = {
    rating: z
      .string()
      .refine((r) => r === "" || (ratings as readonly string[]).includes(r), "Vælg en af vurderingerne.")
      .transform((r) => (r || null) as (typeof ratings)[number] | null),
    progressPct: z
      .string()
      .transform((p) => p.replace(/\s*%$/, ""))
      .pipe(wholeNumber("Skriv fremdriften som et helt tal fra 0 til 100.", 3))
      .pipe(saveShape.progressPct.unwrap()),
    narrative: z
      .string()
      .transform((n) => n.replace(/\r\n/g, "\n").trim() || null)
      .pipe(saveShape.narrative.unwrap()),
  };
  if (answer.kind === "initiative") {
    readers.spendDkk = danishDkk().pipe(numbersShape.spendDkk.unwrap());
    readers.fte = danishFte().pipe(numbersShape.fte.unwrap());
  }
  for (const t of answer.annualTargets)
    readers[`target-${t.id}`] = danishNumber(() => `Skriv det faktiske tal for ”${t.metric}” som et tal.`);
  for (const i of answer.indicators) {
    readers[`obs-${i.id}`] = danishNumber(() => `Skriv værdien for ”${i.title}” som et tal.`);
    readers[`obs-${i.id}-n`] = wholeNumber(`Skriv antal personer for ”${i.title}” som et helt tal.`, 9);
  }
  return readers;
}

/** The reporter's answer, saved as a draft or (`action` "submit") submitted. */
export const reportForm = (
  answer: EditableAnswer,
): AdminForm<ReportValues & { version: string; action: string }, StatusReportSaveInput> => ({
  fields: z.object(
    Object.fromEntries(["version", "action", ...fieldNames(answer)].map((name) => [name, trimmed])),
  ) as unknown as z.ZodType<ReportValues & { version: string; action: string }>,
  input: z
    .looseObject(answerReaders(answer))
    .superRefine((v, ctx) => {
      // A number of persons says what a value rests on: without the value it means nothing.
      for (const i of answer.indicators)
        if (v[`obs-${i.id}-n`] !== null && v[`obs-${i.id}`] === null)
          ctx.addIssue({
            code: "custom",
            path: [`obs-${i.id}`],
            message: `Skriv værdien for ”${i.title}”, eller fjern antallet.`,
          });
    })
    .transform((v): StatusReportSaveInput => {
      const read = v as Record<string, unknown>;
      const numbers: NonNullable<StatusReportSaveInput["numbers"]> = {};
      if (answer.kind === "initiative") {
        numbers.spendDkk = read.spendDkk as number | null;
        numbers.fte = read.fte as number | null;
      }
      if (answer.annualTargets.length)
        numbers.annualTargets = answer.annualTargets.map((t) => ({
          id: t.id,
          actualValue: read[`target-${t.id}`] as number | null,
        }));
      if (answer.indicators.length)
        numbers.observations = answer.indicators.flatMap((i) => {
          const value = read[`obs-${i.id}`] as number | null;
          return value === null
            ? []
            : [
                {
                  indicatorId: i.id,
                  period: answer.round.period,
                  value,
                  n: read[`obs-${i.id}-n`] as number | null,
                },
              ];
        });
      return {
        id: answer.report.id,
        version: Number(read.version),
        rating: read.rating as StatusReportSaveInput["rating"],
        progressPct: read.progressPct as number | null,
        narrative: read.narrative as string | null,
        numbers,
        submit: read.action === "submit",
      };
    }),
  rules: statusReportSaveSchema,
  messages: {
    rating: "Vælg en vurdering, før du indsender svaret.",
    progressPct: "Skriv fremdriften som et helt tal fra 0 til 100.",
    narrative: "Beretningen må højst være 20.000 tegn.",
    spendDkk: (issue) =>
      issue.code === "too_small"
        ? "Forbruget kan ikke være negativt."
        : "Forbruget kan højst være 1.000.000.000.000 kr.",
    fte: "Skriv højst 100.000 årsværk.",
  },
});

/** Returning an answer to its administration: the comment says what to correct. */
export const returnForm = (
  id: string,
): AdminForm<{ version: string; comment: string }, Parameters<typeof statusReportReviewer>[1]> => ({
  fields: z.object({ version: formText, comment: trimmed }),
  input: z
    .object({
      version: z.string(),
      comment: z.string().min(1).pipe(statusReportReviewSchema.shape.comment.unwrap()),
    })
    .transform((v) => ({ id, version: Number(v.version), action: "return" as const, comment: v.comment })),
  rules: statusReportReviewSchema,
  messages: {
    comment: (issue) =>
      issue.code === "too_small"
        ? "Skriv, hvad forvaltningen skal rette."
        : "Kommentaren må højst være 5.000 tegn.",
  },
});

/** Accepting an answer: the version the coordinator saw. */
export const acceptForm = (
  id: string,
): AdminForm<{ version: string }, Parameters<typeof statusReportReviewer>[1]> => ({
  fields: z.object({ version: formText }),
  input: (v) => ({ id, version: Number(v.version), action: "accept" }),
  messages: { version: "Siden er forældet. Genindlæs den, og prøv igen." },
});

/** A round's new state, confirmed on its own page. */
export const stateForm = (
  id: string,
): AdminForm<{ version: string; to: string }, Parameters<typeof roundStateChanger>[1]> => ({
  fields: z.object({ version: formText, to: formText }),
  input: (v) => ({ id, version: Number(v.version), to: v.to as RoundState }),
  messages: { to: "Vælg en tilstand, runden kan få." },
});

/** Reminders: from an administration's row only that one, from above the table every late one. */
export const reminderForm = (
  roundId: string,
): AdminForm<{ administrationId: string }, Parameters<typeof reminderSender>[1]> => ({
  fields: z.object({ administrationId: trimmed }),
  input: (v) => ({ roundId, ...(v.administrationId ? { administrationIds: [v.administrationId] } : {}) }),
  messages: { administrationIds: "Vælg en forvaltning i runden." },
});
