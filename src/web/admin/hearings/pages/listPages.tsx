// Admin: the list of hearings and the form that opens one.
import { formatDanishDate } from "../../../../domain/danishDate.ts";
import { hearingStateLabels } from "../../../../domain/labels.ts";
import { link } from "../../../../http/links.ts";
import type { HearingListItem } from "../../../../queries/hearings/hearings.ts";
import { Alert } from "../../../components/Alert.tsx";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import {
  Button,
  ButtonGroup,
  CheckboxGroup,
  Select,
  TextArea,
  TextInput,
} from "../../../components/FormControls.tsx";
import { errorList } from "../../form.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import type { OpenFormValues } from "../schema.ts";

export const HEARINGS_PATH = "/admin/hoeringer";
const date = (d: string | null) => (d ? formatDanishDate(d) : "–");

export function hearingListPage(page: AdminPage, rows: HearingListItem[], canManage: boolean) {
  return (
    <AdminShell
      page={page}
      title="Høringer"
      currentPath={HEARINGS_PATH}
      breadcrumbs={[{ text: "Oversigt", href: "/admin" }, { text: "Høringer" }]}
    >
      <h1>Høringer</h1>
      {canManage && (
        <p>
          <a class="button button-primary" href={link(`${HEARINGS_PATH}/ny`)}>
            Åbn en høring
          </a>
        </p>
      )}
      <table class="table table--zebra">
        <caption class="sr-only">Høringer</caption>
        <thead>
          <tr>
            <th scope="col">Høring</th>
            <th scope="col">Politik</th>
            <th scope="col">Periode</th>
            <th scope="col">Status</th>
            <th scope="col" class="text-align-right">
              Svar
            </th>
            <th scope="col" class="text-align-right">
              Offentliggjort
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colspan={6}>Der er ingen høringer endnu.</td>
            </tr>
          )}
          {rows.map((h) => (
            <tr>
              <th scope="row">
                <a href={link(`${HEARINGS_PATH}/${h.id}`)}>{h.title}</a>
              </th>
              <td>{h.policyTitle ?? "–"}</td>
              <td>
                {date(h.opensOn)} – {date(h.closesOn)}
              </td>
              <td>{hearingStateLabels[h.state]}</td>
              <td class="text-align-right">{h.responses}</td>
              <td class="text-align-right">{h.published}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminShell>
  );
}

export interface OpenFormOptions {
  policies: { id: string; title: string; documentId: string | null }[];
  documents: { id: string; title: string | null; filename: string }[];
  committees: { code: string; name: string }[];
}

export function openHearingPage(
  page: AdminPage,
  options: OpenFormOptions,
  values: OpenFormValues,
  errors: Record<string, string> = {},
) {
  const list = errorList(errors, ["committees"]);
  return (
    <AdminShell
      page={page}
      title={list.length ? "Fejl: Åbn en høring" : "Åbn en høring"}
      currentPath={HEARINGS_PATH}
      breadcrumbs={[
        { text: "Oversigt", href: "/admin" },
        { text: "Høringer", href: HEARINGS_PATH },
        { text: "Åbn en høring" },
      ]}
    >
      <h1>Åbn en høring</h1>
      <ErrorSummary errors={list} />
      {options.documents.length === 0 && (
        <Alert variant="info">
          Der er ingen dokumenter endnu. <a href={link("/admin/import")}>Importér udkastet</a> først.
        </Alert>
      )}
      <form method="post" action={link(`${HEARINGS_PATH}/ny`)} novalidate>
        <CsrfField token={page.csrf} />
        <Select
          id="policyId"
          name="policyId"
          label="Politik i høring"
          placeholder="Vælg politik"
          options={options.policies.map((p) => ({ value: p.id, text: p.title }))}
          value={values.policyId}
          error={errors.policyId}
        />
        <Select
          id="draftDocumentId"
          name="draftDocumentId"
          label="Udkastet (importeret dokument)"
          hint="Teksten vises på den offentlige høringsside."
          placeholder="Vælg dokument"
          options={options.documents.map((d) => ({
            value: d.id,
            text: d.title ? `${d.title} (${d.filename})` : d.filename,
          }))}
          value={values.draftDocumentId}
          error={errors.draftDocumentId}
        />
        <TextInput id="title" name="title" label="Titel" value={values.title} error={errors.title} />
        <TextInput
          id="opensOn"
          name="opensOn"
          type="date"
          label="Høringen åbner"
          value={values.opensOn}
          error={errors.opensOn}
          widthClass="input-width-s"
        />
        <TextInput
          id="closesOn"
          name="closesOn"
          type="date"
          label="Høringsfrist"
          value={values.closesOn}
          error={errors.closesOn}
          widthClass="input-width-s"
        />
        <CheckboxGroup
          id="committees"
          name="committees"
          legend="Inviterede udvalg"
          options={options.committees.map((c) => ({ value: c.code, text: c.name }))}
          checked={values.committees}
          error={errors.committees}
        />
        <TextArea
          id="others"
          name="others"
          label="Andre høringsparter (råd, organisationer)"
          optionalLabel
          hint="Én pr. linje."
          error={errors.others}
          rows={4}
          value={values.others}
        />
        <ButtonGroup>
          <Button>Åbn høringen</Button>
        </ButtonGroup>
      </form>
    </AdminShell>
  );
}
