// The organisation's settings: what the pages call its council, the due date rule
// for inquiries and the default reminder before a round's deadline, one form each
// (each guarded by its own version), and the suppression threshold, which
// operations set, read-only.

import { link } from "../../../../http/links.ts";
import type { SettingRow } from "../../../../queries/organisation/settings.ts";
import { Alert } from "../../../components/Alert.tsx";
import { ErrorSummary, type FieldError } from "../../../components/ErrorSummary.tsx";
import { Button, ButtonGroup, TextInput } from "../../../components/FormControls.tsx";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import { ORGANISATION, SETTINGS } from "./unitPages.tsx";

export const settingFieldId = (key: string) => `setting-${key}`;
export const COUNCIL_FIELD_ID = "council-name";
/** Where the council's name is saved. */
export const COUNCIL_PATH = `${SETTINGS}/kommunalbestyrelse`;

export function settingsPage(
  page: AdminPage,
  p: {
    settings: SettingRow[];
    council: { councilName: string; version: number };
    suppressionThreshold: number;
    notice?: string;
    /** The council's name, when its save failed, with what was typed. */
    failedCouncil?: { value: string; errors: FieldError[]; conflict?: boolean };
    /** The setting whose save failed, with what was typed. */
    failed?: { key: string; value: string; errors: FieldError[]; conflict?: boolean };
  },
) {
  const failed = p.failed;
  const failedCouncil = p.failedCouncil;
  return (
    <AdminShell
      page={page}
      title={`${failed || failedCouncil ? "Fejl: " : ""}Indstillinger`}
      currentPath={ORGANISATION}
      breadcrumbs={[
        { text: "Oversigt", href: "/admin" },
        { text: "Organisation", href: ORGANISATION },
        { text: "Indstillinger" },
      ]}
    >
      <h1>Indstillinger</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      {failedCouncil?.conflict && (
        <Alert variant="error" heading="Navnet er ikke gemt">
          En anden har ændret organisationen, siden du åbnede siden. Feltet viser det, du skrev; det gemte
          navn står under feltet. Gem igen, hvis dit navn stadig skal gælde.
        </Alert>
      )}
      {failed?.conflict && (
        <Alert variant="error" heading="Indstillingen er ikke gemt">
          En anden har gemt indstillingen, siden du åbnede siden. Feltet viser dit tal; den gemte værdi står
          under feltet. Gem igen, hvis dit tal stadig skal gælde.
        </Alert>
      )}
      <ErrorSummary errors={failedCouncil?.errors ?? failed?.errors ?? []} />
      <h2>Kommunalbestyrelsen</h2>
      <form method="post" action={link(COUNCIL_PATH)} novalidate class="mb-6">
        <CsrfField token={page.csrf} />
        <input type="hidden" name="version" value={String(p.council.version)} />
        <TextInput
          id={COUNCIL_FIELD_ID}
          name="councilName"
          label="Kommunalbestyrelsens navn"
          hint="Som siderne skriver det inde i en sætning, fx kommunalbestyrelsen, byrådet eller Borgerrepræsentationen. Det står blandt andet i overskriften »Spørgsmål fra …«."
          value={failedCouncil ? failedCouncil.value : p.council.councilName}
          widthClass="input-width-l"
          required
          error={failedCouncil?.errors.find((e) => e.fieldId === COUNCIL_FIELD_ID)?.message}
        />
        <p class="form-hint">Gemt nu: {p.council.councilName}.</p>
        <ButtonGroup>
          <Button variant="secondary">Gem navnet</Button>
        </ButtonGroup>
      </form>
      <h2>Frister</h2>
      {p.settings.map((s) => {
        const id = settingFieldId(s.key);
        const mine = failed?.key === s.key ? failed : undefined;
        return (
          <form method="post" action={link(SETTINGS)} novalidate class="mb-6">
            <CsrfField token={page.csrf} />
            <input type="hidden" name="key" value={s.key} />
            <input type="hidden" name="version" value={String(s.version)} />
            <TextInput
              id={id}
              name="value"
              label={s.label}
              hint={s.hint}
              value={mine ? mine.value : String(s.value)}
              inputmode="numeric"
              widthClass="input-width-xs"
              suffix={s.unit}
              required
              error={mine?.errors.find((e) => e.fieldId === id)?.message}
            />
            <p class="form-hint">
              Gemt nu: {s.value} {s.unit}
              {s.isDefault ? " (standardværdien)" : ""}.
            </p>
            <ButtonGroup>
              <Button variant="secondary">{s.button}</Button>
            </ButtonGroup>
          </form>
        );
      })}
      <h2 class="mt-8">Små tal</h2>
      <p>
        Tal under <strong>{p.suppressionThreshold}</strong> vises ikke på portalen eller i de åbne data, så
        ingen enkeltpersoner kan genkendes. Grænsen sættes af driften med miljøvariablen{" "}
        <code>PEJL_SUPPRESSION_THRESHOLD</code> og kan ikke ændres her.
      </p>
    </AdminShell>
  );
}
