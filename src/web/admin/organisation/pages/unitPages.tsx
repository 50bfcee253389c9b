// The organisation page (administrations and committees, each with the form to
// add one) and one administration's or committee's page (change code and name,
// delete one that nothing uses, or read why it cannot be deleted).
import { inUseExplanation } from "../../../../commands/organisation/unitDeleter.ts";
import { link } from "../../../../http/links.ts";
import { type UnitKind, type UnitRow, usageSentence } from "../../../../queries/organisation/units.ts";
import { Alert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { ErrorSummary, type FieldError } from "../../../components/ErrorSummary.tsx";
import { Button, ButtonGroup, TextInput } from "../../../components/FormControls.tsx";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";

export const ORGANISATION = "/admin/organisation";
export const SETTINGS = "/admin/indstillinger";

export const kindText: Record<
  UnitKind,
  {
    path: string;
    plural: string;
    one: string;
    definite: string;
    pronoun: string;
    prefix: string;
    example: string;
  }
> = {
  administration: {
    path: "forvaltninger",
    plural: "Forvaltninger",
    one: "forvaltning",
    definite: "forvaltningen",
    pronoun: "den",
    prefix: "adm",
    example: "BIF",
  },
  committee: {
    path: "udvalg",
    plural: "Udvalg",
    one: "udvalg",
    definite: "udvalget",
    pronoun: "det",
    prefix: "udv",
    example: "BIU",
  },
};

export const unitHref = (kind: UnitKind, id: string) => `${ORGANISATION}/${kindText[kind].path}/${id}`;

export interface UnitValues {
  code: string;
  name: string;
}

const fieldError = (errors: readonly FieldError[], id: string) =>
  errors.find((e) => e.fieldId === id)?.message;

const codeHint = (kind: UnitKind) =>
  `2–10 bogstaver eller tal, fx ${kindText[kind].example}. Skrives med store bogstaver.`;

/** Code and name fields; ids carry the kind's prefix so two forms on one page never share an id. */
function UnitFields(p: { kind: UnitKind; values: UnitValues; errors: readonly FieldError[] }) {
  const prefix = kindText[p.kind].prefix;
  return (
    <>
      <TextInput
        id={`${prefix}-code`}
        name="code"
        label="Kode"
        hint={codeHint(p.kind)}
        value={p.values.code}
        required
        widthClass="input-width-s"
        autocomplete="off"
        error={fieldError(p.errors, `${prefix}-code`)}
      />
      <TextInput
        id={`${prefix}-name`}
        name="name"
        label="Navn"
        value={p.values.name}
        required
        autocomplete="off"
        error={fieldError(p.errors, `${prefix}-name`)}
      />
    </>
  );
}

function UnitSection(p: {
  page: AdminPage;
  kind: UnitKind;
  rows: UnitRow[];
  values?: UnitValues;
  errors?: FieldError[];
}) {
  const t = kindText[p.kind];
  const errors = p.errors ?? [];
  return (
    <section aria-labelledby={`${t.prefix}-heading`}>
      <h2 id={`${t.prefix}-heading`} class="mt-8">
        {t.plural}
      </h2>
      <DataTable
        caption={t.plural}
        captionHidden
        rows={p.rows}
        emptyText={`Der er ingen ${t.plural.toLowerCase()} endnu.`}
        columns={[
          {
            header: "Kode",
            rowHeader: true,
            cell: (r) => <a href={link(unitHref(p.kind, r.id))}>{r.code}</a>,
          },
          { header: "Navn", cell: (r) => r.name },
          { header: "Bruges af", cell: (r) => usageSentence(r.usage) || "Ingen" },
        ]}
      />
      <h3 class="mt-6">Tilføj {t.one}</h3>
      <ErrorSummary errors={errors} />
      <form method="post" action={link(`${ORGANISATION}/${t.path}`)} novalidate>
        <CsrfField token={p.page.csrf} />
        <UnitFields kind={p.kind} values={p.values ?? { code: "", name: "" }} errors={errors} />
        <ButtonGroup>
          <Button>Tilføj {t.one}</Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

export function organisationPage(
  page: AdminPage,
  p: {
    administrations: UnitRow[];
    committees: UnitRow[];
    notice?: string;
    /** The add form that failed, with what was typed. */
    failed?: { kind: UnitKind; values: UnitValues; errors: FieldError[] };
  },
) {
  const formOf = (kind: UnitKind) =>
    p.failed?.kind === kind ? { values: p.failed.values, errors: p.failed.errors } : {};
  return (
    <AdminShell
      page={page}
      title={`${p.failed ? "Fejl: " : ""}Organisation`}
      currentPath={ORGANISATION}
      breadcrumbs={[{ text: "Oversigt", href: "/admin" }, { text: "Organisation" }]}
    >
      <h1>Organisation</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      <p>
        Forvaltninger og udvalg, som politikker, mål, initiativer, statusrunder og brugere knyttes til.
        Frister og påmindelser sættes under <a href={link(SETTINGS)}>Indstillinger</a>.
      </p>
      <UnitSection page={page} kind="administration" rows={p.administrations} {...formOf("administration")} />
      <UnitSection page={page} kind="committee" rows={p.committees} {...formOf("committee")} />
    </AdminShell>
  );
}

export function unitPage(
  page: AdminPage,
  p: {
    kind: UnitKind;
    unit: UnitRow;
    values?: UnitValues;
    errors?: FieldError[];
    notice?: string;
    /** Set when the save or delete met a newer version: what is stored now. */
    conflict?: boolean;
  },
) {
  const t = kindText[p.kind];
  const errors = p.errors ?? [];
  const href = unitHref(p.kind, p.unit.id);
  const uses = usageSentence(p.unit.usage);
  return (
    <AdminShell
      page={page}
      title={`${errors.length || p.conflict ? "Fejl: " : ""}${p.unit.code} – ${p.unit.name}`}
      currentPath={ORGANISATION}
      breadcrumbs={[
        { text: "Oversigt", href: "/admin" },
        { text: "Organisation", href: ORGANISATION },
        { text: p.unit.code },
      ]}
    >
      <h1>
        {p.unit.code} – {p.unit.name}
      </h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      {p.conflict && (
        <Alert variant="error" heading="Ændringen er ikke gemt">
          <p class="alert-text">
            En anden har gemt en ændring, siden du åbnede siden. Nu hedder {t.definite}{" "}
            <strong>
              {p.unit.code} – {p.unit.name}
            </strong>
            . Dine ændringer står i felterne nedenfor; gem igen, hvis de stadig skal gælde.
          </p>
        </Alert>
      )}
      <p>{uses ? `Bruges af ${uses}.` : `Intet henviser til ${t.definite}.`}</p>
      <h2>Kode og navn</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={link(href)} novalidate>
        <CsrfField token={page.csrf} />
        <input type="hidden" name="version" value={String(p.unit.version)} />
        <UnitFields kind={p.kind} values={p.values ?? p.unit} errors={errors} />
        <ButtonGroup>
          <Button>Gem</Button>
        </ButtonGroup>
      </form>
      <h2 class="mt-8">Slet {t.one}</h2>
      {uses ? (
        <p>{inUseExplanation(p.kind, p.unit.code, uses)}</p>
      ) : (
        <form method="post" action={link(`${href}/slet`)}>
          <CsrfField token={page.csrf} />
          <input type="hidden" name="version" value={String(p.unit.version)} />
          <p>
            Intet henviser til {t.definite}, så {t.pronoun} kan slettes. Det kan ikke fortrydes.
          </p>
          <Button variant="warning">Slet {t.definite}</Button>
        </form>
      )}
    </AdminShell>
  );
}
