// "Sæt Pejl op": the first page of a server without an organisation. The
// municipality's name, its administrations and committees (rows, pasted or
// uploaded as code;name), and the first administrator. Works without
// JavaScript: "Tilføj" sends the form back with one more empty row.
import { CSRF_FIELD } from "../../http/csrf.ts";
import { Alert } from "../components/Alert.tsx";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.tsx";
import {
  Button,
  ErrorMessage,
  FormGroup,
  Hint,
  Label,
  TextArea,
  TextInput,
} from "../components/FormControls.tsx";
import { Layout } from "../components/Layout.tsx";
import {
  countFieldId,
  csvFieldId,
  fileFieldId,
  rowFieldId,
  type SetupForm,
  UNIT_WORDS,
  type UnitKind,
} from "./setupForm.ts";

export const SETUP_PATH = "/opsaetning";

export interface SetupPageProps {
  csrf: string;
  form: SetupForm;
  /** From another machine the set-up code is asked for. */
  askCode: boolean;
  errors?: FieldError[];
}

function UnitRows(p: { kind: UnitKind; form: SetupForm; error: (id: string) => string | undefined }) {
  const words = UNIT_WORDS[p.kind];
  const list = p.form[p.kind];
  const csvId = csvFieldId(p.kind);
  const fileId = fileFieldId(p.kind);
  return (
    <fieldset class="mt-7">
      <legend class="h3">{words.plural}</legend>
      <p class="form-hint">
        Koden er den forkortelse, dokumenterne bruger (2–10 bogstaver eller tal). Tomme rækker springes over.
        Du kan også rette og tilføje senere under Administration.
      </p>
      <input type="hidden" name={countFieldId(p.kind)} value={String(list.length)} />
      {list.map((row, i) => (
        <div class="row">
          <div class="col-12 col-sm-4">
            <TextInput
              id={rowFieldId(p.kind, i, "code")}
              name={rowFieldId(p.kind, i, "code")}
              label={`${words.one} ${i + 1}: kode`}
              value={row.code}
              widthClass="input-width-s"
              error={p.error(rowFieldId(p.kind, i, "code"))}
            />
          </div>
          <div class="col-12 col-sm-8">
            <TextInput
              id={rowFieldId(p.kind, i, "name")}
              name={rowFieldId(p.kind, i, "name")}
              label={`${words.one} ${i + 1}: navn`}
              value={row.name}
              error={p.error(rowFieldId(p.kind, i, "name"))}
            />
          </div>
        </div>
      ))}
      <Button variant="secondary" name="tilfoej" value={p.kind}>
        Tilføj en række
      </Button>
      <TextArea
        id={csvId}
        name={csvId}
        label={`${words.plural} som CSV (indsæt)`}
        hint={`Én pr. linje: kode;navn, fx ${words.example}`}
        rows={4}
        value={p.form[`${p.kind}Csv`]}
        optionalLabel
        error={p.error(csvId)}
      />
      <FormGroup error={p.error(fileId)}>
        <Label forId={fileId} text={`${words.plural} som CSV-fil`} optional />
        <Hint
          id={fileId}
          text="En fil med samme form: kode;navn pr. linje, gerne med overskriften kode;navn."
        />
        {p.error(fileId) && <ErrorMessage id={fileId} text={p.error(fileId)!} />}
        <input
          type="file"
          id={fileId}
          name={fileId}
          class="form-file-input"
          accept=".csv,.txt,text/csv,text/plain"
          aria-describedby={p.error(fileId) ? `${fileId}-hint ${fileId}-error` : `${fileId}-hint`}
          aria-invalid={p.error(fileId) ? "true" : undefined}
        />
      </FormGroup>
    </fieldset>
  );
}

export function setupPage(p: SetupPageProps) {
  const errors = p.errors ?? [];
  const error = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <Layout title={errors.length ? "Fejl: Sæt Pejl op" : "Sæt Pejl op"} nav={[]} footerLinks={[]}>
      <div class="row">
        <div class="col-12 col-lg-9">
          <h1>Sæt Pejl op til din kommune</h1>
          <ErrorSummary errors={errors} />
          <p class="font-lead">
            Pejl har endnu ingen kommune. Skriv kommunens navn, dens forvaltninger og udvalg, og opret den
            første administrator. Siden kan kun bruges, indtil kommunen er oprettet.
          </p>
          <form method="post" action={SETUP_PATH} enctype="multipart/form-data" novalidate>
            <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
            {/* Enter in a field presses a form's first submit button; without this one that would be
                a row's "Tilføj en række". Hidden from everyone: the last button is the same. */}
            <button type="submit" hidden>
              Opret kommunen
            </button>
            {p.askCode && (
              <TextInput
                id="setup-code"
                name="setup-code"
                label="Opsætningskode"
                hint="Du er ikke på serverens egen maskine. Skriv den kode, Pejl skrev i sin log, da serveren startede."
                autocomplete="off"
                widthClass="input-width-l"
                required
                error={error("setup-code")}
              />
            )}
            <h2>Kommunen</h2>
            <TextInput
              id="name"
              name="name"
              label="Kommunens navn"
              hint="Fx Vesterå Kommune"
              value={p.form.name}
              autocomplete="organization"
              required
              error={error("name")}
            />
            <TextInput
              id="slug"
              name="slug"
              label="Kort navn til adresser og datapakker"
              hint="Små bogstaver a–z, tal og bindestreger. Tomt: dannes af kommunens navn."
              value={p.form.slug}
              widthClass="input-width-l"
              optionalLabel
              error={error("slug")}
            />
            <UnitRows kind="administrations" form={p.form} error={error} />
            <UnitRows kind="committees" form={p.form} error={error} />
            <h2 class="mt-8">Første administrator</h2>
            <TextInput
              id="admin-name"
              name="admin-name"
              label="Navn"
              value={p.form.adminName}
              autocomplete="name"
              required
              error={error("admin-name")}
            />
            <TextInput
              id="admin-email"
              name="admin-email"
              label="E-mail"
              type="email"
              value={p.form.adminEmail}
              autocomplete="email"
              required
              error={error("admin-email")}
            />
            <TextInput
              id="admin-password"
              name="admin-password"
              label="Adgangskode"
              type="password"
              hint="Mindst 12 tegn."
              autocomplete="new-password"
              required
              error={error("admin-password")}
            />
            <div class="mt-6">
              <Button>Opret kommunen</Button>
            </div>
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function setupDonePage(p: { organisation: string; admin: string; loginHref: string }) {
  return (
    <Layout title="Pejl er sat op" nav={[]} organisation={p.organisation}>
      <h1>{p.organisation} er oprettet</h1>
      <Alert variant="success" heading="Pejl er sat op">
        <p class="alert-text">
          {p.admin} er administrator. Log ind for at importere kommunens politikker og invitere kolleger.
        </p>
      </Alert>
      <p>
        <a href={p.loginHref} class="button button-primary">
          Log ind
        </a>
      </p>
    </Layout>
  );
}
