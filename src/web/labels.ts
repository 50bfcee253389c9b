// Danish UI labels for the domain's enumerations (src/domain/enums.ts). Typed
// as Records over the enum types so a new value there fails the type check
// here until it has a label.
import type {
  EqualityGround,
  FundingStatus,
  InitiativeStatus,
  ProgressStatus,
  Rating,
  RoundState,
} from "../domain/enums.ts";

/** DKFDS badge variants (`.badge-info` …); "neutral" is the plain `.badge`. */
export type BadgeVariant = "neutral" | "info" | "success" | "warning" | "error";

export interface StatusLabel {
  text: string;
  variant: BadgeVariant;
}

export const RATING_LABELS: Record<Rating, StatusLabel> = {
  on_track: { text: "Følger planen", variant: "success" },
  at_risk: { text: "I risiko", variant: "warning" },
  off_track: { text: "Følger ikke planen", variant: "error" },
  completed: { text: "Gennemført", variant: "success" },
  not_started: { text: "Ikke startet", variant: "neutral" },
  paused_awaiting_funding: { text: "Sat på pause: afventer finansiering", variant: "warning" },
};

export const PROGRESS_LABELS: Record<ProgressStatus, StatusLabel> = {
  target_achieved: { text: "Mål nået", variant: "success" },
  substantial_progress: { text: "Betydelig fremgang", variant: "success" },
  moderate_progress: { text: "Nogen fremgang", variant: "info" },
  limited_progress: { text: "Begrænset fremgang", variant: "warning" },
  deterioration: { text: "Tilbagegang", variant: "error" },
  not_available: { text: "Kan ikke vurderes", variant: "neutral" },
};

export const FUNDING_LABELS: Record<FundingStatus, StatusLabel> = {
  within_frame: { text: "Finansieres inden for rammen", variant: "info" },
  in_budget_process: { text: "Indgår i budgetprocessen", variant: "warning" },
  requires_separate_funding: { text: "Kræver særskilt finansiering", variant: "warning" },
  funded: { text: "Finansieret", variant: "success" },
  unknown: { text: "Finansiering ukendt", variant: "neutral" },
};

export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, StatusLabel> = {
  planned: { text: "Planlagt", variant: "neutral" },
  ongoing: { text: "I gang", variant: "info" },
  completed: { text: "Afsluttet", variant: "success" },
  paused: { text: "Sat på pause", variant: "warning" },
  cancelled: { text: "Aflyst", variant: "error" },
  unknown: { text: "Status ukendt", variant: "neutral" },
};

export const ROUND_STATE_LABELS: Record<RoundState, StatusLabel> = {
  draft: { text: "Kladde", variant: "neutral" },
  open: { text: "Åben", variant: "info" },
  in_review: { text: "Under gennemgang", variant: "warning" },
  locked: { text: "Låst", variant: "success" },
};

export const EQUALITY_GROUND_LABELS: Record<EqualityGround, string> = {
  gender: "Køn",
  race_ethnicity: "Race og etnisk oprindelse",
  religion_belief: "Religion og tro",
  age: "Alder",
  disability: "Handicap",
  sexual_orientation: "Seksuel orientering",
  gender_identity: "Kønsidentitet",
  gender_expression: "Kønsudtryk",
  sex_characteristics: "Kønskarakteristika",
};
