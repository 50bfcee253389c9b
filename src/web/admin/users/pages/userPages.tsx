// The user management pages: the list with the "add a user" form, and one
// user's page (role and administration, disable/enable, new password). A new
// one-time password is shown once, in the response to the POST that made it.
import { roles } from "../../../../domain/enums.ts";
import { roleLabels } from "../../../../domain/labels.ts";
import { link } from "../../../../http/links.ts";
import type { UserRow } from "../../../../queries/users.ts";
import { Alert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { ErrorSummary, type FieldError } from "../../../components/ErrorSummary.tsx";
import { Button, ButtonGroup, Select, TextInput } from "../../../components/FormControls.tsx";
import { danishDateTime } from "../../dates.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";

export const USERS = "/admin/brugere";
type Admin = { code: string; name: string };

export interface NewUserValues {
  name: string;
  email: string;
  role: string;
  administration: string;
}

export const roleText = (u: UserRow) =>
  u.roles
    .map((r) =>
      r.administrationCode ? `${roleLabels[r.role]}, ${r.administrationCode}` : roleLabels[r.role],
    )
    .join("; ") || "Ingen rolle";

const roleOptions = roles.map((r) => ({ value: r, text: roleLabels[r] }));
const adminOptions = (admins: Admin[]) =>
  admins.map((a) => ({ value: a.code, text: `${a.code} – ${a.name}` }));
const fieldError = (errors: FieldError[], id: string) => errors.find((e) => e.fieldId === id)?.message;

/** Role and administration, as the add form and a user's own page both ask for them. */
function RoleFields(p: {
  values: { role: string; administration: string };
  admins: Admin[];
  errors: FieldError[];
  rolePlaceholder?: string;
}) {
  return (
    <>
      <Select
        id="role"
        name="role"
        label="Rolle"
        placeholder={p.rolePlaceholder}
        value={p.values.role}
        options={roleOptions}
        required
        error={fieldError(p.errors, "role")}
      />
      <Select
        id="administration"
        name="administration"
        label="Forvaltning"
        hint="Skal vælges for en indberetter."
        placeholder="(ingen)"
        value={p.values.administration}
        options={adminOptions(p.admins)}
        error={fieldError(p.errors, "administration")}
      />
    </>
  );
}

function OneTimePassword({ who, password }: { who: string; password: string }) {
  return (
    <Alert variant="success" heading={`Engangsadgangskode til ${who}`}>
      <p class="alert-text">
        Adgangskoden vises kun denne ene gang. Giv den til brugeren ad en sikker vej:{" "}
        <strong data-testid="one-time-password">{password}</strong>
      </p>
    </Alert>
  );
}

export function usersPage(
  page: AdminPage,
  p: {
    users: UserRow[];
    admins: Admin[];
    values?: NewUserValues;
    errors?: FieldError[];
    created?: { name: string; password: string };
  },
) {
  const v = p.values ?? { name: "", email: "", role: "", administration: "" };
  const errors = p.errors ?? [];
  return (
    <AdminShell
      page={page}
      title={`${errors.length ? "Fejl: " : ""}Brugere`}
      currentPath={USERS}
      breadcrumbs={[{ text: "Oversigt", href: "/admin" }, { text: "Brugere" }]}
    >
      <h1>Brugere</h1>
      {p.created && <OneTimePassword who={p.created.name} password={p.created.password} />}
      <DataTable
        caption="Brugere med roller og forvaltning"
        rows={p.users}
        columns={[
          { header: "Navn", rowHeader: true, cell: (u) => <a href={link(`${USERS}/${u.id}`)}>{u.name}</a> },
          { header: "E-mail", cell: (u) => u.email },
          { header: "Rolle", cell: roleText },
          { header: "Status", cell: (u) => (u.disabled ? "Deaktiveret" : "Aktiv") },
          {
            header: "Sidst logget ind",
            cell: (u) => (u.lastLoginAt ? danishDateTime(u.lastLoginAt) : "Aldrig"),
          },
        ]}
      />
      <h2 class="mt-8">Tilføj bruger</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={link(USERS)} novalidate>
        <CsrfField token={page.csrf} />
        <TextInput
          id="name"
          name="name"
          label="Navn"
          value={v.name}
          required
          error={fieldError(errors, "name")}
        />
        <TextInput
          id="email"
          name="email"
          type="email"
          label="E-mail"
          value={v.email}
          required
          autocomplete="off"
          error={fieldError(errors, "email")}
        />
        <RoleFields values={v} admins={p.admins} errors={errors} rolePlaceholder="Vælg rolle" />
        <ButtonGroup>
          <Button>Tilføj bruger</Button>
        </ButtonGroup>
      </form>
    </AdminShell>
  );
}

export function userPage(
  page: AdminPage,
  p: {
    user: UserRow;
    admins: Admin[];
    self: boolean;
    values?: { role: string; administration: string };
    errors?: FieldError[];
    problem?: string;
    notice?: string;
    password?: string;
  },
) {
  const current = p.user.roles[0];
  const v = p.values ?? { role: current?.role ?? "", administration: current?.administrationCode ?? "" };
  const errors = p.errors ?? [];
  const base = `${USERS}/${p.user.id}`;
  return (
    <AdminShell
      page={page}
      title={`${errors.length || p.problem ? "Fejl: " : ""}Bruger: ${p.user.name}`}
      currentPath={USERS}
      breadcrumbs={[
        { text: "Oversigt", href: "/admin" },
        { text: "Brugere", href: USERS },
        { text: p.user.name },
      ]}
    >
      <h1>{p.user.name}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      {p.password && <OneTimePassword who={p.user.name} password={p.password} />}
      {p.problem && <Alert variant="error">{p.problem}</Alert>}
      <p>
        {p.user.email} · {roleText(p.user)} · {p.user.disabled ? "Deaktiveret" : "Aktiv"}
      </p>
      <h2>Rolle og forvaltning</h2>
      {p.self ? (
        <p>Du kan ikke ændre din egen rolle. Bed en anden administrator om det.</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" action={link(`${base}/rolle`)} novalidate>
            <CsrfField token={page.csrf} />
            <RoleFields values={v} admins={p.admins} errors={errors} />
            <ButtonGroup>
              <Button>Gem rolle</Button>
            </ButtonGroup>
          </form>
        </>
      )}
      <h2 class="mt-8">Adgang</h2>
      {p.self ? (
        <p>Du kan ikke deaktivere dig selv.</p>
      ) : (
        <form method="post" action={link(`${base}/${p.user.disabled ? "aktiver" : "deaktiver"}`)}>
          <CsrfField token={page.csrf} />
          <Button variant={p.user.disabled ? "secondary" : "warning"}>
            {p.user.disabled ? "Aktivér bruger" : "Deaktivér bruger"}
          </Button>
        </form>
      )}
      <h2 class="mt-8">Adgangskode</h2>
      <p>En ny engangsadgangskode logger brugeren ud alle steder og ophæver en eventuel spærring.</p>
      <form method="post" action={link(`${base}/adgangskode`)}>
        <CsrfField token={page.csrf} />
        <Button variant="secondary">Lav ny adgangskode</Button>
      </form>
    </AdminShell>
  );
}
