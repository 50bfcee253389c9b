// The report's tables as rows of Danish text, shared by the HTML and the Word
// renderer so both say exactly the same.

import { lineChart } from "../charts/lineChart.ts";
import { formatDanishDate } from "../domain/danishDate.ts";
import {
  fundingStatusLabels,
  progressStatusLabels,
  ratingLabels,
  reportStateLabels,
} from "../domain/labels.ts";
import { formatDkk, formatFte } from "../domain/money.ts";
import { formatNumberDa } from "../domain/numberFormat.ts";
import { parsePeriod, periodYear } from "../domain/period.ts";
import { isSuppressed, suppressionMarker } from "../domain/suppression.ts";
import type { ReportAnswer, ReportIndicator, RoundReport } from "./roundReportModel.ts";

export interface TextTable {
  caption: string;
  header: string[];
  rows: string[][];
}

const label = <T extends string>(
  labels: Record<T, string>,
  key: string | null | undefined,
  fallback = "–",
) => (key ? (labels[key as T] ?? key) : fallback);

export function frontMatter(r: RoundReport) {
  const round = r.roundTitle && r.roundTitle !== r.title ? `Statusrunde: ${r.roundTitle}. ` : "";
  return {
    title: r.title,
    subtitle: `Statusrapport til udvalget. ${round}Frist for indmelding: ${formatDanishDate(r.deadline)}.`,
    dateLine: `Status pr. ${formatDanishDate(r.asOf)}`,
    exampleNote: r.isExample
      ? "Eksempeldata: svarene i denne rapport er opdigtede eksempler til demonstration, ikke rigtige indmeldinger."
      : null,
  };
}

export function summaryTables(r: RoundReport): TextTable[] {
  const ratingRows = Object.entries(r.ratingCounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => [k === "none" ? "Ingen vurdering" : label(ratingLabels, k), String(n)]);
  const adminRows = r.administrations.map((a) => [
    `${a.code} – ${a.name}`,
    String(a.total),
    String(a.submitted + a.accepted),
    String(a.total - a.submitted - a.accepted),
  ]);
  const progressRows = Object.entries(r.progressCounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => [label(progressStatusLabels, k), String(n)]);
  return [
    moneyTable(r),
    { caption: "Indmeldinger efter vurdering", header: ["Vurdering", "Antal"], rows: ratingRows },
    {
      caption: "Indmeldinger efter forvaltning",
      header: ["Forvaltning", "I alt", "Indsendt", "Mangler"],
      rows: adminRows,
    },
    { caption: "Indikatorer efter fremdrift", header: ["Fremdrift", "Antal"], rows: progressRows },
  ];
}

const money = (v: number | null) => (v === null ? "ikke registreret" : formatDkk(v, { style: "auto" }));
const fte = (v: number | null) => (v === null ? "ikke registreret" : formatFte(v));

/**
 * Per administration: the budget planned in the registry for the round's
 * period, and the spend and FTE its answers report. One period throughout, so
 * the last row may add them up; nothing registered is said, never written as 0.
 */
export function moneyTable(r: RoundReport): TextTable {
  const years = r.periodYears;
  const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : (years[0] ?? r.period);
  const total = {
    plannedDkk: null,
    plannedFte: null,
    spendDkk: null,
    fte: null,
  } as RoundReport["administrations"][number]["money"];
  const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);
  const rows = r.administrations.map((a) => {
    total.plannedDkk = add(total.plannedDkk, a.money.plannedDkk);
    total.plannedFte = add(total.plannedFte, a.money.plannedFte);
    total.spendDkk = add(total.spendDkk, a.money.spendDkk);
    total.fte = add(total.fte, a.money.fte);
    return [
      `${a.code} – ${a.name}`,
      money(a.money.plannedDkk),
      fte(a.money.plannedFte),
      money(a.money.spendDkk),
      fte(a.money.fte),
    ];
  });
  if (rows.length > 1)
    rows.push([
      "I alt",
      money(total.plannedDkk),
      fte(total.plannedFte),
      money(total.spendDkk),
      fte(total.fte),
    ]);
  return {
    caption: `Økonomi efter forvaltning, ${span}`,
    header: [
      "Forvaltning",
      `Planlagt budget ${span}`,
      "Planlagte årsværk",
      "Indmeldt forbrug",
      "Indmeldte årsværk",
    ],
    rows,
  };
}

export function indicatorTable(i: ReportIndicator, threshold: number): TextTable {
  const hidden = (n: number | null) => isSuppressed(n, threshold);
  const marker = suppressionMarker(threshold);
  const rows = i.observations.map((o) => [
    o.period,
    hidden(o.n) ? marker : formatNumberDa(o.value),
    o.n === null ? "" : hidden(o.n) ? marker : String(o.n),
  ]);
  if (i.baseline) rows.unshift([`${i.baseline.period} (udgangspunkt)`, formatNumberDa(i.baseline.value), ""]);
  if (i.target) rows.push([`${i.target.period} (mål)`, formatNumberDa(i.target.value), ""]);
  return {
    caption: `${i.title}${i.unit ? ` (${i.unit})` : ""}`,
    header: ["Periode", "Værdi", "Antal (n)"],
    rows,
  };
}

export function indicatorStatusLine(i: ReportIndicator): string {
  return `Fremdrift: ${label(progressStatusLabels, i.status)}. ${i.explanation}`;
}

export function fundingTable(r: RoundReport): TextTable {
  return {
    caption: "Initiativer der afventer finansiering",
    header: ["Initiativ", "Forvaltning", "Finansiering"],
    rows: r.awaitingFunding.map((f) => [
      f.title,
      f.administrationCode,
      label(fundingStatusLabels, f.fundingStatus),
    ]),
  };
}

export function answerTable(code: string, answers: ReportAnswer[]): TextTable {
  return {
    caption: `Indmeldinger fra ${code}`,
    header: ["Initiativ eller mål", "Status", "Vurdering", "Fremdrift", "Forbrug", "Årsværk"],
    rows: answers.map((a) => [
      a.subject,
      label(reportStateLabels, a.state),
      label(ratingLabels, a.rating),
      a.progressPct === null ? "–" : `${a.progressPct} %`,
      a.spendDkk === null ? "–" : formatDkk(a.spendDkk),
      a.fte === null ? "–" : formatFte(a.fte),
    ]),
  };
}

export function answerNarratives(answers: ReportAnswer[]): { subject: string; text: string }[] {
  return answers.filter((a) => a.narrative).map((a) => ({ subject: a.subject, text: a.narrative! }));
}

/** The points a chart may draw: suppressed counts are left out, never drawn. */
export function chartSeries(
  i: ReportIndicator,
  threshold: number,
): { period: string; year: number; value: number }[] {
  return i.observations
    .filter((o) => !isSuppressed(o.n, threshold))
    .map((o) => {
      const p = parsePeriod(o.period);
      return { period: o.period, year: p.ok ? periodYear(p.value) : Number.NaN, value: o.value };
    })
    .filter((p) => Number.isFinite(p.year));
}

/** The indicator's chart (baseline, target, the series), or null when nothing may be drawn. */
export function indicatorChart(
  i: ReportIndicator,
  size: { width?: number; height?: number } = {},
  threshold: number,
) {
  const series = chartSeries(i, threshold);
  if (series.length === 0) return null;
  return lineChart({
    series,
    baseline: i.baseline ?? undefined,
    target: i.target ?? undefined,
    unit: i.unit ?? "",
    title: i.title,
    ...size,
    id: `ind-${i.id.slice(0, 8)}`,
  });
}
