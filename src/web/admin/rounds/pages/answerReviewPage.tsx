// The coordinator reads one answer and approves it or returns it with a comment.

import { link } from "../../../../http/links.ts";
import { Alert } from "../../../components/Alert.tsx";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { Button, TextArea } from "../../../components/FormControls.tsx";
import { errorList, type FieldErrors } from "../../form.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import { AnswerView, type EditableAnswer } from "./answerView.tsx";
import { roundName } from "./controls.tsx";

export function answerReviewPage(
  page: AdminPage,
  answer: EditableAnswer,
  opts: { canReview: boolean; comment?: string; errors?: FieldErrors; message?: string },
) {
  const errors = errorList(opts.errors ?? {});
  const { round, report } = answer;
  const base = `/admin/runder/${round.id}/svar/${report.id}`;
  const reviewable =
    opts.canReview && report.state === "submitted" && (round.state === "open" || round.state === "in_review");
  const heading = `${answer.kind === "goal" ? "Mål" : "Initiativ"}: ${answer.subject}`;
  return (
    <AdminShell
      page={page}
      title={`${errors.length ? "Fejl: " : ""}${heading} (${answer.administrationCode})`}
      currentPath="/admin/runder"
      breadcrumbs={[
        { href: "/admin", text: "Oversigt" },
        { href: "/admin/runder", text: "Statusrunder" },
        { href: `/admin/runder/${round.id}`, text: roundName(round) },
        { text: answer.subject },
      ]}
    >
      <h1>{heading}</h1>
      <p class="font-lead">{`${answer.administrationName} (${answer.administrationCode}) · ${roundName(round)}`}</p>
      {opts.message && <Alert variant="success">{opts.message}</Alert>}
      <ErrorSummary errors={errors} />
      <AnswerView answer={answer} threshold={page.suppressionThreshold} />
      {report.returnComment && (
        <Alert variant="info" heading="Kommentar ved retursendelse" headingLevel={2}>
          {report.returnComment}
        </Alert>
      )}
      {reviewable && (
        <>
          <h2>Godkend eller send retur</h2>
          <form method="post" action={link(`${base}/godkend`)}>
            <CsrfField token={page.csrf} />
            <input type="hidden" name="version" value={String(report.version)} />
            <p>
              {answer.kind === "goal"
                ? `Når du godkender, overføres svarets indikatorværdier til registret som målinger for ${round.period}.`
                : "Når du godkender, overføres de faktiske tal for årsmålene til registret. Forbrug og årsværk bliver i svaret."}
            </p>
            <Button>Godkend svaret</Button>
          </form>
          <form method="post" action={link(`${base}/retur`)} class="mt-6">
            <CsrfField token={page.csrf} />
            <input type="hidden" name="version" value={String(report.version)} />
            <TextArea
              id="comment"
              name="comment"
              label="Hvad skal rettes?"
              error={errors.find((e) => e.fieldId === "comment")?.message}
              rows={4}
              value={opts.comment ?? ""}
            />
            <Button variant="secondary">Send retur til forvaltningen</Button>
          </form>
        </>
      )}
      {!reviewable && report.state !== "submitted" && opts.canReview && (
        <p>Svaret kan godkendes eller sendes retur, når forvaltningen har indsendt det.</p>
      )}
      <p>
        <a href={link(`/admin/runder/${round.id}`)}>Tilbage til runden</a>
      </p>
    </AdminShell>
  );
}
