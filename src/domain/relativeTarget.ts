// Targets written as a change from the baseline: "20 pct. færre end i 2018", "halveres",
// "fordobles", "falde med 3 procentpoint". One rule for the importer (which computes the target
// value) and the pages (which show the rule beside the number).
import { formatNumberDa } from "./numberFormat.ts";

export interface RelativeTarget {
  /** The target is baseline × factor … */
  factor?: number;
  /** … or baseline + delta (procentpoint). */
  delta?: number;
  /** The year the change is counted from, when the text names one ("end i 2018"). */
  fromYear?: number;
  /** The words the rule was read from. */
  quote: string;
  start: number;
  end: number;
}

const NUMBER = String.raw`(\d+(?:,\d+)?)`;
const SHARE = String.raw`(?:pct\.?|%|procent(?!point))`;
const PERCENT_COMPARED = new RegExp(
  String.raw`(?<![\d,.])${NUMBER}\s*${SHARE}\s+(færre|flere|mindre|mere|lavere|højere)\b(?:[^.;]{0,120}?\bend\s+i\s+((?:19|20)\d{2}))?`,
  "iu",
);
const CHANGE_BY = new RegExp(
  String.raw`\b(fald(?:e|et|er)|reducer(?:es|et)|nedbring(?:es|et)|mindsk(?:es|et)|stig(?:e|er)|steget|øg(?:es|et))\s+med\s+${NUMBER}\s*(${SHARE}|procentpoint)`,
  "iu",
);
const HALVED = /\bhalver(?:es|et|e)\b/iu;
const DOUBLED = /\bfordobl(?:es|et|e)\b/iu;

const DOWN = /^(?:færre|mindre|lavere|fald|reducer|nedbring|mindsk)/i;

function num(s: string): number {
  return Number(s.replace(",", "."));
}

/** The first change-from-baseline rule in `text`, or null. */
export function findRelativeTarget(text: string): RelativeTarget | null {
  const found = (m: RegExpExecArray, rule: Omit<RelativeTarget, "quote" | "start" | "end">) => ({
    ...rule,
    quote: m[0],
    start: m.index,
    end: m.index + m[0].length,
  });
  const pct = PERCENT_COMPARED.exec(text);
  if (pct) {
    const p = num(pct[1]!) / 100;
    const factor = DOWN.test(pct[2]!) ? 1 - p : 1 + p;
    if (factor <= 0) return null;
    return found(pct, pct[3] ? { factor, fromYear: Number(pct[3]) } : { factor });
  }
  const by = CHANGE_BY.exec(text);
  if (by) {
    const n = num(by[2]!);
    const down = DOWN.test(by[1]!);
    if (/procentpoint/i.test(by[3]!)) return found(by, { delta: down ? -n : n });
    const factor = down ? 1 - n / 100 : 1 + n / 100;
    return factor > 0 ? found(by, { factor }) : null;
  }
  const half = HALVED.exec(text);
  if (half) return found(half, { factor: 0.5 });
  const double = DOUBLED.exec(text);
  if (double) return found(double, { factor: 2 });
  return null;
}

/**
 * The target a rule gives from a baseline, or null when they do not fit (the rule counts from
 * another year than the baseline's).
 */
export function applyRelativeTarget(
  rule: RelativeTarget,
  baseline: { value: number; year: number | null },
): number | null {
  if (rule.fromYear !== undefined && baseline.year !== null && rule.fromYear !== baseline.year) return null;
  const value = rule.factor !== undefined ? baseline.value * rule.factor : baseline.value + (rule.delta ?? 0);
  return Math.round(value * 1000) / 1000;
}

/** The rule beside the number: "25 pct. færre end i 2018: 3,1 × 0,75 = 2,33". */
export function relativeTargetText(rule: RelativeTarget, baseline: number, target: number): string {
  const words = rule.quote.replace(/\s+/g, " ").trim();
  const step =
    rule.factor !== undefined
      ? `${formatNumberDa(baseline, 3)} × ${formatNumberDa(rule.factor, 3)}`
      : `${formatNumberDa(baseline, 3)} ${(rule.delta ?? 0) < 0 ? "−" : "+"} ${formatNumberDa(Math.abs(rule.delta ?? 0), 3)}`;
  return `Beregnet fra udgangspunktet: »${words}« giver ${step} = ${formatNumberDa(target, 2)}`;
}

/**
 * The rule behind a stored target, when one of `texts` (the target's quote in its document, the
 * indicator's title) states a change that gives exactly that target from the baseline.
 */
export function targetRuleText(
  indicator: { baselineValue: number | null; baselineYear: number | null; targetValue: number | null },
  texts: readonly string[],
): string | null {
  const { baselineValue, targetValue } = indicator;
  if (baselineValue === null || targetValue === null) return null;
  for (const text of texts) {
    const rule = findRelativeTarget(text);
    if (!rule) continue;
    const value = applyRelativeTarget(rule, { value: baselineValue, year: indicator.baselineYear });
    if (value !== null && Math.abs(value - targetValue) < 1e-6)
      return relativeTargetText(rule, baselineValue, value);
  }
  return null;
}
