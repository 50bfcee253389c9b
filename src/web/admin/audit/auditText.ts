// The audit log in Danish for people: what was done ("Initiativ ændret"), and
// what changed as label: before → after with readable values (dates, yes/no,
// Danish enumerations), never raw keys or JSON. The CSV keeps the raw record.
import { formatDanishDate } from "../../../domain/danishDate.ts";
import { formatNumber } from "../../../domain/format.ts";
import {
  fundingStatusLabels,
  initiativeStatusLabels,
  policyKindLabels,
  ratingLabels,
  roleLabels,
  roundKindLabels,
  roundStateLabels,
} from "../../../domain/labels.ts";
import { danishDateTime } from "../dates.ts";
import { entityOne, fieldLabel } from "../entityLabels.ts";

const actionLabels: Record<string, string> = {
  "user.login": "Logget ind",
  "user.login_failed": "Mislykket log ind",
  "user.login_throttled": "Log ind spærret midlertidigt",
  "user.logout": "Logget ud",
  "user.create": "Bruger oprettet",
  "user.lock": "Bruger spærret eller genåbnet",
  "user.role": "Rolle ændret",
  "user.password_reset": "Ny adgangskode",
  "api_token.create": "API-nøgle oprettet",
  "api_token.revoke": "API-nøgle tilbagekaldt",
  "candidate.accept": "Forslag godkendt",
  "candidate.reject": "Forslag afvist",
  "document.import": "Dokument importeret",
  "policy.archive": "Politik arkiveret",
  "round.open": "Statusrunde åbnet",
  "round.remind": "Påmindelse sendt",
  "round.auto_remind": "Automatisk påmindelse sendt",
  "inquiry.draft": "Udkast til svar lavet",
  "inquiry.answer": "Svar gemt",
  "inquiry.approve": "Svar godkendt",
  "inquiry.reopen": "Svar genåbnet",
  "inquiry.send": "Svar sendt",
  "hearing.open": "Høring åbnet",
  "hearing_response.register": "Høringssvar registreret",
  "hearing_response.submit": "Høringssvar modtaget",
  "hearing_response.attach": "Bilag tilføjet høringssvar",
  "hearing_response.comment": "Bemærkning til høringssvar",
  "hearing_response.erase": "Høringssvar slettet",
  "setting.update": "Indstilling ændret",
  accept: "Godkendt",
  reject: "Afvist",
  return: "Sendt retur",
  create: "Oprettet",
  update: "Ændret",
};

const verbs: Record<string, string> = { create: "oprettet", update: "ændret", delete: "slettet" };

/** "initiative.update" → "Initiativ ændret"; "round.locked" → "Statusrunde: Låst"; unknown ones as they are. */
export function actionLabel(action: string, entity?: string): string {
  const known = actionLabels[action];
  if (known) return known;
  const [head, verb] = action.split(".");
  if (head === "round" && verb && verb in roundStateLabels)
    return `Statusrunde: ${roundStateLabels[verb as keyof typeof roundStateLabels]}`;
  if (head && verb && verbs[verb])
    return `${entityOne(entity && head !== entity ? head : (entity ?? head))} ${verbs[verb]}`;
  return action;
}

// Keys of stored rows (camelCase) beyond the open-data names in fieldLabels.
const extraLabels: Record<string, string> = {
  state: "Tilstand",
  rating: "Vurdering",
  progressPct: "Fremdrift (%)",
  narrative: "Beretning",
  numbers: "Tal",
  answer: "Svar",
  deadline: "Frist",
  messages: "Beskeder",
  email: "E-mail",
  name: "Navn",
  role: "Rolle",
  disabled: "Spærret",
  returnComment: "Kommentar ved retur",
  reminderDaysBefore: "Påmindelse dage før frist",
  daysBefore: "Dage før frist",
  scope: "Udvalg af data",
  signerTitle: "Underskrivers titel",
  answeredOn: "Besvaret den",
  dueOn: "Svarfrist",
  key: "Indstilling",
  slug: "Adresse",
  partners: "Samarbejdspartnere",
  startYear: "Startår",
  endYear: "Slutår",
  reason: "Begrundelse",
  filename: "Filnavn",
  administrations: "Forvaltninger",
  withoutReporters: "Uden indberetter",
  ip: "IP-adresse",
  address: "IP-adresse",
  spendDkk: "Forbrug (kr.)",
};

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function auditFieldLabel(key: string): string {
  return extraLabels[key] ?? fieldLabel(snake(key));
}

// Internal keys a reader gains nothing from.
const hidden = (key: string) => /^id$|Id$|Ids$|_id$|Hash$|^search$|^version$|^token/.test(key);

const enumLabels: Record<string, Record<string, string>> = {
  rating: ratingLabels,
  role: roleLabels,
  fundingStatus: fundingStatusLabels,
  funding_status: fundingStatusLabels,
  status: initiativeStatusLabels,
  kind: { ...policyKindLabels, ...roundKindLabels },
};

/** A stored value as a Danish reader expects it. */
export function auditValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "tom";
  if (typeof value === "boolean") return value ? "ja" : "nej";
  // A year is written as a year ("2018"), not as a number with a thousands separator ("2.018").
  if (typeof value === "number")
    return /(?:^y|Y)ear$|^period(?:Start|End)$|^period_(?:start|end)$/.test(key) && Number.isInteger(value)
      ? String(value)
      : formatNumber(value, 2);
  if (typeof value === "string") {
    const label = enumLabels[key]?.[value];
    if (label) return label;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDanishDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return danishDateTime(value);
    return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => auditValue(key, v)).join(", ") : "ingen";
  if (typeof value === "object") {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !hidden(k))
      .map(([k, v]) => `${auditFieldLabel(k)}: ${auditValue(k, v)}`);
    const line = parts.join("; ");
    return line.length > 160 ? `${line.slice(0, 157)}…` : line || "–";
  }
  return String(value);
}

export interface AuditChange {
  label: string;
  before: string | null;
  after: string;
}

/** The fields that differ (or, for a record created or removed, its fields), labelled in Danish. */
export function auditChanges(
  before: unknown,
  after: unknown,
  max = 8,
): { changes: AuditChange[]; more: number } {
  const b = before && typeof before === "object" ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === "object" ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !hidden(k) && !["updatedAt", "createdAt", "organisationId"].includes(k),
  );
  const changes = keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) =>
      k in b && k in a
        ? { label: auditFieldLabel(k), before: auditValue(k, b[k]), after: auditValue(k, a[k]) }
        : { label: auditFieldLabel(k), before: null, after: auditValue(k, k in a ? a[k] : b[k]) },
    );
  return { changes: changes.slice(0, max), more: Math.max(0, changes.length - max) };
}
