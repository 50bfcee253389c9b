// One inquiry: its facts and questions, the scope of the draft (proposed from
// the question's words, editable), the draft's figures, the answer text, and
// the steps approve → mark as sent, with the Word letter to download. What a
// user may not do is not offered; the commands refuse it anyway.
import { can } from "../../../../authz/can.ts";
import { formatDanishDate } from "../../../../domain/danishDate.ts";
import { equalityGrounds } from "../../../../domain/enums.ts";
import { equalityGroundLabels } from "../../../../domain/labels.ts";
import { link } from "../../../../http/links.ts";
import type { StoredScope } from "../../../../queries/inquiries/draftScope.ts";
import { type InquiryDetail, isOverdue } from "../../../../queries/inquiries/inquiries.ts";
import { leftOutLines } from "../../../../reports/inquiryAnswerText.ts";
import { figureTables } from "../../../../reports/inquiryLetterModel.ts";
import { Alert } from "../../../components/Alert.tsx";
import { SummaryList } from "../../../components/Card.tsx";
import { Button, CheckboxGroup, TextArea, TextInput } from "../../../components/FormControls.tsx";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import { AnswerText, InquiryFigureTables } from "../../../portal/publicInquiries.tsx";
import { danishDateTime } from "../../dates.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import { InquiryStateBadge } from "./listPage.tsx";

export interface ScopeOptions {
  administrations: { code: string; name: string }[];
  policies: { id: string; title: string; periodStart: number | null; periodEnd: number | null }[];
  years: number[];
}

/** The notice after an action, by the `besked` the redirect names. */
export const inquiryNotices: Record<string, string> = {
  oprettet: "Spørgsmålet er registreret.",
  udkast: "Udkastet er lavet ud fra registret. Ret svarteksten, og godkend den.",
  gemt: "Svaret er gemt.",
  godkendt: "Svaret er godkendt. Det kan ikke rettes, medmindre det genåbnes.",
  genaabnet: "Svaret er genåbnet og kan rettes igen.",
  sendt: "Svaret er markeret som sendt og vises nu på portalen.",
};

export interface InquiryPageProps {
  inquiry: InquiryDetail;
  options: ScopeOptions;
  /** The scope to show checked: the stored one once drafted, else the proposal. */
  selected: Omit<StoredScope, "draft">;
  proposed: boolean;
  today: string;
  success?: string;
  error?: { heading: string; text: string };
  /** The user's own text, kept after a refused save. */
  answer?: string;
}

const date = (iso: string | null) => (iso ? formatDanishDate(iso) : "–");

function VersionForm(props: { page: AdminPage; action: string; version: number; children?: unknown }) {
  return (
    <form method="post" action={link(props.action)} class="mb-4">
      <CsrfField token={props.page.csrf} />
      <input type="hidden" name="version" value={String(props.version)} />
      {props.children as never}
    </form>
  );
}

export function inquiryPage(page: AdminPage, p: InquiryPageProps) {
  const q = p.inquiry;
  const base = `/admin/spoergsmaal/${q.id}`;
  const editable = q.state === "new" || q.state === "drafting";
  const mayAnswer = can(page.user, "answer", { entity: "inquiry" });
  const mayManage = can(page.user, "manage", { entity: "inquiry" });
  const overdue = isOverdue(q, p.today);
  const title = `Spørgsmål fra ${q.askedBy}`;
  const yearOptions = [...new Set([...p.options.years, ...p.selected.years])].sort((a, b) => a - b);
  return (
    <AdminShell
      page={page}
      title={`${p.error ? "Fejl: " : ""}${title}`}
      currentPath="/admin/spoergsmaal"
      breadcrumbs={[
        { href: "/admin", text: "Oversigt" },
        { href: "/admin/spoergsmaal", text: "Spørgsmål" },
        { text: title },
      ]}
    >
      <h1>{title}</h1>
      {p.success && <Alert variant="success">{p.success}</Alert>}
      {p.error && (
        <Alert variant="error" heading={p.error.heading}>
          {p.error.text}
        </Alert>
      )}
      {overdue && (
        <Alert variant="warning" heading="Svarfristen er overskredet" paragraph>
          {`Svarfristen var ${date(q.dueOn)}, og svaret er ikke sendt.`}
        </Alert>
      )}
      <SummaryList
        items={[
          { label: "Tilstand", value: <InquiryStateBadge state={q.state} /> },
          { label: "Stillet", value: date(q.askedOn) },
          {
            label: "Svarfrist",
            value: overdue ? (
              <>
                {date(q.dueOn)} <StatusBadge text="Overskredet" variant="error" />
              </>
            ) : (
              date(q.dueOn)
            ),
          },
          {
            label: "Forvaltning",
            value: q.administrations.map((a) => `${a.name} (${a.code})`).join(", ") || "–",
          },
          { label: "Sagsnummer", value: q.caseNumber ?? "–" },
          { label: "Dokumentnummer", value: q.documentNumber ?? "–" },
          ...(q.documentId
            ? [
                {
                  label: "Importeret fra",
                  value: (
                    <a href={link(`/dokumenter/${q.documentId}`)}>{q.documentFilename ?? "dokumentet"}</a>
                  ),
                },
              ]
            : []),
          ...(q.approvedAt ? [{ label: "Godkendt", value: danishDateTime(q.approvedAt) }] : []),
          ...(q.state === "sent" ? [{ label: "Besvaret", value: date(q.answeredOn) }] : []),
          ...(q.signedBy ? [{ label: "Underskrevet af", value: q.signedBy }] : []),
        ]}
      />
      <h2>Spørgsmål</h2>
      <ol>
        {q.questions.map((text) => (
          <li>{text}</li>
        ))}
      </ol>

      {editable && mayAnswer && (
        <>
          <h2>Afgræns svaret</h2>
          <p>
            {p.proposed
              ? "Pejl har foreslået afgrænsningen ud fra spørgsmålets ord. Ret den, og lav udkastet."
              : "Afgrænsningen fra det seneste udkast. Ret den, og lav udkastet igen (det erstatter svarteksten)."}
          </p>
          <VersionForm page={page} action={`${base}/udkast`} version={q.version}>
            <CheckboxGroup
              id="grund"
              name="grund"
              legend="Diskriminationsgrunde"
              hint="Ingen valgt: alle initiativer uanset grund."
              options={equalityGrounds.map((g) => ({ value: g, text: equalityGroundLabels[g] }))}
              checked={p.selected.equalityGrounds}
            />
            <CheckboxGroup
              id="forvaltning"
              name="forvaltning"
              legend="Forvaltninger"
              hint="Ingen valgt: alle forvaltninger."
              options={p.options.administrations.map((a) => ({
                value: a.code,
                text: `${a.name} (${a.code})`,
              }))}
              checked={p.selected.administrations}
            />
            {p.options.policies.length > 0 && (
              <CheckboxGroup
                id="politik"
                name="politik"
                legend="Politikker"
                hint="Ingen valgt: alle politikker."
                options={p.options.policies.map((x) => ({
                  value: x.id,
                  text: `${x.title}${x.periodStart ? ` (${x.periodStart}–${x.periodEnd ?? ""})` : ""}`,
                }))}
                checked={p.selected.policyIds}
              />
            )}
            {yearOptions.length > 0 && (
              <CheckboxGroup
                id="aar"
                name="aar"
                legend="År"
                hint="Ingen valgt: indeværende år."
                options={yearOptions.map((y) => ({ value: String(y), text: String(y) }))}
                checked={p.selected.years.map(String)}
              />
            )}
            <Button>Lav udkast</Button>
          </VersionForm>
        </>
      )}

      {q.scope.draft && (
        <>
          <h2>Udkastets tal fra registret</h2>
          <p>
            {`${q.scope.draft.initiativeCount} initiativer. ${q.scope.draft.withoutBudget} af ${q.scope.draft.initiativeCount} initiativer har ingen registreret økonomi.`}
          </p>
          <InquiryFigureTables tables={figureTables(q.scope.draft)} />
          {leftOutLines(q.scope.draft).length > 0 && (
            <>
              <h3>Ikke medtaget i tallene</h3>
              <ul>
                {leftOutLines(q.scope.draft).map((line) => (
                  <li>{line.replace(/^- /, "")}</li>
                ))}
              </ul>
            </>
          )}
          {q.scope.draft.policies.length > 0 && (
            <p>
              Kilder:{" "}
              {q.scope.draft.policies
                .map((x) => `${x.title}${x.periodStart ? ` (${x.periodStart}–${x.periodEnd ?? ""})` : ""}`)
                .join("; ")}
              .
            </p>
          )}
        </>
      )}

      <h2>Svar</h2>
      {editable && mayAnswer ? (
        <VersionForm page={page} action={`${base}/svar`} version={q.version}>
          <TextArea
            id="answer"
            name="answer"
            label="Svartekst"
            hint="Rettelser gemmes som en ny version. Tom linje adskiller afsnit."
            rows={16}
            value={p.answer ?? q.answer ?? ""}
          />
          <Button variant="secondary">Gem svar</Button>
        </VersionForm>
      ) : q.answer ? (
        <AnswerText text={q.answer} />
      ) : (
        <p>Der er endnu intet svar.</p>
      )}

      {mayManage && q.state === "drafting" && (
        <VersionForm page={page} action={`${base}/godkend`} version={q.version}>
          <Button>Godkend svaret</Button>
        </VersionForm>
      )}
      {mayManage && q.state === "approved" && (
        <>
          <h2>Send svaret</h2>
          <VersionForm page={page} action={`${base}/sendt`} version={q.version}>
            <TextInput
              id="answeredOn"
              name="answeredOn"
              type="date"
              label="Sendt den"
              value={p.today}
              widthClass="input-width-s"
            />
            <TextInput
              id="signedBy"
              name="signedBy"
              label="Underskrevet af"
              optionalLabel
              value={q.signedBy ?? ""}
            />
            <Button>Markér som sendt</Button>
          </VersionForm>
          <VersionForm page={page} action={`${base}/genaabn`} version={q.version}>
            <Button variant="secondary">Genåbn svaret</Button>
          </VersionForm>
        </>
      )}
      {q.answer && (
        <p>
          <a href={link(`${base}/brev.docx`)} download>
            Hent svaret som Word-brev
          </a>
        </p>
      )}
    </AdminShell>
  );
}
