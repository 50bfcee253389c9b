// The form that registers an inquiry. The due date may be left empty: it is
// then counted from the day the question was asked by the organisation's rule
// (working days, Danish public holidays excluded).

import { link } from "../../../../http/links.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { Button, TextArea, TextInput } from "../../../components/FormControls.tsx";
import { AdministrationChoices } from "../../administrationChoices.tsx";
import { errorList, type FieldErrors } from "../../form.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import type { NewInquiryValues } from "../schema.ts";

export function newPage(
  page: AdminPage,
  p: {
    values: NewInquiryValues;
    errors: FieldErrors;
    administrations: { code: string; name: string }[];
    dueWorkingDays: number;
  },
) {
  const v = p.values;
  const errors = errorList(p.errors, ["administrations"]);
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <AdminShell
      page={page}
      title={`${errors.length ? "Fejl: " : ""}Registrér spørgsmål`}
      currentPath="/admin/spoergsmaal"
      breadcrumbs={[
        { href: "/admin", text: "Oversigt" },
        { href: "/admin/spoergsmaal", text: "Spørgsmål" },
        { text: "Registrér spørgsmål" },
      ]}
    >
      <h1>Registrér spørgsmål</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={link("/admin/spoergsmaal/nyt")} novalidate>
        <CsrfField token={page.csrf} />
        <TextInput
          id="askedBy"
          name="askedBy"
          label="Stillet af"
          hint={`Medlemmet af ${page.council}, fx Anne Hansen.`}
          value={v.askedBy}
          required
          error={err("askedBy")}
        />
        <TextInput
          id="askedOn"
          name="askedOn"
          type="date"
          label="Stillet den"
          value={v.askedOn}
          required
          widthClass="input-width-s"
          error={err("askedOn")}
        />
        <TextInput
          id="dueOn"
          name="dueOn"
          type="date"
          label="Svarfrist"
          optionalLabel
          hint={`Tom: ${p.dueWorkingDays} arbejdsdage efter datoen for spørgsmålet, uden weekender og helligdage. Du kan rette den.`}
          value={v.dueOn}
          widthClass="input-width-s"
          error={err("dueOn")}
        />
        <TextArea
          id="questions"
          name="questions"
          label="Spørgsmål"
          hint="Ét spørgsmål pr. linje."
          error={err("questions")}
          rows={6}
          value={v.questions}
        />
        <AdministrationChoices
          legend="Svarende forvaltning(er)"
          administrations={p.administrations}
          checked={v.administrations}
          error={err("administrations-option1")}
        />
        <TextInput
          id="caseNumber"
          name="caseNumber"
          label="Sagsnummer"
          optionalLabel
          value={v.caseNumber}
          widthClass="input-width-m"
        />
        <TextInput
          id="documentNumber"
          name="documentNumber"
          label="Dokumentnummer"
          optionalLabel
          value={v.documentNumber}
          widthClass="input-width-m"
        />
        <Button>Registrér</Button>
      </form>
    </AdminShell>
  );
}
