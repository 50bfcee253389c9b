// The form a coordinator opens a status round with.
import { roundKinds } from "../../../../domain/enums.ts";
import { roundKindLabels } from "../../../../domain/labels.ts";
import { link } from "../../../../http/links.ts";
import type { roundFormOptions } from "../../../../queries/rounds/rounds.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { Button, ButtonGroup, Select, TextInput } from "../../../components/FormControls.tsx";
import { AdministrationChoices } from "../../administrationChoices.tsx";
import { errorList, type FieldErrors } from "../../form.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import type { NewRoundValues } from "../schema.ts";
import { RadioGroup } from "./controls.tsx";

type Options = Awaited<ReturnType<typeof roundFormOptions>>;

export function newRoundPage(
  page: AdminPage,
  options: Options,
  v: NewRoundValues,
  fieldErrors: FieldErrors = {},
) {
  const errors = errorList(fieldErrors, ["kind", "administrations"]);
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <AdminShell
      page={page}
      title={`${errors.length ? "Fejl: " : ""}Åbn en statusrunde`}
      currentPath="/admin/runder"
      breadcrumbs={[
        { href: "/admin", text: "Oversigt" },
        { href: "/admin/runder", text: "Statusrunder" },
        { text: "Ny statusrunde" },
      ]}
    >
      <h1>Åbn en statusrunde</h1>
      <p>
        Når runden åbnes, får hver deltagende forvaltning et svar at udfylde for hvert af sine initiativer og
        mål under politikken, udfyldt på forhånd med svarene fra sidste runde.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={link("/admin/runder/ny")} novalidate>
        <CsrfField token={page.csrf} />
        <Select
          id="policyId"
          name="policyId"
          label="Politik"
          value={v.policyId}
          placeholder="Vælg politik"
          options={options.policies.map((p) => ({ value: p.id, text: p.title }))}
          error={err("policyId")}
        />
        <RadioGroup
          id="kind"
          name="kind"
          legend="Slags runde"
          value={v.kind}
          options={roundKinds.map((k) => ({ value: k, text: roundKindLabels[k] }))}
          error={err("kind-option1")}
        />
        <TextInput
          id="period"
          name="period"
          label="Periode"
          hint="Det år eller den periode, der gøres status for, fx 2025."
          value={v.period}
          widthClass="input-width-s"
          error={err("period")}
        />
        <TextInput
          id="title"
          name="title"
          label="Titel"
          optionalLabel
          hint="Uden titel hedder runden ”Statusrunde” og perioden."
          value={v.title}
          error={err("title")}
        />
        <TextInput
          id="deadline"
          name="deadline"
          type="date"
          label="Frist for indmelding"
          hint="Skriv datoen som dd.mm.åååå, hvis din browser ikke viser en datovælger."
          value={v.deadline}
          widthClass="input-width-m"
          error={err("deadline")}
        />
        <AdministrationChoices
          legend="Forvaltninger, der skal indmelde"
          administrations={options.administrations}
          checked={v.administrations}
          error={err("administrations-option1")}
        />
        <TextInput
          id="reminderDaysBefore"
          name="reminderDaysBefore"
          label="Automatisk påmindelse, antal dage før fristen"
          hint="Indberettere, der ikke har indsendt, får en påmindelse så mange dage før fristen."
          value={v.reminderDaysBefore}
          inputmode="numeric"
          widthClass="input-width-xs"
          error={err("reminderDaysBefore")}
        />
        <ButtonGroup>
          <Button>Åbn runden</Button>
        </ButtonGroup>
      </form>
    </AdminShell>
  );
}
