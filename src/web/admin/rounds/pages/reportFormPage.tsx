// A reporter's answer for one initiative or goal: rating, progress, the year's
// numbers and a narrative; "Gem kladde" or "Indsend". Guarded by the answer's
// version like the initiative editor: when someone saved first, say so and keep
// the user's values. Read-only once the round no longer takes answers.
import { formatDanishDate } from "../../../../domain/danishDate.ts";
import type { RoundState } from "../../../../domain/enums.ts";
import { ratings } from "../../../../domain/enums.ts";
import { ratingLabels } from "../../../../domain/labels.ts";
import { formatNumberDa } from "../../../../domain/numberFormat.ts";
import { reportersMayWrite } from "../../../../domain/roundState.ts";
import { link } from "../../../../http/links.ts";
import { Alert } from "../../../components/Alert.tsx";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { Button, ButtonGroup, TextArea, TextInput } from "../../../components/FormControls.tsx";
import { errorList, type FieldErrors } from "../../form.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import type { ReportValues } from "../schema.ts";
import { AnswerContext } from "./answerContext.tsx";
import { AnswerView, type EditableAnswer } from "./answerView.tsx";
import { AnswerState, RadioGroup, roundName } from "./controls.tsx";

/** The notice after saving, by the `besked` the redirect names. */
export const reportNotices: Record<string, string> = {
  gemt: "Kladden er gemt. Husk at indsende svaret, når det er færdigt.",
  indsendt: "Svaret er indsendt til koordinatoren.",
};

export function answerWritable(answer: EditableAnswer): boolean {
  return (
    answer.report.state !== "accepted" &&
    reportersMayWrite(answer.round.state as RoundState, answer.report.state)
  );
}

export function reportFormPage(
  page: AdminPage,
  answer: EditableAnswer,
  p: { values: ReportValues; errors?: FieldErrors; conflict?: boolean; refused?: string; message?: string },
) {
  const errors = errorList(p.errors ?? {}, ["rating"]);
  const v = p.values;
  const { round, report } = answer;
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const heading = `${answer.kind === "goal" ? "Mål" : "Initiativ"}: ${answer.subject}`;
  const writable = answerWritable(answer);
  return (
    <AdminShell
      page={page}
      title={`${errors.length ? "Fejl: " : ""}${heading}`}
      currentPath="/admin/indmeldinger"
      breadcrumbs={[
        { href: "/admin", text: "Oversigt" },
        { href: "/admin/indmeldinger", text: "Mine indmeldinger" },
        { text: answer.subject },
      ]}
    >
      <h1>{heading}</h1>
      <p class="font-lead">
        {`${answer.administrationName} (${answer.administrationCode}) · ${roundName(round)} · frist ${formatDanishDate(round.deadline)}`}
      </p>
      <p>
        <AnswerState round={round} state={report.state} />
      </p>
      {p.message && <Alert variant="success">{p.message}</Alert>}
      {p.refused && (
        <Alert variant="error" heading="Svaret er ikke gemt">
          {p.refused}
        </Alert>
      )}
      {p.conflict && (
        <Alert variant="error" heading="En anden har gemt først">
          <p class="alert-text">
            Svaret er ændret, siden du åbnede det, så dine ændringer er ikke gemt. Her er, hvad der nu er
            gemt:
          </p>
          <AnswerView answer={answer} threshold={page.suppressionThreshold} />
          <p class="alert-text">Dine værdier står stadig i formularen. Gem igen for at anvende dem.</p>
        </Alert>
      )}
      {report.state === "returned" && report.returnComment && (
        <Alert variant="warning" heading="Svaret er sendt retur af koordinatoren">
          <p class="alert-text">{report.returnComment}</p>
          <p class="alert-text">Ret svaret, og indsend det igen.</p>
        </Alert>
      )}
      <AnswerContext answer={answer} />
      {!writable ? (
        <>
          <Alert variant="info">
            {round.state === "locked"
              ? "Runden er låst. Svaret kan ikke længere ændres."
              : report.state === "accepted"
                ? "Koordinatoren har godkendt svaret, så det kan ikke længere ændres."
                : "Runden tager ikke imod svar lige nu, så svaret kan ikke ændres."}
          </Alert>
          <AnswerView answer={answer} threshold={page.suppressionThreshold} />
        </>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <h2>Dit svar</h2>
          <form method="post" action={link(`/admin/indmeldinger/${report.id}`)} novalidate>
            <CsrfField token={page.csrf} />
            <input type="hidden" name="version" value={String(report.version)} />
            <RadioGroup
              id="rating"
              name="rating"
              legend="Vurdering"
              value={v.rating ?? ""}
              options={ratings.map((r) => ({ value: r, text: ratingLabels[r] }))}
              error={err("rating-option1")}
            />
            <TextInput
              id="progressPct"
              name="progressPct"
              label="Fremdrift i procent"
              optionalLabel
              hint="Hvor langt er I nået med det, der er planlagt? Et helt tal fra 0 til 100."
              value={v.progressPct ?? ""}
              inputmode="numeric"
              widthClass="input-width-xs"
              suffix="%"
              error={err("progressPct")}
            />
            <h2>{`Årets tal (${round.period})`}</h2>
            {answer.kind === "initiative" && (
              <>
                <TextInput
                  id="spendDkk"
                  name="spendDkk"
                  label="Forbrug i kroner"
                  optionalLabel
                  hint="Fx 1.250.000 eller 1,25 mio."
                  value={v.spendDkk ?? ""}
                  inputmode="decimal"
                  widthClass="input-width-m"
                  suffix="kr."
                  error={err("spendDkk")}
                />
                <TextInput
                  id="fte"
                  name="fte"
                  label="Årsværk"
                  optionalLabel
                  hint="Fx 2,5"
                  value={v.fte ?? ""}
                  inputmode="decimal"
                  widthClass="input-width-s"
                  error={err("fte")}
                />
              </>
            )}
            {answer.annualTargets.map((t) => (
              <TextInput
                id={`target-${t.id}`}
                name={`target-${t.id}`}
                label={`Årsmål: ${t.metric}, faktisk`}
                optionalLabel
                hint={
                  t.targetValue === null
                    ? undefined
                    : `Målet er ${formatNumberDa(t.targetValue)}${t.unit ? ` ${t.unit}` : ""}.`
                }
                value={v[`target-${t.id}`] ?? ""}
                inputmode="decimal"
                widthClass="input-width-s"
                error={err(`target-${t.id}`)}
              />
            ))}
            {answer.indicators.map((i) => (
              <fieldset class="mt-5">
                <legend class="h4">{`Indikator: ${i.title}`}</legend>
                <TextInput
                  id={`obs-${i.id}`}
                  name={`obs-${i.id}`}
                  label={`Værdi for ${round.period}${i.unit ? ` (${i.unit})` : ""}`}
                  optionalLabel
                  value={v[`obs-${i.id}`] ?? ""}
                  inputmode="decimal"
                  widthClass="input-width-s"
                  error={err(`obs-${i.id}`)}
                />
                <TextInput
                  id={`obs-${i.id}-n`}
                  name={`obs-${i.id}-n`}
                  label="Antal personer, tallet bygger på"
                  optionalLabel
                  hint={`Tal, der bygger på færre end ${page.suppressionThreshold} personer, vises aldrig offentligt.`}
                  value={v[`obs-${i.id}-n`] ?? ""}
                  inputmode="numeric"
                  widthClass="input-width-xs"
                  error={err(`obs-${i.id}-n`)}
                />
              </fieldset>
            ))}
            {answer.kind === "goal" && answer.indicators.length === 0 && (
              <p>Målet har ingen indikatorer. Beskriv udviklingen i beretningen.</p>
            )}
            <TextArea
              id="narrative"
              name="narrative"
              label="Beretning"
              optionalLabel
              hint="Hvad er der sket i året? Skriv til udvalget; brug tom linje mellem afsnit."
              error={err("narrative")}
              rows={10}
              wide
              value={v.narrative ?? ""}
            />
            <ButtonGroup>
              <Button name="action" value="save" variant="secondary">
                Gem kladde
              </Button>
              <Button name="action" value="submit">
                Indsend
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
      <p>
        <a href={link("/admin/indmeldinger")}>Tilbage til mine indmeldinger</a>
      </p>
    </AdminShell>
  );
}
