// /initiativer/:id: who runs the initiative, for whom, with what money (table
// and chart per year), its annual targets, status history and sources.

import { barChart, NARROW_CHART } from "../../charts/index.ts";
import type { Rating, RoundKind } from "../../domain/enums.ts";
import { formatDkk, formatNumber } from "../../domain/format.ts";
import { ratingLabels, roundKindLabels } from "../../domain/labels.ts";
import { formatFte } from "../../domain/money.ts";
import { link } from "../../http/links.ts";
import type { InitiativeDetail } from "../../queries/initiatives/detail.ts";
import { SummaryList } from "../components/Card.tsx";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { Layout } from "../components/Layout.tsx";
import { RatingBadge } from "../components/StatusBadge.tsx";
import {
  Funding,
  groundHref,
  groundLabel,
  InitiativeStatusTag,
  listText,
  OpenDataLinks,
  quoteLabel,
  SourceLink,
  sourceDocumentName,
} from "./common.tsx";
import { fieldLabel } from "./policy.tsx";

function yearText(year: number | null): string {
  return year === null ? "Hele perioden" : String(year);
}

export function initiativePage(props: { organisation: string; detail: InitiativeDetail }) {
  const { initiative: i, goals, budget, targets, history, sources, documents } = props.detail;
  const perYear = budget.filter((b) => b.year !== null && b.amountDkk !== null);
  const byYear = new Map<number, number>();
  for (const b of perYear)
    byYear.set(b.year as number, (byYear.get(b.year as number) ?? 0) + (b.amountDkk as number));
  const bars = [...byYear].map(([year, value]) => ({ year, value }));
  const totalDkk = budget.reduce((s, b) => s + (b.amountDkk ?? 0), 0);
  const totalFte = budget.reduce((s, b) => s + (b.fte ?? 0), 0);
  const hasFte = budget.some((b) => b.fte !== null);
  const chartInput = { bars, unit: "kr.", title: `Budget pr. år: ${i.title}`, altLead: "Budget pr. år" };
  const docTitle = (id: string) =>
    sourceDocumentName(
      documents.find((doc) => doc.id === id),
      i.policyTitle,
    );
  return (
    <Layout
      title={i.title}
      organisation={props.organisation}
      currentPath="/initiativer"
      breadcrumbs={[
        { text: "Forside", href: "/" },
        { text: "Initiativer", href: "/initiativer" },
        { text: i.title },
      ]}
    >
      <h1>{i.title}</h1>
      {i.description && <p class="font-lead">{i.description}</p>}
      <SummaryList
        items={[
          { label: "Forvaltning", value: i.administrationName ?? "Ikke oplyst" },
          { label: "Udvalg", value: i.committeeName ?? "Ikke oplyst" },
          { label: "Politik", value: <a href={link(`/politikker/${i.policySlug}`)}>{i.policyTitle}</a> },
          {
            label: "Mål",
            value:
              goals.length === 0 ? (
                "Ikke knyttet til bestemte mål"
              ) : (
                <ul class="nobullet-list">
                  {goals.map((g) => (
                    <li>
                      <a
                        href={link(`/politikker/${i.policySlug}#maal-${g.id}`)}
                      >{`${g.number ? `${g.number}: ` : ""}${g.text}`}</a>
                    </li>
                  ))}
                </ul>
              ),
          },
          { label: "Målgrupper", value: listText(i.targetGroups) },
          {
            label: "Diskriminationsgrunde",
            value:
              i.equalityGrounds.length === 0 ? (
                "–"
              ) : (
                <ul class="nobullet-list">
                  {i.equalityGrounds.map((g) => (
                    <li>
                      <a href={link(groundHref(g))}>{groundLabel(g)}</a>
                    </li>
                  ))}
                </ul>
              ),
          },
          { label: "Samarbejdspartnere", value: listText(i.partners) },
          { label: "Finansiering", value: <Funding value={i.fundingStatus} /> },
          { label: "Status", value: <InitiativeStatusTag value={i.status} /> },
          ...(i.startYear || i.endYear
            ? [{ label: "Periode", value: `${i.startYear ?? "?"}–${i.endYear ?? ""}` }]
            : []),
        ]}
      />

      <h2>Økonomi</h2>
      {budget.length === 0 ? (
        <p>Der er ikke registreret økonomi for initiativet.</p>
      ) : (
        <>
          {bars.length > 0 && (
            <ChartFigure
              chart={barChart(chartInput)}
              narrowChart={barChart({ ...chartInput, ...NARROW_CHART })}
            />
          )}
          <DataTable
            caption="Budget pr. år i kroner og årsværk"
            narrow
            rows={budget}
            columns={[
              { header: "År", rowHeader: true, cell: (b) => yearText(b.year) },
              {
                header: "Beløb",
                numeric: true,
                cell: (b) => (b.amountDkk === null ? "–" : formatDkk(b.amountDkk)),
              },
              {
                header: "Årsværk",
                numeric: true,
                cell: (b) => (b.fte === null ? "–" : formatNumber(b.fte, 2)),
              },
              { header: "Finansiering", cell: (b) => <Funding value={b.fundingStatus} /> },
              { header: "Post", cell: (b) => b.label ?? "" },
            ]}
            footer={["I alt", formatDkk(totalDkk), hasFte ? formatFte(totalFte) : "–", "", ""]}
          />
        </>
      )}

      <h2>Årlige mål</h2>
      {targets.length === 0 ? (
        <p>Der er ikke registreret årlige mål for initiativet.</p>
      ) : (
        <DataTable
          caption="Årlige mål og resultater"
          narrow
          rows={targets}
          columns={[
            { header: "År", rowHeader: true, cell: (t) => yearText(t.year) },
            { header: "Mål for", cell: (t) => t.metric },
            {
              header: "Mål",
              numeric: true,
              cell: (t) =>
                t.targetValue === null
                  ? "–"
                  : `${formatNumber(t.targetValue, 2)}${t.unit ? ` ${t.unit}` : ""}`,
            },
            {
              header: "Opnået",
              numeric: true,
              cell: (t) =>
                t.actualValue === null
                  ? "Ikke indmeldt"
                  : `${formatNumber(t.actualValue, 2)}${t.unit ? ` ${t.unit}` : ""}`,
            },
          ]}
        />
      )}

      <h2>Status</h2>
      {history.length === 0 ? (
        <p>Der er endnu ingen afsluttede statusrunder for initiativet.</p>
      ) : (
        <DataTable
          caption="Status fra afsluttede statusrunder"
          rows={history}
          columns={[
            {
              header: "Runde",
              rowHeader: true,
              cell: (h) =>
                h.roundTitle ?? `${roundKindLabels[h.roundKind as RoundKind] ?? h.roundKind} ${h.period}`,
            },
            {
              header: "Vurdering",
              cell: (h) =>
                h.rating && h.rating in ratingLabels ? <RatingBadge rating={h.rating as Rating} /> : "–",
            },
            {
              header: "Fremdrift",
              numeric: true,
              cell: (h) => (h.progressPct === null ? "–" : `${h.progressPct} %`),
            },
            { header: "Beskrivelse", cell: (h) => h.narrative ?? "" },
          ]}
        />
      )}

      <h2>Kilder</h2>
      {sources.length === 0 ? (
        <p>Der er ikke registreret kilder for initiativet.</p>
      ) : (
        <ul>
          {sources.map((s) => (
            <li>
              {fieldLabel(s.field)} ({docTitle(s.documentId)}):{" "}
              <SourceLink documentId={s.documentId} provenanceId={s.id} label={quoteLabel(s.quote)} />
            </li>
          ))}
        </ul>
      )}

      <OpenDataLinks
        links={[
          { href: "/data/initiatives.csv", text: "Alle initiativer (CSV)" },
          { href: "/data/budget_lines.csv", text: "Økonomi for alle initiativer (CSV)" },
          { href: "/data/annual_targets.csv", text: "Årlige mål (CSV)" },
        ]}
      />
    </Layout>
  );
}
