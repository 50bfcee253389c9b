// CSV downloads of what a portal page shows: the initiatives of the current
// filter and an indicator's observations. Column names follow the open-data
// package; a value based on fewer persons than the threshold is written as
// "<5", never as the number. Text cells are never run as formulas by a spreadsheet.
import { stringify } from "csv-stringify/sync";
import { spreadsheetText as text } from "../../domain/spreadsheetText.ts";
import { isSuppressed, suppressionMarker } from "../../domain/suppression.ts";
import type { BrowseRow } from "../../queries/portalInitiatives.ts";
import type { IndicatorWithProgress, ObservationRow } from "../../queries/portalProgress.ts";

export function initiativesCsv(rows: readonly BrowseRow[]): string {
  return stringify(
    rows.map((r) => [
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
      r.amount === null ? "" : String(Math.round(r.amount)),
      r.fte === null ? "" : String(r.fte),
    ]),
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
        "amount_dkk",
        "fte",
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
  return new Response(text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    },
  });
}
