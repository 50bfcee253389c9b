import { isEntityName } from "../../domain/entities/index.ts";
import {
  baseField,
  fieldLabel as domainFieldLabel,
  entityLabels as registryEntityLabels,
  valueLabel,
} from "../../domain/entities/labels.ts";
import { formatNumber } from "../../domain/format.ts";

// Danish names of the candidate kinds and their fields, for the review queue
// and the import summary: the registry's entities as the domain names them, and
// the other things the audit log speaks of. A field without a label is shown by its own name.
export const entityLabels: Record<string, { one: string; many: string }> = {
  ...registryEntityLabels,
  inquiry: { one: "Politisk spørgsmål", many: "Politiske spørgsmål" },
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

/** A field's Danish name (the entity's own name for it where it has one): one list, in the domain. */
export const fieldLabel = (field: string, entity?: string) =>
  domainFieldLabel(field, isEntityName(entity) ? entity : undefined);

/** A field's value for reading: enumerations and lists of them in Danish, amounts grouped. */
export function fieldDisplay(field: string, value: unknown, entity?: string): string {
  const known = isEntityName(entity) ? entity : undefined;
  const base = baseField(field);
  if (typeof value === "string") return valueLabel(base, value, known);
  if (Array.isArray(value))
    return value.map((v) => (typeof v === "string" ? valueLabel(base, v, known) : fieldText(v))).join("; ");
  if (typeof value === "number")
    return base === "amount_dkk" ? `${formatNumber(value, 0)} kr.` : String(value).replace(".", ",");
  if (typeof value === "boolean") return value ? "Ja" : "Nej";
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
