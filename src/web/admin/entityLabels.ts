import { fundingStatusLabels, policyKindLabels } from "../../domain/labels.ts";

// Danish names of the candidate kinds and their fields, for the review queue
// and the import summary. A field without a label is shown by its own name.
export const entityLabels: Record<string, { one: string; many: string }> = {
  document: { one: "Dokument", many: "Dokumenter" },
  policy: { one: "Politik", many: "Politikker" },
  theme: { one: "Tema", many: "Temaer" },
  goal: { one: "Mål", many: "Mål" },
  indicator: { one: "Indikator", many: "Indikatorer" },
  observation: { one: "Måling", many: "Målinger" },
  initiative: { one: "Initiativ", many: "Initiativer" },
  budget_line: { one: "Budgetlinje", many: "Budgetlinjer" },
  annual_target: { one: "Årligt mål", many: "Årlige mål" },
  inquiry: { one: "Spørgsmål fra Borgerrepræsentationen", many: "Spørgsmål fra Borgerrepræsentationen" },
  hearing_response: { one: "Høringssvar", many: "Høringssvar" },
  hearing: { one: "Høring", many: "Høringer" },
  status_round: { one: "Statusrunde", many: "Statusrunder" },
  status_report: { one: "Statusindmelding", many: "Statusindmeldinger" },
  candidate: { one: "Forslag", many: "Forslag" },
  user: { one: "Bruger", many: "Brugere" },
  api_token: { one: "API-nøgle", many: "API-nøgler" },
  administration: { one: "Forvaltning", many: "Forvaltninger" },
  committee: { one: "Udvalg", many: "Udvalg" },
  setting: { one: "Indstilling", many: "Indstillinger" },
  organisation: { one: "Organisation", many: "Organisationer" },
  registry: { one: "Register", many: "Register" },
};

export const entityOne = (entity: string) => entityLabels[entity]?.one ?? entity;
export const entityMany = (entity: string) => entityLabels[entity]?.many ?? entity;

export { fieldLabel, fieldLabels } from "../../domain/fieldLabels.ts";

/** A field's value for reading: enumerations in Danish ("committee_action_plan" → "Udvalgshandleplan"). */
export function fieldDisplay(field: string, value: unknown): string {
  const labels = (valueLabels as Record<string, Record<string, string>>)[field];
  if (labels && typeof value === "string" && labels[value]) return labels[value]!;
  return fieldText(value);
}

/** A field's value as text for display and for the edit form (lists joined by "; "). */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => fieldText(v)).join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Confidence as Danish percent: 0.85 → "85 %". */
export const confidenceText = (c: number) => `${Math.round(c * 100)} %`;

const valueLabels = { kind: policyKindLabels, funding_status: fundingStatusLabels };
