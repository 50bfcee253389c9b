// The public hearing pages: the list, one hearing with its draft text, goals,
// published responses and the response form, the thank-you page and the
// rate-limit page. Everything a respondent typed is a JSX child (escaped).
import { goalLabel } from "../../../commands/hearings/sections.ts";
import { formatDanishDate } from "../../../domain/danishDate.ts";
import { hearingStateLabels } from "../../../domain/labels.ts";
import { link } from "../../../http/links.ts";
import type { HearingDetail } from "../../../queries/hearings/hearings.ts";
import type { ResponseView } from "../../../queries/hearings/responses.ts";
import { Alert } from "../../components/Alert.tsx";
import { ErrorSummary, type FieldError } from "../../components/ErrorSummary.tsx";
import {
  Button,
  Checkbox,
  CheckboxGroup,
  FormGroup,
  Hint,
  Label,
  Select,
  TextArea,
  TextInput,
} from "../../components/FormControls.tsx";
import { Layout } from "../../components/Layout.tsx";
import { HONEYPOT_FIELD, TOKEN_FIELD } from "./formGuard.ts";

export interface ResponseFormValues {
  respondentKind: string;
  fromName: string;
  contactEmail: string;
  text: string;
  sections: string[];
  consent: boolean;
}

export const emptyForm: ResponseFormValues = {
  respondentKind: "citizen",
  fromName: "",
  contactEmail: "",
  text: "",
  sections: [],
  consent: false,
};

const date = (d: string | null) => (d ? formatDanishDate(d) : "–");

const crumbs = (title?: string) =>
  title
    ? [{ text: "Forside", href: "/" }, { text: "Høringer", href: "/hoeringer" }, { text: title }]
    : [{ text: "Forside", href: "/" }, { text: "Høringer" }];

export function hearingsListPage(props: {
  organisation: string;
  hearings: { id: string; title: string; state: string; opensOn: string | null; closesOn: string | null }[];
}) {
  return (
    <Layout title="Høringer" organisation={props.organisation} breadcrumbs={crumbs()}>
      <h1>Høringer</h1>
      {props.hearings.length === 0 ? (
        <p>Der er ingen høringer lige nu.</p>
      ) : (
        <ul>
          {props.hearings.map((h) => (
            <li>
              <a href={link(`/hoeringer/${h.id}`)}>{h.title}</a> –{" "}
              {hearingStateLabels[h.state as "open"] ?? h.state}, frist {date(h.closesOn)}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface HearingPageProps {
  organisation: string;
  detail: HearingDetail;
  open: boolean;
  responses: ResponseView[];
  token: string;
  values: ResponseFormValues;
  errors: Record<string, string>;
  limitMb: number;
}

const fieldIds: Record<string, string> = {
  respondentKind: "respondentKind",
  fromName: "fromName",
  contactEmail: "contactEmail",
  text: "text",
  sections: "sections-option1",
  attachment: "attachment",
  consent: "consent",
};

export function hearingPage(p: HearingPageProps) {
  const { hearing, draft, goals } = p.detail;
  const errorList: FieldError[] = Object.entries(p.errors).map(([field, message]) => ({
    fieldId: fieldIds[field] ?? "text",
    message,
  }));
  const title = errorList.length ? `Fejl: ${hearing.title}` : hearing.title;
  return (
    <Layout title={title} organisation={p.organisation} breadcrumbs={crumbs(hearing.title)}>
      <h1>{hearing.title}</h1>
      <ErrorSummary errors={errorList} />
      <p>
        Høringsperiode: {date(hearing.opensOn)} – {date(hearing.closesOn)}.
        {p.detail.policy && <> Udkast til {p.detail.policy.title}.</>}
      </p>
      {!p.open && (
        <Alert variant="info" heading="Høringen er afsluttet">
          Der kan ikke længere indsendes høringssvar.
        </Alert>
      )}
      {hearing.invited.length > 0 && <p>Inviterede høringsparter: {hearing.invited.join(", ")}.</p>}

      {goals.length > 0 && (
        <>
          <h2>Politikkens mål</h2>
          {/* Each goal says its own number ("Mål 1: …"): a numbered list would number it twice. */}
          <ul class="nobullet-list hearing-goals">
            {goals.map((g) => (
              <li>{goalLabel(g)}</li>
            ))}
          </ul>
        </>
      )}

      {p.open && <ResponseForm {...p} />}

      {p.responses.length > 0 && (
        <>
          <h2>Offentliggjorte høringssvar</h2>
          {p.responses.map((r) => (
            <article class="hearing-response mb-6">
              <h3>{r.from}</h3>
              {r.sections.length > 0 && <p class="form-hint">Om: {r.sections.join("; ")}</p>}
              {(r.text ?? "").split(/\n+/).map((line) => (
                <p>{line}</p>
              ))}
            </article>
          ))}
        </>
      )}

      {draft && (
        <>
          <h2>Udkastet</h2>
          <details class="hearing-draft">
            <summary>Vis udkastets tekst</summary>
            <div>
              {draft.text
                .split(/\n+/)
                .filter((line) => line.trim())
                .map((line) => (
                  <p>{line}</p>
                ))}
            </div>
          </details>
        </>
      )}
    </Layout>
  );
}

function ResponseForm(p: HearingPageProps) {
  const { values, errors } = p;
  const options = [
    ...p.detail.goals.map((g) => ({ value: g.id, text: goalLabel(g) })),
    { value: "general", text: "Generelle bemærkninger" },
  ];
  return (
    <>
      <h2>Afgiv høringssvar</h2>
      <form
        method="post"
        action={link(`/hoeringer/${p.detail.hearing.id}`)}
        enctype="multipart/form-data"
        novalidate
      >
        <input type="hidden" name={TOKEN_FIELD} value={p.token} />
        <Select
          id="respondentKind"
          name="respondentKind"
          label="Jeg svarer som"
          value={values.respondentKind}
          error={errors.respondentKind}
          options={[
            { value: "citizen", text: "Privatperson" },
            { value: "organisation", text: "Organisation eller forening" },
            { value: "council", text: "Råd" },
          ]}
        />
        <TextInput
          id="fromName"
          name="fromName"
          label="Navn eller organisation"
          value={values.fromName}
          error={errors.fromName}
          autocomplete="name"
          required
        />
        <TextInput
          id="contactEmail"
          name="contactEmail"
          type="email"
          label="E-mail til kvittering"
          hint="Vi sender en kvittering for dit høringssvar. E-mailen offentliggøres ikke."
          value={values.contactEmail}
          error={errors.contactEmail}
          autocomplete="email"
          optionalLabel
        />
        <CheckboxGroup
          id="sections"
          name="sections"
          legend="Hvilke mål eller afsnit handler dit svar om?"
          hint="Vælg et eller flere."
          options={options}
          checked={values.sections}
          error={errors.sections}
        />
        <TextArea
          id="text"
          name="text"
          label="Dit høringssvar"
          hint="Højst 20.000 tegn."
          error={errors.text}
          rows={10}
          value={values.text}
        />
        <FormGroup error={errors.attachment}>
          <Label forId="attachment" text="Bilag" optional />
          <Hint id="attachment" text={`PDF, Word (DOCX) eller tekst, højst ${p.limitMb} MB.`} />
          {errors.attachment && (
            <span class="form-error-message" id="attachment-error">
              <span class="sr-only">Fejl: </span>
              {errors.attachment}
            </span>
          )}
          <input
            type="file"
            id="attachment"
            name="attachment"
            class="form-file-input"
            accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            aria-describedby={errors.attachment ? "attachment-hint attachment-error" : "attachment-hint"}
          />
        </FormGroup>
        <FormGroup>
          <Checkbox
            id="consent"
            name="consent"
            value="yes"
            label="Mit navn må offentliggøres sammen med mit svar"
            hint="Svarer du som privatperson, offentliggør vi ikke dit navn uden dit samtykke."
            checked={values.consent}
          />
        </FormGroup>
        <div class="d-none">
          <label for={HONEYPOT_FIELD}>Lad dette felt være tomt</label>
          <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
        </div>
        <Button>Send høringssvar</Button>
      </form>
    </>
  );
}

export function thanksPage(props: { organisation: string; hearing: { id: string; title: string } }) {
  return (
    <Layout
      title="Tak for dit høringssvar"
      organisation={props.organisation}
      breadcrumbs={crumbs(props.hearing.title)}
    >
      <h1>Tak for dit høringssvar</h1>
      <Alert variant="success" heading="Høringssvaret er modtaget">
        Har du skrevet din e-mail, får du en kvittering. Svaret offentliggøres, når forvaltningen har
        gennemgået det.
      </Alert>
      <p>
        <a href={link(`/hoeringer/${props.hearing.id}`)}>Tilbage til høringen</a>
      </p>
    </Layout>
  );
}

export function rateLimitedPage(props: { organisation: string; hearingId: string }) {
  return (
    <Layout title="For mange høringssvar" organisation={props.organisation} breadcrumbs={crumbs()}>
      <h1>For mange høringssvar</h1>
      <Alert variant="error" heading="Prøv igen senere">
        Der er sendt for mange høringssvar fra din internetforbindelse inden for den seneste time. Vent lidt,
        og prøv igen.
      </Alert>
      <p>
        <a href={link(`/hoeringer/${props.hearingId}`)}>Tilbage til høringen</a>
      </p>
    </Layout>
  );
}
