// CSV downloads of what a portal page shows: the initiatives of the current
// filter and an indicator's observations. Column names follow the open-data
// package; a value based on fewer persons than the threshold is written as
// "<5", never as the number. Text cells are never run as formulas by a spreadsheet.
import { stringify } from "csv-stringify/sync";
import { type MoneyByPeriod, spanLabel, yearsTotal } from "../../domain/moneyPeriods.ts";
import { spreadsheetText as text } from "../../domain/spreadsheetText.ts";
import { isSuppressed, suppressionMarker } from "../../domain/suppression.ts";
import { textResponse } from "../../http/textResponse.ts";
import type { IndicatorWithProgress, ObservationRow } from "../../queries/indicators/progress.ts";
import type { BrowseRow } from "../../queries/initiatives/browse.ts";

const num = (v: number | null) => (v === null ? "" : String(Math.round(v * 100) / 100));

/** "2019=600000;2020=600000": one figure per year, never a sum over years. */
function perYear(m: MoneyByPeriod | undefined, pick: "amountDkk" | "fte"): string {
  return (m?.years ?? [])
    .filter((y) => y[pick] !== null)
    .map((y) => `${y.year}=${num(y[pick])}`)
    .join(";");
}

/**
 * The initiatives as CSV. Money is per year (`amount_dkk_per_year`), the sum of those
 * years with the span it covers, and the amounts given for a whole policy period with
 * that period, each apart: a total never mixes different periods unnamed.
 */
export function initiativesCsv(
  rows: readonly BrowseRow[],
  money: ReadonlyMap<string, MoneyByPeriod>,
): string {
  return stringify(
    rows.map((r) => {
      const m = money.get(r.id);
      const years = m ? yearsTotal(m.years) : null;
      const whole = m?.wholePeriods ?? [];
      return [
        r.id,
        text(r.title),
        text(r.administrationCode ?? ""),
        r.policySlug,
        text(r.policyTitle),
        r.fundingStatus,
        r.status,
        r.equalityGrounds.join(";"),
        r.startYear ?? "",
        r.endYear ?? "",
        perYear(m, "amountDkk"),
        perYear(m, "fte"),
        years ? num(years.amountDkk) : "",
        years ? spanLabel(years.periodStart, years.periodEnd) : "",
        whole.map((p) => num(p.amountDkk)).join(";"),
        whole.map((p) => num(p.fte)).join(";"),
        whole.map((p) => spanLabel(p.periodStart, p.periodEnd)).join(";"),
      ];
    }),
    {
      header: true,
      columns: [
        "id",
        "title",
        "administration",
        "policy_slug",
        "policy_title",
        "funding_status",
        "status",
        "equality_grounds",
        "start_year",
        "end_year",
        "amount_dkk_per_year",
        "fte_per_year",
        "amount_dkk_years_total",
        "years_total_span",
        "amount_dkk_whole_period",
        "fte_whole_period",
        "whole_period",
      ],
      eof: true,
    },
  );
}

export function observationsCsv(
  indicator: IndicatorWithProgress,
  rows: readonly ObservationRow[],
  threshold: number,
): string {
  const marker = suppressionMarker(threshold);
  return stringify(
    rows.map((o) => {
      const hidden = isSuppressed(o.n, threshold);
      return [
        o.id,
        indicator.id,
        text(indicator.title),
        o.period,
        text(o.disaggregation),
        hidden ? marker : String(o.value),
        o.n === null ? "" : hidden ? marker : String(o.n),
        text(indicator.unit ?? ""),
        text(o.footnote ?? ""),
        text(o.source ?? indicator.source ?? ""),
      ];
    }),
    {
      header: true,
      columns: [
        "id",
        "indicator_id",
        "indicator",
        "period",
        "disaggregation",
        "value",
        "n",
        "unit",
        "footnote",
        "source",
      ],
      eof: true,
    },
  );
}

export function csvResponse(text: string, filename: string): Response {
  return textResponse(text, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
  });
}
