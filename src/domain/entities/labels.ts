// Danish names of the entities' fields and of their values, for every page that
// shows them (review queue, portal sources) and for the Danish messages of the
// entity schemas. Field names are the open-data column names.
import {
  equalityGroundLabels,
  fundingStatusLabels,
  goalKindLabels,
  indicatorDirectionLabels,
  initiativeStatusLabels,
  policyKindLabels,
  respondentKindLabels,
} from "../labels.ts";
import type { EntityName } from "./index.ts";

/** The entities in Danish, one and many. */
export const entityLabels: Record<EntityName, { one: string; many: string }> = {
  document: { one: "Dokument", many: "Dokumenter" },
  policy: { one: "Politik", many: "Politikker" },
  theme: { one: "Tema", many: "Temaer" },
  goal: { one: "Mål", many: "Mål" },
  indicator: { one: "Indikator", many: "Indikatorer" },
  observation: { one: "Måling", many: "Målinger" },
  initiative: { one: "Initiativ", many: "Initiativer" },
  budget_line: { one: "Budgetlinje", many: "Budgetlinjer" },
  annual_target: { one: "Årligt mål", many: "Årlige mål" },
  inquiry: { one: "Spørgsmål fra politiker", many: "Spørgsmål fra politikere" },
  hearing_response: { one: "Høringssvar", many: "Høringssvar" },
};

const fieldLabels: Record<string, string> = {
  parent: "Placering",
  target: "Opdaterer",
  title: "Titel",
  subtitle: "Undertitel",
  kind: "Type",
  text: "Tekst",
  number: "Nummer",
  description: "Beskrivelse",
  administration: "Forvaltning",
  committee: "Udvalg",
  committees: "Ansvarlige udvalg",
  funding_status: "Finansiering",
  status: "Status",
  period_start: "Periodens start",
  period_end: "Periodens slutning",
  owner_administration: "Ansvarlig forvaltning",
  owner_committee: "Ansvarligt udvalg",
  adopted_on: "Vedtaget den",
  follow_up: "Opfølgning",
  parent_policy_title: "Hører under politikken",
  unit: "Enhed",
  direction: "Retning",
  baseline_value: "Udgangspunkt",
  baseline_period: "Udgangspunktets periode",
  target_value: "Målværdi",
  target_period: "Målets periode",
  actual_value: "Opnået værdi",
  source: "Kilde",
  year: "År",
  from_year: "Gælder fra år",
  amount_dkk: "Beløb (kr.)",
  fte: "Årsværk",
  metric: "Måltal",
  value: "Værdi",
  period: "Periode",
  disaggregation: "Opdeling",
  n: "Antal (n)",
  footnote: "Fodnote",
  equality_grounds: "Diskriminationsgrunde",
  target_groups: "Målgrupper",
  partners: "Samarbejdspartnere",
  start_year: "Startår",
  end_year: "Slutår",
  label: "Betegnelse i budgettet",
  case_number: "Sagsnummer",
  document_number: "Dokumentnummer",
  dated: "Dateret",
  asked_by: "Spurgt af",
  asked_on: "Spurgt den",
  answered_on: "Besvaret den",
  signed_by: "Underskrevet af",
  signer_title: "Underskriverens titel",
  questions: "Spørgsmål",
  question_count: "Antal spørgsmål",
  policy_title: "Politikken i høring",
  from_committee: "Fra udvalget",
  addressed_to: "Sendt til",
  addressed_to_role: "Modtagerens titel",
  meeting_date: "Mødedato",
  goals_chosen: "Valgte mål",
};

/** Where one entity calls a field something else. */
const entityFieldLabels: Partial<Record<EntityName, Record<string, string>>> = {
  annual_target: { target_value: "Mål (antal eller andel)", unit: "Enhed for målet" },
  hearing_response: { period_start: "Politikkens første år", period_end: "Politikkens sidste år" },
  document: { title: "Dokumentets titel", kind: "Dokumenttype" },
};

export const documentKindLabels: Record<string, string> = {
  ...policyKindLabels,
  inquiry_answer: "Svar på spørgsmål",
  hearing_response: "Høringssvar",
  unknown: "Ukendt",
};

const valueLabelsByField: Record<string, Record<string, string>> = {
  funding_status: fundingStatusLabels,
  status: initiativeStatusLabels,
  direction: indicatorDirectionLabels,
  equality_grounds: equalityGroundLabels,
  respondent_kind: respondentKindLabels,
};

const kindLabels: Partial<Record<EntityName, Record<string, string>>> = {
  policy: policyKindLabels,
  goal: goalKindLabels,
  document: documentKindLabels,
};

/**
 * A field's Danish name. Evidence may name a part of a field: `goals_chosen[1]`
 * (the second chosen goal) or `equality_grounds:disability` (the words that
 * named one ground); those read as the field and the part.
 */
export function fieldLabel(field: string, entity?: EntityName): string {
  const item = /^(.+)\[(\d+)\]$/.exec(field);
  if (item) return `${fieldLabel(item[1]!, entity)}, nr. ${Number(item[2]) + 1}`;
  const part = /^([a-z_]+):(.+)$/.exec(field);
  if (part) return `${fieldLabel(part[1]!, entity)}: ${valueLabel(part[1]!, part[2]!, entity)}`;
  return (entity && entityFieldLabels[entity]?.[field]) ?? fieldLabels[field] ?? field.replace(/_/g, " ");
}

/** The field of a (possibly partial) evidence name: `goals_chosen[1]` → `goals_chosen`. */
export function baseField(field: string): string {
  return field.replace(/\[\d+\]$/, "").replace(/:.+$/, "");
}

/** One value of a field in Danish: "requires_separate_funding" → "Kræver særskilt finansiering". */
export function valueLabel(field: string, value: string, entity?: EntityName): string {
  const labels = field === "kind" && entity ? kindLabels[entity] : valueLabelsByField[field];
  return labels?.[value] ?? value;
}

/** The Danish labels of a field's allowed values, where it has a fixed set. */
export function valueLabelsOf(field: string, entity?: EntityName): Record<string, string> | undefined {
  return field === "kind" && entity ? kindLabels[entity] : valueLabelsByField[field];
}

/** What a person calls an entity: its title, text, metric or label (shortened to `max` characters). */
export function entityTitle(fields: Record<string, unknown>, max = 120): string {
  for (const key of ["title", "text", "metric", "label", "asked_by", "policy_title"]) {
    const v = fields[key];
    if (typeof v === "string" && v.trim()) {
      const t = v.trim();
      return t.length > max ? `${t.slice(0, max - 1)}…` : t;
    }
  }
  return "Uden titel";
}
