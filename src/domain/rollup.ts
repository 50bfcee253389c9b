// Roll-up (DESIGN.md §2): goal ← indicators, theme ← goals, policy ← themes for
// computed progress; and the initiatives' ratings per goal or administration.
// The rule is shown on the page beside the result (`rollupRuleText`).
import { type ProgressStatus, progressStatuses, type Rating, ratings } from "./enums.ts";
import { progressStatusLabels, ratingLabels } from "./labels.ts";
import { formatNumberDa } from "./numberFormat.ts";
import { statusFromScore } from "./progress.ts";

export interface ProgressChild {
  status: ProgressStatus;
  /** −5…5 from the progress rule; when absent, the status's representative score is used. */
  score?: number;
  /** Relative weight, default 1 (every child counts the same). */
  weight?: number;
}

export type RollupLevel = "goal" | "theme" | "policy";

export interface ProgressRollup {
  status: ProgressStatus;
  score?: number;
  /** Children with a known status, which the result is based on. */
  included: number;
  total: number;
  counts: Record<ProgressStatus, number>;
  explanation: string;
}

// A child known only by its status counts as the middle of that status's score band.
export const representativeScores = {
  target_achieved: 5,
  substantial_progress: 3.75,
  moderate_progress: 1.25,
  limited_progress: -1.25,
  deterioration: -3.75,
} as const satisfies Record<Exclude<ProgressStatus, "not_available">, number>;

// Danish needs the noun's gender for "den ene indikator" / "det ene tema".
const childNouns: Record<RollupLevel, { one: string; many: string; theOne: string }> = {
  goal: { one: "indikator", many: "indikatorer", theOne: "den ene indikator" },
  theme: { one: "målsætning", many: "målsætninger", theOne: "den ene målsætning" },
  policy: { one: "tema", many: "temaer", theOne: "det ene tema" },
};

function emptyCounts<T extends string>(keys: readonly T[]): Record<T, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Rule: the weighted mean of the scores of the children whose status is known
 * (not `not_available`), mapped to a status with the same score thresholds as an
 * indicator with several series (2,5 / 0 / −2,5); `target_achieved` only when every
 * counted child has achieved its target; `not_available` when no child is known.
 * Each level averages its own children, so a goal with five indicators counts the
 * same as a goal with one when a theme is rolled up.
 */
export function rollupProgress(children: readonly ProgressChild[], level: RollupLevel): ProgressRollup {
  const counts = emptyCounts(progressStatuses);
  let weightSum = 0;
  let weighted = 0;
  let included = 0;
  let allAchieved = true;
  for (const child of children) {
    counts[child.status]++;
    if (child.status === "not_available") continue;
    const weight = child.weight ?? 1;
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`Ugyldig vægt: ${weight}.`);
    const score = child.score ?? representativeScores[child.status];
    included++;
    weightSum += weight;
    weighted += weight * score;
    if (child.status !== "target_achieved") allAchieved = false;
  }
  const noun = childNouns[level];
  const total = children.length;
  const nounFor = (n: number) => (n === 1 ? noun.one : noun.many);
  if (included === 0 || weightSum === 0) {
    const explanation =
      total === 0
        ? `Der er ingen ${noun.many} at beregne fremdrift ud fra.`
        : total === 1
          ? `Fremdriften kan ikke beregnes for ${noun.theOne}.`
          : `Fremdriften kan ikke beregnes for nogen af de ${total} ${noun.many}.`;
    return { status: "not_available", included: 0, total, counts, explanation };
  }
  const score = weighted / weightSum;
  const status = statusFromScore(score, allAchieved);
  const missing = total - included;
  const missingText = missing > 0 ? ` (${missing} kan ikke beregnes)` : "";
  // One child has a score of its own, not an average.
  const basis = total === 1 ? noun.theOne : `${included} af ${total} ${nounFor(total)}`;
  const scoreText = included === 1 ? "score" : "gennemsnitlig score";
  const explanation = `Beregnet ud fra ${basis}${missingText}: ${scoreText} ${formatNumberDa(score, 2)} – ${lowerFirst(progressStatusLabels[status])}.`;
  return { status, score, included, total, counts, explanation };
}

export interface RatingRollup {
  /** null when nobody has reported. */
  rating: Rating | null;
  counts: Record<Rating, number>;
  reported: number;
  notReported: number;
  explanation: string;
}

// Worst first. `completed` only wins when every active initiative is completed.
const activeSeverity: readonly Rating[] = ["off_track", "at_risk", "on_track", "completed"];

/**
 * Rule (worst-of): among initiatives that are running or done, the summary is the
 * worst rating (følger ikke planen > i risiko > følger planen > gennemført). When
 * none has started, it is "afventer finansiering" if any awaits funding, otherwise
 * "ikke påbegyndt". The counts per rating are always shown beside the summary, so
 * one late initiative is visible without hiding the rest.
 */
export function rollupRatings(items: readonly (Rating | null | undefined)[]): RatingRollup {
  const counts = emptyCounts(ratings);
  let notReported = 0;
  for (const r of items) {
    if (r === null || r === undefined) notReported++;
    else counts[r]++;
  }
  const reported = items.length - notReported;
  const notReportedText = notReported > 0 ? `; ${notReported} har ikke indmeldt` : "";
  if (reported === 0) {
    return {
      rating: null,
      counts,
      reported,
      notReported,
      explanation:
        items.length === 0
          ? "Der er ingen initiativer."
          : items.length === 1
            ? "Det ene initiativ har ikke indmeldt."
            : `Ingen af de ${items.length} initiativer har indmeldt.`,
    };
  }
  const rating =
    activeSeverity.find((r) => counts[r] > 0) ??
    (counts.paused_awaiting_funding > 0 ? "paused_awaiting_funding" : "not_started");
  const breakdown = ratings
    .filter((r) => counts[r] > 0)
    .map((r) => `${counts[r]} ${lowerFirst(ratingLabels[r])}`)
    .join(", ");
  const basis =
    reported === 1
      ? "vurderingen fra det ene indmeldte initiativ"
      : `den dårligste vurdering blandt ${reported} indmeldte initiativer: ${breakdown}`;
  const explanation = `Samlet: ${lowerFirst(ratingLabels[rating])} (${basis}${notReportedText}).`;
  return { rating, counts, reported, notReported, explanation };
}

/** Ratings rolled up per key, e.g. per goal id or per administration code. */
export function rollupRatingsBy<K>(
  items: readonly { key: K; rating: Rating | null | undefined }[],
): Map<K, RatingRollup> {
  const groups = new Map<K, (Rating | null | undefined)[]>();
  for (const item of items) {
    const list = groups.get(item.key);
    if (list) list.push(item.rating);
    else groups.set(item.key, [item.rating]);
  }
  return new Map([...groups].map(([key, list]) => [key, rollupRatings(list)]));
}

export const progressRollupRuleText =
  "Fremdriften for en målsætning beregnes ud fra dens indikatorer, et tema ud fra dets målsætninger og en politik ud fra dens temaer. Hver indikator med beregnet fremdrift giver en score fra −5 til 5 (målet nået giver 5), og niveauet over får gennemsnittet af scorerne: mindst 2,5 er betydelig fremgang, mindst 0 moderat fremgang, mindst −2,5 begrænset fremgang, ellers tilbagegang. Målet er kun nået, når det er nået for alle. Indikatorer, hvor fremdriften ikke kan beregnes, indgår ikke, men antallet vises. Hver målsætning tæller lige meget i sit tema, uanset hvor mange indikatorer den har.";

export const ratingRollupRuleText =
  "Den samlede vurdering af initiativerne for en målsætning eller en forvaltning er den dårligste vurdering blandt de initiativer, der er i gang eller gennemført: følger ikke planen, derefter i risiko, derefter følger planen. Gennemført vises kun, når alle er gennemført. Er ingen initiativer gået i gang, vises afventer finansiering, hvis et af dem afventer finansiering, ellers ikke påbegyndt. Antallet af initiativer med hver vurdering vises altid ved siden af.";

/** Both roll-up rules in Danish, for the page that shows rolled-up results. */
export const rollupRuleText = `${progressRollupRuleText}\n\n${ratingRollupRuleText}`;
