// The set-up form's fields as sent and as shown again after an error: the
// municipality, its administrations and committees (rows, pasted CSV and an
// uploaded CSV file), the first administrator and, from another machine, the
// set-up code. Reading the form is separate from the page so both stay small.

export type UnitKind = "administrations" | "committees";

export interface UnitRow {
  code: string;
  name: string;
}

export interface SetupForm {
  name: string;
  slug: string;
  administrations: UnitRow[];
  committees: UnitRow[];
  administrationsCsv: string;
  committeesCsv: string;
  adminName: string;
  adminEmail: string;
}

export const UNIT_WORDS: Record<UnitKind, { field: string; one: string; plural: string; example: string }> = {
  administrations: {
    field: "forvaltning",
    one: "Forvaltning",
    plural: "Forvaltninger",
    example: "BSF;Børne- og Skoleforvaltningen",
  },
  committees: {
    field: "udvalg",
    one: "Udvalg",
    plural: "Udvalg",
    example: "SSU;Social- og Sundhedsudvalget",
  },
};

/** Rows shown on an empty form, and the most the form takes. */
export const START_ROWS = 3;
export const MAX_ROWS = 200;

export const emptySetupForm = (): SetupForm => ({
  name: "",
  slug: "",
  administrations: Array.from({ length: START_ROWS }, () => ({ code: "", name: "" })),
  committees: Array.from({ length: START_ROWS }, () => ({ code: "", name: "" })),
  administrationsCsv: "",
  committeesCsv: "",
  adminName: "",
  adminEmail: "",
});

export const rowFieldId = (kind: UnitKind, index: number, part: "code" | "name") =>
  `${UNIT_WORDS[kind].field}-${index}-${part === "code" ? "kode" : "navn"}`;
export const csvFieldId = (kind: UnitKind) => `${UNIT_WORDS[kind].field}-csv`;
export const fileFieldId = (kind: UnitKind) => `${UNIT_WORDS[kind].field}-fil`;
export const countFieldId = (kind: UnitKind) => `${UNIT_WORDS[kind].field}-antal`;

type Body = Record<string, string | File | (string | File)[]>;

const text = (body: Body, key: string, max = 10_000) => {
  const value = body[key];
  return typeof value === "string" ? value.slice(0, max) : "";
};

function rows(body: Body, kind: UnitKind): UnitRow[] {
  const n = Math.min(Math.max(Number.parseInt(text(body, countFieldId(kind)), 10) || 0, 0), MAX_ROWS);
  return Array.from({ length: n }, (_, i) => ({
    code: text(body, rowFieldId(kind, i, "code"), 50).trim(),
    name: text(body, rowFieldId(kind, i, "name"), 300).trim(),
  }));
}

/** The form as sent (the password is kept apart and never shown again). */
export function readSetupForm(body: Body): { form: SetupForm; password: string; code: string } {
  return {
    form: {
      name: text(body, "name", 300).trim(),
      slug: text(body, "slug", 100).trim(),
      administrations: rows(body, "administrations"),
      committees: rows(body, "committees"),
      administrationsCsv: text(body, csvFieldId("administrations"), 100_000),
      committeesCsv: text(body, csvFieldId("committees"), 100_000),
      adminName: text(body, "admin-name", 300).trim(),
      adminEmail: text(body, "admin-email", 320).trim(),
    },
    password: text(body, "admin-password", 1000),
    code: text(body, "setup-code", 100),
  };
}

/** The uploaded CSV file of a kind, if one was chosen. */
export function uploadedFile(body: Body, kind: UnitKind): File | undefined {
  const value = body[fileFieldId(kind)];
  return value instanceof File && value.size > 0 ? value : undefined;
}

/** Which "add a row" button was pressed, if any. */
export function addRowRequest(body: Body): UnitKind | undefined {
  const value = text(body, "tilfoej");
  return value === "administrations" || value === "committees" ? value : undefined;
}
