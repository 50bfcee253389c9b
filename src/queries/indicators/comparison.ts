// The national comparison: indicators that several municipalities measure
// (same title and unit, domain/indicatorKey.ts), and for one such key each
// municipality's latest value, baseline and target. Only what each portal shows
// anyway; a latest value based on fewer persons than the threshold is
// suppressed here, before any page or chart sees it.
import { asc, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { indicators } from "../../db/schema.ts";
import type { ProgressStatus } from "../../domain/enums.ts";
import { indicatorKey } from "../../domain/indicatorKey.ts";
import { isSuppressed } from "../../domain/suppression.ts";
import type { MeasuredIndicator, ProgressObservation } from "./progress.ts";

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

/** An organisation's own indicator with its key: its part of the national list. */
export type OwnKeyedIndicator = Pick<KeyedIndicator, "id" | "title" | "unit" | "key">;

/** The organisations' indicators with their keys, each organisation's by title. */
export async function indicatorKeysOf(
  db: Executor,
  organisationIds: readonly string[],
): Promise<Map<string, OwnKeyedIndicator[]>> {
  const rows = await db
    .select({
      id: indicators.id,
      organisationId: indicators.organisationId,
      title: indicators.title,
      unit: indicators.unit,
    })
    .from(indicators)
    .where(inArray(indicators.organisationId, [...organisationIds]))
    .orderBy(asc(indicators.title), asc(indicators.id));
  const byOrganisation = new Map<string, OwnKeyedIndicator[]>(organisationIds.map((id) => [id, []]));
  for (const { organisationId, ...r } of rows)
    byOrganisation.get(organisationId)!.push({ ...r, key: indicatorKey(r.title, r.unit) });
  return byOrganisation;
}

/**
 * Every organisation's indicators with their keys, by organisation name and title: what both
 * national pages start from. `organisations` in that order, `own` their parts in the same order.
 */
export function keyedIndicators(
  organisations: readonly { id: string; slug: string; name: string }[],
  own: readonly (readonly OwnKeyedIndicator[])[],
): KeyedIndicator[] {
  return organisations.flatMap((o, i) =>
    own[i]!.map((r) => ({ ...r, organisationId: o.id, organisationSlug: o.slug, organisationName: o.name })),
  );
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

function latestTotal(obs: readonly ProgressObservation[]): ProgressObservation | undefined {
  return obs
    .filter((o) => o.disaggregation === "")
    .reduce<ProgressObservation | undefined>(
      (best, o) => (!best || o.year > best.year ? o : best),
      undefined,
    );
}

/** One municipality's row of a comparison without the municipality (which the caller knows). */
export type ComparisonPart = Omit<ComparisonRow, "organisation">;

/**
 * An organisation's row of every comparison it is in: for each key of its indicators (`own`,
 * in keyed order), the one of them measured most recently (the first when equal), from
 * `measured` (its indicators with their observations and progress).
 */
export function comparisonRowsByKey(
  own: readonly OwnKeyedIndicator[],
  measured: readonly MeasuredIndicator[],
  threshold: number,
): Map<string, ComparisonPart> {
  const detailOf = new Map(measured.map((d) => [d.id, d]));
  const best = new Map<string, ComparisonPart>();
  for (const m of own) {
    const detail = detailOf.get(m.id);
    if (!detail) continue;
    const latest = latestTotal(detail.observations);
    const suppressed = latest ? isSuppressed(latest.n, threshold) : false;
    const row: ComparisonPart = {
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
      progress: detail.progress.status,
    };
    const kept = best.get(m.key);
    if (!kept || (row.latest?.year ?? -1) > (kept.latest?.year ?? -1)) best.set(m.key, row);
  }
  return best;
}

/**
 * The comparison of the key, each measuring municipality by name (the order of `keyed`), its
 * row from its rows of every comparison (`rowsOf`, comparisonRowsByKey, possibly kept);
 * undefined when fewer than two measure it.
 */
export async function indicatorComparison(
  keyed: readonly KeyedIndicator[],
  key: string,
  rowsOf: (organisationIds: readonly string[]) => Promise<ReadonlyMap<string, ComparisonPart>[]>,
): Promise<IndicatorComparison | undefined> {
  const matching = keyed.filter((r) => r.key === key);
  const measuring = [...new Map(matching.map((r) => [r.organisationId, r])).values()];
  if (measuring.length < 2) return undefined;
  const rows = await rowsOf(measuring.map((r) => r.organisationId));
  const first = matching[0]!;
  return {
    key,
    title: first.title,
    unit: first.unit,
    rows: measuring.flatMap((r, i) => {
      const row = rows[i]!.get(key);
      return row ? [{ organisation: { slug: r.organisationSlug, name: r.organisationName }, ...row }] : [];
    }),
  };
}
