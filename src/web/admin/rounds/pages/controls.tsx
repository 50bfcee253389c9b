// Small pieces the round pages share: a DKFDS radio group (fieldset + legend),
// the answer state badge, and the "late" mark that says it in words.
import type { ReportState } from "../../../../domain/enums.ts";
import { reportStateLabels } from "../../../../domain/labels.ts";
import { ErrorMessage, FormGroup } from "../../../components/FormControls.tsx";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import type { BadgeVariant } from "../../../labels.ts";

export interface RadioOption {
  value: string;
  text: string;
}

/** Radio buttons in a fieldset; ids are `<id>-option1…`, so an error link can focus the first. */
export function RadioGroup(p: {
  id: string;
  name: string;
  legend: string;
  options: readonly RadioOption[];
  value?: string | null;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <FormGroup error={p.error}>
      <fieldset aria-describedby={p.error ? `${p.id}-error` : undefined}>
        <legend class="form-label">{p.legend}</legend>
        {p.error && <ErrorMessage id={p.id} text={p.error} />}
        {p.options.map((o, i) => (
          <div class="form-group-radio">
            <input
              type="radio"
              class="form-radio"
              id={`${p.id}-option${i + 1}`}
              name={p.name}
              value={o.value}
              checked={o.value === p.value}
              disabled={p.disabled}
            />
            <label class="form-label" for={`${p.id}-option${i + 1}`}>
              {o.text}
            </label>
          </div>
        ))}
      </fieldset>
    </FormGroup>
  );
}

const reportStateVariants: Record<ReportState, BadgeVariant> = {
  draft: "neutral",
  submitted: "info",
  returned: "warning",
  accepted: "success",
};

export function ReportStateBadge({ state }: { state: string }) {
  const s = state as ReportState;
  return (
    <StatusBadge text={reportStateLabels[s] ?? state} variant={reportStateVariants[s]} srPrefix="Status:" />
  );
}

/** Past the deadline and not submitted: written out, the colour only repeats it. */
export function LateMark() {
  return <StatusBadge text="Forsinket" variant="error" />;
}

/** A round's name: its title, or kind and period. */
export function roundName(round: { title: string | null; period: string }): string {
  return round.title ?? `Statusrunde ${round.period}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A late answer: the deadline has passed and it is still a draft or returned, in a round not locked. */
export function isLate(
  round: { deadline: string; state: string },
  reportState: string,
  on = today(),
): boolean {
  return (
    on > round.deadline && round.state !== "locked" && (reportState === "draft" || reportState === "returned")
  );
}

/** An answer's state, with the "late" mark after it when it is late (`on` is today by default). */
export function AnswerState(p: { round: { deadline: string; state: string }; state: string; on?: string }) {
  return (
    <>
      <ReportStateBadge state={p.state} />
      {isLate(p.round, p.state, p.on) && (
        <>
          {" "}
          <LateMark />
        </>
      )}
    </>
  );
}
