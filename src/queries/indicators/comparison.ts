// The national comparison: indicators that several municipalities measure
// (same title and unit, domain/indicatorKey.ts), and for one such key each
// municipality's latest value, baseline and target. Only what each portal shows
// anyway; a latest value based on fewer persons than the threshold is
// suppressed here, before any page or chart sees it.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { goals, indicators, observations, organisations } from "../../db/schema.ts";
import type { ProgressStatus } from "../../domain/enums.ts";
import { indicatorKey } from "../../domain/indicatorKey.ts";
import { isSuppressed } from "../../domain/suppression.ts";
import { indicatorColumns, type ObservationRow, observationColumns, withProgress } from "./progress.ts";

export interface ComparableIndicator {
  key: string;
  title: string;
  unit: string | null;
  municipalities: number;
}

export interface KeyedIndicator {
  id: string;
  organisationId: string;
  organisationSlug: string;
  organisationName: string;
  title: string;
  unit: string | null;
  key: string;
}

/**
 * Every organisation's indicators with their keys, by organisation name and title: what both
 * national pages start from (the routes keep it until any organisation writes).
 */
export async function keyedIndicators(db: Executor): Promise<KeyedIndicator[]> {
  const rows = await db
    .select({
      id: indicators.id,
      organisationId: indicators.organisationId,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
      title: indicators.title,
      unit: indicators.unit,
    })
    .from(indicators)
    .innerJoin(organisations, eq(organisations.id, indicators.organisationId))
    .orderBy(asc(organisations.name), asc(indicators.title), asc(indicators.id));
  return rows.map((r) => ({ ...r, key: indicatorKey(r.title, r.unit) }));
}

/** Every key measured by at least two municipalities, most widely measured first. */
export function comparableIndicators(keyed: readonly KeyedIndicator[]): ComparableIndicator[] {
  const byKey = new Map<string, { first: KeyedIndicator; organisations: Set<string> }>();
  for (const row of keyed) {
    const entry = byKey.get(row.key);
    if (entry) entry.organisations.add(row.organisationId);
    else byKey.set(row.key, { first: row, organisations: new Set([row.organisationId]) });
  }
  return [...byKey]
    .filter(([, e]) => e.organisations.size >= 2)
    .map(([key, e]) => ({
      key,
      title: e.first.title,
      unit: e.first.unit,
      municipalities: e.organisations.size,
    }))
    .sort((a, b) => b.municipalities - a.municipalities || a.title.localeCompare(b.title, "da"));
}

export interface ComparisonRow {
  organisation: { slug: string; name: string };
  indicatorId: string;
  direction: string;
  /** The latest total (no breakdown); `suppressed` when its n is below the threshold (value then absent). */
  latest: { period: string; year: number; value?: number; suppressed: boolean } | null;
  baseline: { period: string; value: number | null } | null;
  target: { period: string; value: number } | null;
  progress: ProgressStatus;
}

export interface IndicatorComparison {
  key: string;
  title: string;
  unit: string | null;
  rows: ComparisonRow[];
}

function latestTotal(obs: readonly ObservationRow[]): ObservationRow | undefined {
  return obs
    .filter((o) => o.disaggregation === "")
    .reduce<ObservationRow | undefined>((best, o) => (!best || o.year > best.year ? o : best), undefined);
}

/**
 * Each municipality measuring the key, by name. A municipality with several
 * indicators of the key (one per policy) is shown by the one measured most recently.
 */
export async function indicatorComparison(
  db: Executor,
  keyed: readonly KeyedIndicator[],
  key: string,
  threshold: number,
): Promise<IndicatorComparison | undefined> {
  const matching = keyed.filter((r) => r.key === key);
  if (new Set(matching.map((r) => r.organisationId)).size < 2) return undefined;
  const ids = matching.map((r) => r.id);
  const [details, obs] = await Promise.all([
    db
      .select(indicatorColumns)
      .from(indicators)
      // Across organisations: each row's own organisation is the one its parent belongs to.
      .innerJoin(
        goals,
        and(eq(goals.id, indicators.goalId), eq(goals.organisationId, indicators.organisationId)),
      )
      .where(inArray(indicators.id, ids)),
    db
      .select(observationColumns)
      .from(observations)
      .innerJoin(
        indicators,
        and(
          eq(indicators.id, observations.indicatorId),
          eq(indicators.organisationId, observations.organisationId),
        ),
      )
      .where(inArray(observations.indicatorId, ids))
      .orderBy(asc(observations.year), asc(observations.period)),
  ]);
  const detailOf = new Map(details.map((d) => [d.id, d]));
  const best = new Map<string, ComparisonRow>();
  for (const m of matching) {
    const detail = detailOf.get(m.id);
    if (!detail) continue;
    const own = obs.filter((o) => o.indicatorId === m.id);
    const latest = latestTotal(own);
    const suppressed = latest ? isSuppressed(latest.n, threshold) : false;
    const row: ComparisonRow = {
      organisation: { slug: m.organisationSlug, name: m.organisationName },
      indicatorId: m.id,
      direction: detail.direction,
      latest: latest
        ? {
            period: latest.period,
            year: latest.year,
            suppressed,
            ...(suppressed ? {} : { value: latest.value }),
          }
        : null,
      baseline: detail.baselinePeriod ? { period: detail.baselinePeriod, value: detail.baselineValue } : null,
      target:
        detail.targetPeriod && detail.targetValue !== null
          ? { period: detail.targetPeriod, value: detail.targetValue }
          : null,
      progress: withProgress(detail, own, threshold).progress.status,
    };
    const kept = best.get(m.organisationId);
    if (!kept || (row.latest?.year ?? -1) > (kept.latest?.year ?? -1)) best.set(m.organisationId, row);
  }
  const first = matching[0]!;
  return { key, title: first.title, unit: first.unit, rows: [...best.values()] };
}
