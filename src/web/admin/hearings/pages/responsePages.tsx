// Admin: register a response received otherwise, and one response with its
// publication, the administration's comment and erasure of personal data.
import { GENERAL_SECTION, goalLabel } from "../../../../commands/hearings/sections.ts";
import type { hearingResponses } from "../../../../db/schema.ts";
import { respondentKinds } from "../../../../domain/enums.ts";
import { respondentKindLabels } from "../../../../domain/labels.ts";
import { link } from "../../../../http/links.ts";
import type { HearingDetail } from "../../../../queries/hearings/hearings.ts";
import { Alert } from "../../../components/Alert.tsx";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import {
  Button,
  ButtonGroup,
  Checkbox,
  CheckboxGroup,
  FormGroup,
  Select,
  TextArea,
  TextInput,
} from "../../../components/FormControls.tsx";
import { danishDateTime } from "../../dates.ts";
import { errorList } from "../../form.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import type { RegisterValues } from "../schema.ts";
import { HEARINGS_PATH } from "./listPages.tsx";

function crumbs(detail: HearingDetail, last: string) {
  return [
    { text: "Oversigt", href: "/admin" },
    { text: "Høringer", href: HEARINGS_PATH },
    { text: detail.hearing.title, href: `${HEARINGS_PATH}/${detail.hearing.id}` },
    { text: last },
  ];
}

export function registerResponsePage(
  page: AdminPage,
  detail: HearingDetail,
  committees: { code: string; name: string }[],
  values: RegisterValues,
  errors: Record<string, string> = {},
) {
  const list = errorList(errors, ["sections"]);
  const base = `${HEARINGS_PATH}/${detail.hearing.id}`;
  return (
    <AdminShell
      page={page}
      title={list.length ? "Fejl: Registrér høringssvar" : "Registrér høringssvar"}
      currentPath={HEARINGS_PATH}
      breadcrumbs={crumbs(detail, "Registrér høringssvar")}
    >
      <h1>Registrér høringssvar</h1>
      <ErrorSummary errors={list} />
      <form method="post" action={link(`${base}/svar/ny`)} novalidate>
        <CsrfField token={page.csrf} />
        <Select
          id="respondentKind"
          name="respondentKind"
          label="Afsender er"
          value={values.respondentKind}
          options={respondentKinds.map((k) => ({ value: k, text: respondentKindLabels[k] }))}
          error={errors.respondentKind}
        />
        <Select
          id="fromCommitteeCode"
          name="fromCommitteeCode"
          label="Udvalg"
          hint="Når afsenderen er et udvalg."
          placeholder="Intet udvalg"
          value={values.fromCommitteeCode}
          options={committees.map((c) => ({ value: c.code, text: c.name }))}
          error={errors.fromCommitteeCode}
        />
        <TextInput
          id="fromName"
          name="fromName"
          label="Navn på afsender"
          hint="Når afsenderen ikke er et udvalg."
          value={values.fromName}
          error={errors.fromName}
        />
        <CheckboxGroup
          id="sections"
          name="sections"
          legend="Mål og afsnit svaret handler om"
          options={[
            ...detail.goals.map((g) => ({ value: g.id, text: goalLabel(g) })),
            { value: "general", text: GENERAL_SECTION },
          ]}
          checked={values.sections}
          error={errors.sections}
        />
        <TextArea
          id="text"
          name="text"
          label="Høringssvarets tekst"
          error={errors.text}
          rows={10}
          value={values.text}
        />
        <TextInput
          id="receivedOn"
          name="receivedOn"
          type="date"
          label="Modtaget"
          optionalLabel
          value={values.receivedOn}
          error={errors.receivedOn}
          widthClass="input-width-s"
        />
        <FormGroup>
          <Checkbox
            id="consent"
            name="consent"
            value="yes"
            label="Afsenderen har givet samtykke til, at navnet offentliggøres"
            checked={values.consent}
          />
          <Checkbox
            id="published"
            name="published"
            value="yes"
            label="Offentliggør svaret på høringssiden"
            checked={values.published}
          />
        </FormGroup>
        <ButtonGroup>
          <Button>Registrér</Button>
        </ButtonGroup>
      </form>
    </AdminShell>
  );
}

type ResponseRow = typeof hearingResponses.$inferSelect & { from: string; committee: string | null };

export const responseNotices: Record<string, string> = {
  offentliggjort: "Høringssvaret er offentliggjort.",
  tilbagetrukket: "Høringssvaret er ikke længere offentliggjort.",
  kommenteret: "Kommentaren er gemt.",
  slettet: "Personoplysningerne i høringssvaret er slettet.",
};

export function responsePage(
  page: AdminPage,
  detail: HearingDetail,
  r: ResponseRow,
  opts: { notice?: string; error?: string } = {},
) {
  const base = `${HEARINGS_PATH}/${detail.hearing.id}/svar/${r.id}`;
  return (
    <AdminShell
      page={page}
      title={`Høringssvar fra ${r.from}`}
      currentPath={HEARINGS_PATH}
      breadcrumbs={crumbs(detail, r.from)}
    >
      <h1>Høringssvar fra {r.from}</h1>
      {opts.notice && responseNotices[opts.notice] && (
        <Alert variant="success">{responseNotices[opts.notice]}</Alert>
      )}
      {opts.error && <Alert variant="error">{opts.error}</Alert>}
      <dl>
        <dt>Slags</dt>
        <dd>{respondentKindLabels[r.respondentKind as "citizen"] ?? r.respondentKind}</dd>
        <dt>Modtaget</dt>
        <dd>{danishDateTime(r.receivedAt)}</dd>
        <dt>Navn må offentliggøres</dt>
        <dd>
          {r.respondentKind === "citizen"
            ? r.consentToPublishName
              ? "Ja"
              : "Nej"
            : "Ja (ikke en privatperson)"}
        </dd>
        <dt>E-mail til kvittering</dt>
        <dd>{r.contactEmail ?? "–"}</dd>
        <dt>Mål og afsnit</dt>
        <dd>{r.goalsChosen.join("; ") || "–"}</dd>
        <dt>Bilag</dt>
        <dd>{r.attachmentDocumentId ? <a href={link(`${base}/bilag`)}>Hent bilaget</a> : "Intet"}</dd>
        <dt>Offentliggjort</dt>
        <dd>{r.published ? "Ja" : "Nej"}</dd>
        {r.erasedAt && (
          <>
            <dt>Personoplysninger slettet</dt>
            <dd>{danishDateTime(r.erasedAt)}</dd>
          </>
        )}
      </dl>
      <h2>Tekst</h2>
      <div class="response-text">
        {(r.text ?? "").split(/\n+/).map((line) => (
          <p>{line}</p>
        ))}
      </div>

      <h2>Offentliggørelse</h2>
      <form method="post" action={link(`${base}/offentliggoer`)}>
        <CsrfField token={page.csrf} />
        <input type="hidden" name="published" value={r.published ? "no" : "yes"} />
        <Button variant="secondary">
          {r.published ? "Træk offentliggørelsen tilbage" : "Offentliggør svaret"}
        </Button>
      </form>

      <h2>Forvaltningens kommentar</h2>
      <form method="post" action={link(`${base}/kommentar`)}>
        <CsrfField token={page.csrf} />
        <input type="hidden" name="version" value={String(r.version)} />
        <TextArea
          id="comment"
          name="comment"
          label="Kommentar til høringsnotatet"
          hint="Vises i høringsnotatets kolonne for forvaltningens kommentar."
          rows={5}
          value={r.administrationComment ?? ""}
        />
        <Button variant="secondary">Gem kommentar</Button>
      </form>

      {!r.erasedAt && (
        <>
          <h2>Slet personoplysninger</h2>
          <p>
            Efter anmodning fra afsenderen: navnet på en privatperson, e-mailadressen, teksten og bilaget
            slettes. Det kan ikke fortrydes. Handlingen logges.
          </p>
          <form method="post" action={link(`${base}/slet-persondata`)}>
            <CsrfField token={page.csrf} />
            <TextInput id="reason" name="reason" label="Anledning (uden personoplysninger)" optionalLabel />
            <FormGroup>
              <Checkbox
                id="confirm"
                name="confirm"
                value="yes"
                label="Ja, slet personoplysningerne i dette høringssvar"
              />
            </FormGroup>
            <Button variant="warning">Slet personoplysninger</Button>
          </form>
        </>
      )}
    </AdminShell>
  );
}
