// Progress of an indicator, computed from baseline, target, direction and
// observations: the Open SDG rule (sdg-build `sdg/ProgressMeasure.py`, after
// Statistics Canada), as DESIGN.md §11 describes it. Progress is never typed in by
// a person; this function is the only source of a ProgressStatus.
import type { IndicatorDirection, ProgressStatus } from "./enums.ts";
import { progressStatusLabels } from "./labels.ts";
import { formatNumberDa, formatPercentDa, formatValueWithUnit } from "./numberFormat.ts";
import { formatPeriodDanish, type Period, parsePeriod, periodSortKey, periodYear } from "./period.ts";
import { DEFAULT_SUPPRESSION_THRESHOLD, isSuppressed } from "./suppression.ts";

/** sdg-build's defaults; a growth value at or above `high` is substantial progress, etc. */
export const NO_TARGET_THRESHOLDS = { high: 0.015, med: 0.005, low: 0 } as const;
export const TARGET_THRESHOLDS = { high: 0.95, med: 0.6, low: 0 } as const;
/** Thresholds on the −5…5 score used when several series or children are averaged. */
export const SCORE_THRESHOLDS = { high: 2.5, med: 0, low: -2.5 } as const;
/** `maintain`: the latest value may differ this much (relative) from the level to keep. */
export const DEFAULT_MAINTAIN_TOLERANCE = 0.05;

// sdg-build replaces a zero base or target by this to avoid dividing by zero.
const ZERO_REPLACEMENT = 0.001;

export interface ProgressObservation {
  period: string | number;
  /** null: no value (missing or withheld at the source); such rows are skipped. */
  value: number | null | undefined;
  /** Number of persons behind the value; below the suppression threshold the row is left out. */
  n?: number | null;
}

export interface ProgressSeriesInput {
  /** Names the series when an indicator has several (e.g. "Kvinder"). */
  label?: string;
  direction: IndicatorDirection;
  unit?: string | null;
  /** The indicator's baseline. Without it, the first observation is the base. */
  baseline?: { period: string | number; value?: number | null } | null;
  target?: { period: string | number; value: number } | null;
  observations: readonly ProgressObservation[];
  maintainTolerance?: number;
  suppressionThreshold?: number;
}

export interface ProgressPoint {
  year: number;
  period: string;
  value: number;
}

export type ProgressMethod = "no_target" | "target" | "maintain";

export interface SeriesProgress {
  status: ProgressStatus;
  /** −5 … 5, sdg-build's `get_score`; used to average series and roll up. Absent when not available. */
  score?: number;
  /**
   * The number compared with the thresholds: sign × dir × CAGR without a target,
   * sign × dir × CAGR_observed / |CAGR_required| with one. Absent for `maintain`,
   * when the target is already achieved, and when nothing can be computed.
   */
  progressValue?: number;
  /** `maintain` only: |current − level| / |level|. */
  deviation?: number;
  method?: ProgressMethod;
  base?: ProgressPoint;
  current?: ProgressPoint;
  target?: ProgressPoint;
  /** One or two Danish sentences for the indicator page. */
  explanation: string;
}

export interface IndicatorProgress {
  status: ProgressStatus;
  score?: number;
  explanation: string;
  series: SeriesProgress[];
}

/** Compound annual growth rate between two values `years` apart. */
export function cagr(from: number, to: number, years: number): number {
  return (to / from) ** (1 / years) - 1;
}

/** Status for a growth value or growth ratio, given the thresholds of its method. */
export function statusFromValue(
  value: number,
  thresholds: { high: number; med: number; low: number },
): ProgressStatus {
  if (value >= thresholds.high) return "substantial_progress";
  if (value >= thresholds.med) return "moderate_progress";
  if (value >= thresholds.low) return "limited_progress";
  return "deterioration";
}

/** Status for a mean score (sdg-build `get_progress_status_from_score`). */
export function statusFromScore(score: number | undefined, allTargetsAchieved: boolean): ProgressStatus {
  if (score === undefined || !Number.isFinite(score)) return "not_available";
  if (allTargetsAchieved) return "target_achieved";
  return statusFromValue(score, SCORE_THRESHOLDS);
}

// sdg-build's piecewise-linear maps from a progress value to a −5…5 score. They
// are continuous and put each status threshold at a score threshold (2.5 / 0 / −2.5),
// so averaging scores is consistent with the per-series status. 50/7, 30/7 and 25/6
// are the exact values behind sdg-build's rounded 7.1429, 4.2857 and 4.1667.
function scoreWithoutTarget(pv: number): number {
  if (pv < 0) return Math.max(125 * pv - 2.5, -5);
  if (pv >= NO_TARGET_THRESHOLDS.high) return Math.min(500 * pv - 5, 5);
  if (pv >= NO_TARGET_THRESHOLDS.med) return 250 * pv - 1.25;
  return 500 * pv - 2.5;
}

function scoreWithTarget(pv: number): number {
  if (pv >= TARGET_THRESHOLDS.med) return Math.min((50 / 7) * pv - 30 / 7, 5);
  return Math.max((25 / 6) * pv - 2.5, -5);
}

// `maintain` has no Open SDG counterpart. Rule (ours): within the tolerance of the
// level to keep counts as achieved; up to twice the tolerance is limited progress
// (drifting); beyond that deterioration. The score falls linearly from 0 at the
// tolerance to −2.5 at twice it and −5 at three times it.
function scoreMaintain(deviation: number, tolerance: number): number {
  if (deviation <= tolerance) return 5;
  return Math.max(-2.5 * (deviation / tolerance - 1), -5);
}

function statusMaintain(deviation: number, tolerance: number): ProgressStatus {
  if (deviation <= tolerance) return "target_achieved";
  return deviation <= 2 * tolerance ? "limited_progress" : "deterioration";
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function statusText(status: ProgressStatus): string {
  return lowerFirst(progressStatusLabels[status]);
}

interface Parsed {
  year: number;
  period: Period;
  value: number;
}

function unavailable(explanation: string, extra: Partial<SeriesProgress> = {}): SeriesProgress {
  return { status: "not_available", explanation, ...extra };
}

/** Progress of one series (the headline, or one disaggregation). */
export function computeSeriesProgress(input: ProgressSeriesInput): SeriesProgress {
  const threshold = input.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const tolerance = input.maintainTolerance ?? DEFAULT_MAINTAIN_TOLERANCE;
  const fmt = (v: number) => formatValueWithUnit(v, input.unit);
  const notes: string[] = [];

  // One value per year: several periods in one year (quarters) keep the latest.
  const byYear = new Map<number, Parsed>();
  let suppressed = 0;
  let unreadable = 0;
  for (const obs of input.observations) {
    if (obs.value === null || obs.value === undefined || !Number.isFinite(obs.value)) continue;
    if (isSuppressed(obs.n, threshold)) {
      suppressed++;
      continue;
    }
    const period = parsePeriod(obs.period);
    if (!period.ok) {
      unreadable++;
      continue;
    }
    const year = periodYear(period.value);
    const existing = byYear.get(year);
    if (!existing || periodSortKey(period.value) > periodSortKey(existing.period)) {
      byYear.set(year, { year, period: period.value, value: obs.value });
    }
  }
  if (suppressed > 0) notes.push(`${suppressed} måling(er) med under ${threshold} personer indgår ikke.`);
  if (unreadable > 0)
    notes.push(`${unreadable} måling(er) med en periode, der ikke kan tolkes, indgår ikke.`);
  const withNotes = (text: string) => [text, ...notes].join(" ");

  let baselinePeriod: Period | undefined;
  if (input.baseline) {
    const parsed = parsePeriod(input.baseline.period);
    if (!parsed.ok) return unavailable(withNotes(`Udgangsåret kan ikke tolkes: ${parsed.error}`));
    baselinePeriod = parsed.value;
    const baselineYear = periodYear(parsed.value);
    const value = input.baseline.value;
    // The observation series wins over the typed baseline: growth is measured
    // within one series. The baseline value fills the gap when the series lacks it.
    if (value !== null && value !== undefined && Number.isFinite(value) && !byYear.has(baselineYear)) {
      byYear.set(baselineYear, { year: baselineYear, period: parsed.value, value });
    }
  }

  const years = [...byYear.keys()].sort((a, b) => a - b);
  const lastYear = years[years.length - 1];
  if (lastYear === undefined) return unavailable(withNotes("Der er endnu ingen målinger."));
  const currentP = byYear.get(lastYear)!;
  const wantedBaseYear = baselinePeriod ? periodYear(baselinePeriod) : years[0]!;
  const baseYear = years.find((y) => y >= wantedBaseYear);
  const toPoint = (p: Parsed): ProgressPoint => ({
    year: p.year,
    period: formatPeriodDanish(p.period),
    value: p.value,
  });
  const current = toPoint(currentP);
  if (baseYear === undefined) {
    return unavailable(
      withNotes(`Seneste måling (${current.period}) ligger før udgangsåret (${wantedBaseYear}).`),
      { current },
    );
  }
  const base = toPoint(byYear.get(baseYear)!);

  let target: ProgressPoint | undefined;
  if (input.target) {
    const parsed = parsePeriod(input.target.period);
    if (!parsed.ok)
      return unavailable(withNotes(`Målåret kan ikke tolkes: ${parsed.error}`), { base, current });
    const value = input.target.value === 0 ? ZERO_REPLACEMENT : input.target.value;
    target = { year: periodYear(parsed.value), period: formatPeriodDanish(parsed.value), value };
  }

  const moved = baseYear !== wantedBaseYear ? `; første måling efter udgangsåret ${wantedBaseYear}` : "";
  const facts = [
    ...(base.year === current.year
      ? [`Eneste måling ${fmt(current.value)} (${current.period})`]
      : [
          `Udgangspunkt ${fmt(base.value)} (${base.period}${moved})`,
          `seneste ${fmt(current.value)} (${current.period})`,
        ]),
    // Show the target as written: a target of 0 is computed as 0.001 but shown as 0.
    ...(target && input.target ? [`mål ${fmt(input.target.value)} (${target.period})`] : []),
  ].join(", ");
  const result = (
    status: ProgressStatus,
    reason: string,
    extra: Partial<SeriesProgress>,
  ): SeriesProgress => ({
    status,
    explanation: withNotes(`${facts}: ${reason}`),
    base,
    current,
    ...(target ? { target } : {}),
    ...extra,
  });
  const tooFew = () =>
    result(
      "not_available",
      "der skal være mindst to målinger med mindst et års mellemrum for at beregne fremdrift.",
      {},
    );

  if (input.direction === "maintain") {
    if (current.year - base.year < 1) return tooFew();
    const level = target ? target.value : base.value === 0 ? ZERO_REPLACEMENT : base.value;
    const deviation = Math.abs(current.value - level) / Math.abs(level);
    const status = statusMaintain(deviation, tolerance);
    const what = target ? "målet" : "udgangspunktet";
    const reason =
      status === "target_achieved"
        ? `niveauet er fastholdt (afvigelse ${formatPercentDa(deviation)} fra ${what}, tolerance ${formatPercentDa(tolerance)}).`
        : `niveauet skal fastholdes, men afviger ${formatPercentDa(deviation)} fra ${what} (tolerance ${formatPercentDa(tolerance)}) – ${statusText(status)}.`;
    return result(status, reason, {
      method: "maintain",
      deviation,
      score: scoreMaintain(deviation, tolerance),
    });
  }

  const dir = input.direction === "increase" ? 1 : -1;
  const method: ProgressMethod = target ? "target" : "no_target";

  // Checked before anything else, as in sdg-build: a target reached is reached
  // even when no growth can be computed (e.g. a single observation).
  if (target && (dir === 1 ? current.value >= target.value : current.value <= target.value)) {
    return result("target_achieved", "målet er nået.", { method, score: 5 });
  }

  // sdg-build takes the sign from the original base, then replaces a zero base.
  const sign = base.value < 0 ? -1 : 1;
  const baseValue = base.value === 0 ? ZERO_REPLACEMENT : base.value;
  if ((baseValue > 0 && current.value < 0) || (baseValue < 0 && current.value > 0)) {
    return result(
      "not_available",
      "udgangspunkt og seneste måling har modsat fortegn, så vækstraten kan ikke beregnes.",
      { method },
    );
  }
  if (current.year - base.year < 1) return tooFew();

  const observed = cagr(baseValue, current.value, current.year - base.year);
  const wanted = dir === 1 ? "stige" : "falde";

  if (!target) {
    const pv = sign * dir * observed;
    const status = statusFromValue(pv, NO_TARGET_THRESHOLDS);
    return result(
      status,
      `gennemsnitlig årlig vækstrate ${formatPercentDa(observed, 1, true)}; indikatoren skal ${wanted}, så det er ${statusText(status)}.`,
      { method, progressValue: pv, score: scoreWithoutTarget(pv) },
    );
  }

  if (target.year <= base.year) {
    return result("not_available", `målåret (${target.period}) ligger ikke efter udgangsåret.`, { method });
  }
  const required = cagr(baseValue, target.value, target.year - base.year);
  if (Number.isNaN(required)) {
    return result(
      "not_available",
      "mål og udgangspunkt har modsat fortegn, så vækstraten kan ikke beregnes.",
      {
        method,
      },
    );
  }
  const pv = (sign * dir * observed) / Math.abs(required);
  if (!Number.isFinite(pv)) {
    // The target equals the base (no growth required) and it is not reached: the
    // value has moved away from it, and the ratio is infinite.
    const status = pv > 0 ? "substantial_progress" : "deterioration";
    return result(
      status,
      `målet er lig udgangspunktet, og den årlige vækstrate er ${formatPercentDa(observed, 1, true)} – ${statusText(status)}.`,
      { method, score: pv > 0 ? 5 : -5 },
    );
  }
  const status = statusFromValue(pv, TARGET_THRESHOLDS);
  return result(
    status,
    `den gennemsnitlige årlige vækstrate har været ${formatPercentDa(observed, 1, true)}, og målet kræver ${formatPercentDa(required, 1, true)} om året; forholdet ${formatNumberDa(pv, 2)} giver ${statusText(status)}.`,
    { method, progressValue: pv, score: scoreWithTarget(pv) },
  );
}

/**
 * Progress of an indicator with one or more series: with one series its result;
 * with several, the mean of the series' scores (series without a score are left
 * out), mapped with the score thresholds; `target_achieved` only when every scored
 * series has achieved its target (sdg-build `get_indicator_progress`).
 */
export function computeIndicatorProgress(series: readonly ProgressSeriesInput[]): IndicatorProgress {
  const results = series.map(computeSeriesProgress);
  const only = results[0];
  if (results.length === 1 && only) {
    return {
      status: only.status,
      ...(only.score !== undefined ? { score: only.score } : {}),
      explanation: only.explanation,
      series: results,
    };
  }
  if (!only)
    return { status: "not_available", explanation: "Indikatoren har ingen dataserier.", series: results };

  const labelled = results.map((r, i) => `${series[i]?.label ?? `Serie ${i + 1}`}: ${r.explanation}`);
  const scored = results.filter((r) => r.score !== undefined);
  if (scored.length === 0) {
    return {
      status: "not_available",
      explanation: [
        `Fremdriften kan ikke beregnes for nogen af de ${results.length} serier.`,
        ...labelled,
      ].join(" "),
      series: results,
    };
  }
  const score = scored.reduce((sum, r) => sum + (r.score ?? 0), 0) / scored.length;
  const status = statusFromScore(
    score,
    scored.every((r) => r.status === "target_achieved"),
  );
  const summary = `Gennemsnit af ${scored.length} af ${results.length} serier: score ${formatNumberDa(score, 2)} på en skala fra -5 til 5 – ${statusText(status)}.`;
  return { status, score, explanation: [summary, ...labelled].join(" "), series: results };
}

/** The rule in Danish, for the "Sådan beregnes fremdrift" section. */
export const progressRuleText = [
  "Fremdriften for en indikator beregnes automatisk ud fra udgangspunkt, mål, ønsket retning og seneste måling. Metoden er den samme som i Open SDG (udviklet af Statistics Canada).",
  "Seneste måling er målingen fra det seneste år. Udgangspunktet er målingen fra udgangsåret; findes der ingen måling det år, bruges det første senere år med en måling. Der skal være mindst et år mellem udgangspunkt og seneste måling. Et skoleår (fx 2016/17) og en periode (fx 2019–2022) tæller som deres sidste år. Målinger med under 5 personer indgår ikke.",
  "Den gennemsnitlige årlige vækstrate beregnes som (seneste / udgangspunkt)^(1 / antal år) − 1. Er udgangspunktet eller målet 0, regnes med 0,001. Har udgangspunkt og seneste måling modsat fortegn, kan fremdriften ikke beregnes.",
  "Uden mål: vækstraten i den ønskede retning sammenlignes med grænserne 1,5 %, 0,5 % og 0 % om året: mindst 1,5 % er betydelig fremgang, mindst 0,5 % moderat fremgang, mindst 0 % begrænset fremgang, og under 0 % tilbagegang.",
  "Med mål: er seneste måling på eller forbi målet i den ønskede retning, er målet nået. Ellers sammenlignes den observerede årlige vækstrate med den vækstrate, der skal til for at nå målet i målåret. Er forholdet mindst 0,95, er det betydelig fremgang; mindst 0,6 moderat fremgang; mindst 0 begrænset fremgang; under 0 tilbagegang.",
  "Skal niveauet fastholdes, er målet nået, når seneste måling højst afviger 5 % fra målet (eller fra udgangspunktet, hvis der ikke er et mål). En afvigelse på op til 10 % er begrænset fremgang, en større afvigelse tilbagegang.",
  "Har en indikator flere dataserier, omregnes hver series resultat til en score fra −5 til 5, og indikatoren får gennemsnittet: mindst 2,5 er betydelig fremgang, mindst 0 moderat, mindst −2,5 begrænset, ellers tilbagegang. Målet er kun nået, når det er nået i alle serier.",
].join("\n\n");
