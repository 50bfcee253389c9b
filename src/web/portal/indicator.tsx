// /indikatorer/:id: the observation series against baseline and target, one
// breakdown at a time (chosen by links), with the same numbers as a table, the
// text alternative, footnotes, source, CSV and how progress is computed.

import { lineChart, NARROW_CHART } from "../../charts/index.ts";
import type { IndicatorDirection } from "../../domain/enums.ts";
import { formatNumber, formatPeriod } from "../../domain/format.ts";
import { indicatorDirectionLabels } from "../../domain/labels.ts";
import { yearOfPeriod } from "../../domain/period.ts";
import { progressRuleText } from "../../domain/progress.ts";
import { targetRuleText } from "../../domain/relativeTarget.ts";
import { isSuppressed, suppressionMarker } from "../../domain/suppression.ts";
import { link } from "../../http/links.ts";
import type { IndicatorDetail } from "../../queries/indicators/detail.ts";
import type { ObservationRow } from "../../queries/indicators/progress.ts";
import { SummaryList } from "../components/Card.tsx";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { Layout } from "../components/Layout.tsx";
import { listText, OpenDataLinks, Progress, quoteLabel, SourceLink } from "./common.tsx";
import { collectFootnotes } from "./footnotes.ts";
import { baselineRef, targetRef, unitOf, valueText, visiblePoints } from "./indicatorParts.tsx";
import { fieldLabel } from "./policy.tsx";

/** The breakdowns an indicator has ("" = the total first), for the choice links. */
export function breakdowns(obs: readonly ObservationRow[]): string[] {
  const set = new Set(obs.map((o) => o.disaggregation));
  return [...set].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "da")));
}

/** "køn=kvinder" → "Køn: kvinder"; the total is "I alt". */
export function breakdownLabel(d: string): string {
  if (d === "") return "I alt";
  return d
    .split(";")
    .map((part) => {
      const [k, v] = part.split("=");
      const key = (k ?? "").trim();
      return v === undefined ? key : `${key.charAt(0).toUpperCase()}${key.slice(1)}: ${v.trim()}`;
    })
    .join(", ");
}

export function indicatorPage(props: {
  organisation: string;
  detail: IndicatorDetail;
  breakdown: string;
  threshold: number;
}) {
  const { indicator, goal, policy, sources } = props.detail;
  const unit = unitOf(indicator);
  const all = breakdowns(indicator.observations);
  const selected = all.includes(props.breakdown) ? props.breakdown : (all[0] ?? "");
  const rows = indicator.observations.filter((o) => o.disaggregation === selected);
  const series = visiblePoints(rows, props.threshold);
  const chartInput = {
    series,
    baseline: baselineRef(indicator),
    target: targetRef(indicator),
    unit,
    title: `${indicator.title}${selected ? ` (${breakdownLabel(selected)})` : ""}`,
  };
  const hasChart = series.length > 0 || chartInput.baseline !== undefined || chartInput.target !== undefined;
  const footnotes = collectFootnotes(rows);
  const suppressedCount = rows.filter((o) => isSuppressed(o.n, props.threshold)).length;
  const base = `/indikatorer/${indicator.id}`;
  const targetRule = targetRuleText(
    {
      baselineValue: indicator.baselineValue,
      baselineYear: indicator.baselinePeriod ? yearOfPeriod(indicator.baselinePeriod) : null,
      targetValue: indicator.targetValue,
    },
    [...sources.filter((s) => s.field === "target_value").map((s) => s.quote), indicator.title],
  );
  const csvHref = `${base}.csv${selected ? `?opdeling=${encodeURIComponent(selected)}` : ""}`;
  return (
    <Layout
      title={indicator.title}
      organisation={props.organisation}
      currentPath="/politikker"
      breadcrumbs={[
        { text: "Forside", href: "/" },
        { text: "Politikker", href: "/politikker" },
        { text: policy.title, href: `/politikker/${policy.slug}` },
        { text: indicator.title },
      ]}
    >
      <h1>{indicator.title}</h1>
      <SummaryList
        items={[
          {
            label: "Målsætning",
            value: (
              <a
                href={link(`/politikker/${policy.slug}#maal-${goal.id}`)}
              >{`${goal.number ? `${goal.number}: ` : ""}${goal.text}`}</a>
            ),
          },
          { label: "Politik", value: <a href={link(`/politikker/${policy.slug}`)}>{policy.title}</a> },
          {
            label: "Ønsket retning",
            value: indicatorDirectionLabels[indicator.direction as IndicatorDirection] ?? indicator.direction,
          },
          {
            label: "Udgangspunkt",
            value:
              indicator.baselineValue === null
                ? "Ikke oplyst"
                : `${valueText(indicator.baselineValue, unit)}${indicator.baselinePeriod ? ` i ${formatPeriod(indicator.baselinePeriod)}` : ""}`,
          },
          {
            label: "Mål",
            value:
              indicator.targetValue === null
                ? indicator.targetPeriod
                  ? `Ikke angivet som tal (målår ${formatPeriod(indicator.targetPeriod)})`
                  : "Ikke oplyst"
                : `${valueText(indicator.targetValue, unit)}${indicator.targetPeriod ? ` i ${formatPeriod(indicator.targetPeriod)}` : ""}${targetRule ? ` (${targetRule})` : ""}`,
          },
          { label: "Fremdrift", value: <Progress value={indicator.progress.status} /> },
          { label: "Kilde", value: indicator.source ?? "Ikke oplyst" },
        ]}
      />
      <p>{indicator.progress.explanation}</p>

      {all.length > 1 && (
        <nav aria-labelledby="opdeling-heading" class="breakdown-choice">
          <h2 id="opdeling-heading" class="h4">
            Vis opdelt på
          </h2>
          <ul class="nobullet-list inline-list">
            {all.map((d) => (
              <li>
                {d === selected ? (
                  <strong aria-current="true">{breakdownLabel(d)}</strong>
                ) : (
                  <a href={link(d === "" ? base : `${base}?opdeling=${encodeURIComponent(d)}`)}>
                    {breakdownLabel(d)}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}

      <h2>Udvikling{selected ? `: ${breakdownLabel(selected)}` : ""}</h2>
      {rows.length === 0 && hasChart && (
        <p>
          Der er endnu ingen målinger. Figuren viser{" "}
          {[chartInput.baseline && "udgangspunktet", chartInput.target && "målet"]
            .filter(Boolean)
            .join(" og ")}
          .
        </p>
      )}
      {hasChart ? (
        <ChartFigure
          chart={lineChart(chartInput)}
          narrowChart={lineChart({ ...chartInput, ...NARROW_CHART })}
        >
          <DataTable
            caption={`Målinger${selected ? ` (${breakdownLabel(selected)})` : ""}`}
            narrow
            rows={rows}
            emptyText="Ingen målinger endnu."
            columns={[
              { header: "Periode", rowHeader: true, cell: (o) => formatPeriod(o.period) },
              {
                header: unit ? `Værdi (${unit})` : "Værdi",
                numeric: true,
                cell: (o) =>
                  isSuppressed(o.n, props.threshold)
                    ? suppressionMarker(props.threshold)
                    : formatNumber(o.value, 2),
              },
              {
                header: "Antal personer",
                numeric: true,
                cell: (o) =>
                  o.n === null
                    ? "–"
                    : isSuppressed(o.n, props.threshold)
                      ? suppressionMarker(props.threshold)
                      : formatNumber(o.n, 0),
              },
              {
                header: "Note",
                cell: (o) => {
                  const n = footnotes.numberOf(o);
                  return n === null ? "" : <a href={`#fodnote-${n}`}>{`Fodnote ${n}`}</a>;
                },
              },
            ]}
          />
        </ChartFigure>
      ) : (
        <p>Der er hverken målinger, udgangspunkt eller mål at vise.</p>
      )}
      {suppressedCount > 0 && (
        <p>
          Målinger med færre end {props.threshold} personer vises som »{suppressionMarker(props.threshold)}«
          og er udeladt af figuren, så ingen kan genkendes.
        </p>
      )}
      {footnotes.notes.length > 0 && (
        <>
          <h2>Fodnoter</h2>
          <ol>
            {footnotes.notes.map((note) => (
              <li id={`fodnote-${note.number}`}>
                {note.text} (gælder {note.periods.length === 1 ? "målingen" : "målingerne"} for{" "}
                {listText(note.periods.map(formatPeriod))})
              </li>
            ))}
          </ol>
        </>
      )}
      {sources.length > 0 && (
        <>
          <h2>Kilder i dokumenterne</h2>
          <ul>
            {sources.map((s) => (
              <li>
                {fieldLabel(s.field)}:{" "}
                <SourceLink documentId={s.documentId} provenanceId={s.id} label={quoteLabel(s.quote)} />
              </li>
            ))}
          </ul>
        </>
      )}

      <section aria-labelledby="beregning">
        <h2 id="beregning">Sådan beregnes fremdrift</h2>
        {progressRuleText.split("\n\n").map((para) => (
          <p>{para}</p>
        ))}
      </section>

      <OpenDataLinks
        links={[
          { href: csvHref, text: "Målingerne på siden (CSV)" },
          { href: "/data/observations.csv", text: "Alle målinger (CSV)" },
        ]}
      />
    </Layout>
  );
}
