// The reporter's answer form: values from the stored answer (pre-filled), and
// the posted fields parsed into the saver's input or Danish errors per field.
import type { StatusReportSaveInput } from "../../../commands/rounds/statusReportSaver.ts";
import { parseDanishNumber } from "../../../domain/danishNumber.ts";
import { ratings } from "../../../domain/enums.ts";
import { parseDkk, parseFte } from "../../../domain/money.ts";
import { formatNumberDa } from "../../../domain/numberFormat.ts";
import type { AnswerNumbers } from "../../../reports/roundAnswers.ts";
import type { FieldError } from "../../components/ErrorSummary.tsx";
import type { EditableAnswer } from "./answerView.tsx";

export interface ReportValues {
  rating: string;
  progressPct: string;
  narrative: string;
  spendDkk: string;
  fte: string;
  /** Annual target id → actual value as typed. */
  targets: Record<string, string>;
  /** Indicator id → the round period's value and number of persons, as typed. */
  observations: Record<string, { value: string; n: string }>;
}

const num = (v: number | null | undefined, decimals = 2) => (v == null ? "" : formatNumberDa(v, decimals));

export function storedValues(answer: EditableAnswer): ReportValues {
  const r = answer.report;
  const numbers = (r.numbers ?? {}) as AnswerNumbers;
  const targets: ReportValues["targets"] = {};
  for (const t of answer.annualTargets) {
    const mine = numbers.annualTargets?.find((x) => x.id === t.id);
    targets[t.id] = num(mine ? mine.actualValue : null);
  }
  const observations: ReportValues["observations"] = {};
  for (const i of answer.indicators) {
    const o = numbers.observations?.find((x) => x.indicatorId === i.id && x.period === answer.round.period);
    observations[i.id] = { value: num(o?.value, 4), n: o?.n == null ? "" : String(o.n) };
  }
  return {
    rating: r.rating ?? "",
    progressPct: r.progressPct === null ? "" : String(r.progressPct),
    narrative: r.narrative ?? "",
    spendDkk: num(numbers.spendDkk, 0),
    fte: num(numbers.fte),
    targets,
    observations,
  };
}

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export function postedValues(answer: EditableAnswer, body: Record<string, unknown>): ReportValues {
  const targets: ReportValues["targets"] = {};
  for (const t of answer.annualTargets) targets[t.id] = text(body[`target-${t.id}`]);
  const observations: ReportValues["observations"] = {};
  for (const i of answer.indicators)
    observations[i.id] = { value: text(body[`obs-${i.id}`]), n: text(body[`obs-${i.id}-n`]) };
  return {
    rating: text(body.rating),
    progressPct: text(body.progressPct),
    narrative: typeof body.narrative === "string" ? body.narrative.replace(/\r\n/g, "\n").trim() : "",
    spendDkk: text(body.spendDkk),
    fte: text(body.fte),
    targets,
    observations,
  };
}

export function checkReport(
  answer: EditableAnswer,
  v: ReportValues,
  submit: boolean,
): { input: Omit<StatusReportSaveInput, "id" | "version">; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rating = (ratings as readonly string[]).includes(v.rating)
    ? (v.rating as (typeof ratings)[number])
    : null;
  if (v.rating && !rating) errors.push({ fieldId: "rating-option1", message: "Vælg en af vurderingerne." });
  else if (submit && !rating)
    errors.push({ fieldId: "rating-option1", message: "Vælg en vurdering, før du indsender svaret." });
  let progressPct: number | null = null;
  if (v.progressPct) {
    const p = /^\d{1,3}$/.test(v.progressPct.replace(/\s*%$/, ""))
      ? Number(v.progressPct.replace(/\s*%$/, ""))
      : -1;
    if (p < 0 || p > 100)
      errors.push({ fieldId: "progressPct", message: "Skriv fremdriften som et helt tal fra 0 til 100." });
    else progressPct = p;
  }
  if (v.narrative.length > 20_000)
    errors.push({ fieldId: "narrative", message: "Beretningen må højst være 20.000 tegn." });
  const numbers: NonNullable<StatusReportSaveInput["numbers"]> = {};
  if (answer.kind === "initiative") {
    const spend = parseDkk(v.spendDkk);
    if (!spend.ok) errors.push({ fieldId: "spendDkk", message: spend.error });
    else if (spend.value !== null && spend.value < 0)
      errors.push({ fieldId: "spendDkk", message: "Forbruget kan ikke være negativt." });
    else numbers.spendDkk = spend.value;
    const fte = parseFte(v.fte);
    if (!fte.ok) errors.push({ fieldId: "fte", message: fte.error });
    else numbers.fte = fte.value;
  }
  if (answer.annualTargets.length) {
    numbers.annualTargets = [];
    for (const t of answer.annualTargets) {
      const raw = v.targets[t.id] ?? "";
      const parsed = parseDanishNumber(raw);
      const value = parsed.ok ? parsed.value : null;
      if (!parsed.ok)
        errors.push({
          fieldId: `target-${t.id}`,
          message: `Skriv det faktiske tal for ”${t.metric}” som et tal.`,
        });
      numbers.annualTargets.push({ id: t.id, actualValue: value });
    }
  }
  if (answer.indicators.length) {
    numbers.observations = [];
    for (const i of answer.indicators) {
      const raw = v.observations[i.id] ?? { value: "", n: "" };
      const parsed = parseDanishNumber(raw.value);
      const value = parsed.ok ? parsed.value : null;
      if (!parsed.ok)
        errors.push({ fieldId: `obs-${i.id}`, message: `Skriv værdien for ”${i.title}” som et tal.` });
      const n = raw.n ? (/^\d{1,9}$/.test(raw.n) ? Number(raw.n) : -1) : null;
      if (n === -1)
        errors.push({
          fieldId: `obs-${i.id}-n`,
          message: `Skriv antal personer for ”${i.title}” som et helt tal.`,
        });
      if (raw.n && !raw.value)
        errors.push({
          fieldId: `obs-${i.id}`,
          message: `Skriv værdien for ”${i.title}”, eller fjern antallet.`,
        });
      if (value !== null)
        numbers.observations.push({
          indicatorId: i.id,
          period: answer.round.period,
          value,
          n: n === -1 ? null : n,
        });
    }
  }
  return {
    input: { rating, progressPct, narrative: v.narrative || null, numbers, submit },
    errors,
  };
}
