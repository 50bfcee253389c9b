// Danish labels for the enumerations (code is English, the UI is Danish: DESIGN.md §2),
// and the Danish URL slugs for equality grounds. `satisfies Record<…>` makes the
// compiler fail when an enumeration gains a value without a label.
import type {
  EqualityGround,
  FundingStatus,
  GoalKind,
  HearingState,
  IndicatorDirection,
  InitiativeStatus,
  InquiryState,
  PolicyKind,
  PolicyStatus,
  ProgressStatus,
  Rating,
  ReportState,
  RespondentKind,
  Role,
  RoundKind,
  RoundState,
} from "./enums.ts";
import { equalityGrounds } from "./enums.ts";

export const policyKindLabels = {
  policy: "Politik",
  action_plan: "Handleplan",
  committee_action_plan: "Udvalgshandleplan",
  status_report: "Statusrapport",
} as const satisfies Record<PolicyKind, string>;

export const policyStatusLabels = {
  draft: "Udkast",
  in_hearing: "I høring",
  adopted: "Vedtaget",
  archived: "Arkiveret",
} as const satisfies Record<PolicyStatus, string>;

export const indicatorDirectionLabels = {
  increase: "Skal stige",
  decrease: "Skal falde",
  maintain: "Skal fastholdes",
} as const satisfies Record<IndicatorDirection, string>;

export const fundingStatusLabels = {
  within_frame: "Finansieres inden for rammen",
  in_budget_process: "Indgår i budgetprocessen",
  requires_separate_funding: "Kræver særskilt finansiering",
  funded: "Finansieret",
  unknown: "Ukendt",
} as const satisfies Record<FundingStatus, string>;

export const equalityGroundLabels = {
  gender: "Køn",
  race_ethnicity: "Race og etnicitet",
  religion_belief: "Religion og tro",
  age: "Alder",
  disability: "Handicap og funktionsevne",
  sexual_orientation: "Seksuel orientering",
  gender_identity: "Kønsidentitet",
  gender_expression: "Kønsudtryk",
  sex_characteristics: "Kønskarakteristika",
} as const satisfies Record<EqualityGround, string>;

export const goalKindLabels = {
  goal: "Målsætning",
  result_goal: "Resultatmål",
} as const satisfies Record<GoalKind, string>;

export const initiativeStatusLabels = {
  planned: "Planlagt",
  ongoing: "I gang",
  completed: "Afsluttet",
  paused: "Sat i bero",
  cancelled: "Annulleret",
  unknown: "Ukendt",
} as const satisfies Record<InitiativeStatus, string>;

export const roundKindLabels = {
  annual: "Årlig status",
  midterm: "Midtvejsstatus",
  final: "Slutstatus",
} as const satisfies Record<RoundKind, string>;

export const roundStateLabels = {
  draft: "Kladde",
  open: "Åben for indmelding",
  in_review: "Under gennemgang",
  locked: "Låst",
} as const satisfies Record<RoundState, string>;

export const ratingLabels = {
  on_track: "Følger planen",
  at_risk: "I risiko",
  off_track: "Følger ikke planen",
  completed: "Gennemført",
  not_started: "Ikke påbegyndt",
  paused_awaiting_funding: "Sat i bero – afventer finansiering",
} as const satisfies Record<Rating, string>;

export const reportStateLabels = {
  draft: "Kladde",
  submitted: "Indsendt",
  returned: "Sendt retur",
  accepted: "Godkendt",
} as const satisfies Record<ReportState, string>;

export const progressStatusLabels = {
  target_achieved: "Målet er nået",
  substantial_progress: "Betydelig fremgang",
  moderate_progress: "Moderat fremgang",
  limited_progress: "Begrænset fremgang",
  deterioration: "Tilbagegang",
  not_available: "Kan ikke beregnes",
} as const satisfies Record<ProgressStatus, string>;

export const roleLabels = {
  admin: "Administrator",
  coordinator: "Koordinator",
  reporter: "Indberetter",
  viewer: "Læser",
} as const satisfies Record<Role, string>;

export const inquiryStateLabels = {
  new: "Ny",
  drafting: "Under udarbejdelse",
  approved: "Godkendt",
  sent: "Sendt",
} as const satisfies Record<InquiryState, string>;

export const hearingStateLabels = {
  draft: "Kladde",
  open: "I høring",
  closed: "Høringsfristen er udløbet",
  summarized: "Høringsnotat udarbejdet",
} as const satisfies Record<HearingState, string>;

export const respondentKindLabels = {
  committee: "Udvalg",
  council: "Råd",
  organisation: "Organisation",
  citizen: "Borger",
  administration: "Forvaltning",
} as const satisfies Record<RespondentKind, string>;

/**
 * Public URL slugs, e.g. /diskrimination/funktionsevne. Short Danish words a
 * citizen would type, ASCII only (ø → oe). Never change one once published:
 * links and open-data references depend on them.
 */
export const equalityGroundSlugs = {
  gender: "koen",
  race_ethnicity: "etnicitet",
  religion_belief: "religion",
  age: "alder",
  disability: "funktionsevne",
  sexual_orientation: "seksuel-orientering",
  gender_identity: "koensidentitet",
  gender_expression: "koensudtryk",
  sex_characteristics: "koenskarakteristika",
} as const satisfies Record<EqualityGround, string>;

export function equalityGroundFromSlug(slug: string): EqualityGround | undefined {
  return equalityGrounds.find((g) => equalityGroundSlugs[g] === slug);
}
