// The comparisons: the indicators several municipalities measure (same title
// and unit), and for each one every municipality's latest value, baseline and
// target side by side, as a chart and as a table with the same numbers.
import { comparisonChart } from "../../charts/index.ts";
import { formatPeriod, formatValue } from "../../domain/format.ts";
import { progressStatusLabels } from "../../domain/labels.ts";
import { organisationPath } from "../../domain/organisationAddress.ts";
import { suppressionMarker } from "../../domain/suppression.ts";
import type {
  ComparableIndicator,
  ComparisonRow,
  IndicatorComparison,
} from "../../queries/indicators/comparison.ts";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { Lead, OpenDataLinks } from "../portal/common.tsx";
import { COMPARE_PATH, MUNICIPALITIES_PATH, NATIONAL_PACKAGE_PATH, NationalShell } from "./shell.tsx";

const HOW =
  "Indikatorer sammenlignes, når kommunerne har givet dem samme titel og samme enhed (store og små bogstaver, tegnsætning og mellemrum tæller ikke). Kommunerne kan måle forskelligt, så læs hver kommunes kilde, før du drager konklusioner.";

const withUnit = (title: string, unit: string | null) => (unit ? `${title} (${unit})` : title);

export function compareListPage(props: { indicators: readonly ComparableIndicator[] }) {
  return (
    <NationalShell
      title="Sammenlign kommunerne"
      description="Indikatorer, som flere kommuner måler: seneste måling, udgangspunkt og mål side om side."
      currentPath={COMPARE_PATH}
      breadcrumbs={[{ href: MUNICIPALITIES_PATH, text: "Kommuner" }, { text: "Sammenlign" }]}
    >
      <h1>Sammenlign kommunerne</h1>
      <Lead>Vælg en indikator, som flere kommuner måler, og se deres tal side om side.</Lead>
      <p>{HOW}</p>
      <DataTable
        caption="Indikatorer, som flere kommuner måler"
        columns={[
          {
            header: "Indikator",
            rowHeader: true,
            cell: (i) => <a href={`${COMPARE_PATH}/${i.key}`}>{i.title}</a>,
          },
          { header: "Enhed", cell: (i) => i.unit ?? "" },
          { header: "Kommuner", numeric: true, cell: (i) => i.municipalities },
        ]}
        rows={props.indicators}
        emptyText="Endnu måler ingen to kommuner en indikator med samme titel og enhed."
      />
      <OpenDataLinks
        links={[{ href: NATIONAL_PACKAGE_PATH, text: "Alle kommuners data i én datapakke (zip)" }]}
        more={{ href: MUNICIPALITIES_PATH, text: "Kommunerne i Pejl" }}
      />
    </NationalShell>
  );
}

function latestText(row: ComparisonRow, unit: string, threshold: number): string {
  if (!row.latest) return "Ingen måling";
  if (row.latest.suppressed) return suppressionMarker(threshold);
  return formatValue(row.latest.value!, unit);
}

const referenceText = (ref: { value: number | null; period: string } | null, unit: string) =>
  ref && ref.value !== null ? `${formatValue(ref.value, unit)} (${formatPeriod(ref.period)})` : "–";

export function comparePage(props: { comparison: IndicatorComparison; threshold: number }) {
  const { comparison, threshold } = props;
  const unit = comparison.unit ?? "";
  const title = withUnit(comparison.title, comparison.unit);
  const chart = comparisonChart({
    title: `${comparison.title}: seneste måling pr. kommune`,
    unit,
    rows: comparison.rows.map((r) => ({
      municipality: r.organisation.name,
      latest:
        r.latest && !r.latest.suppressed ? { value: r.latest.value!, period: r.latest.period } : undefined,
      baseline: r.baseline?.value ?? undefined,
      target: r.target?.value,
    })),
  });
  return (
    <NationalShell
      title={title}
      description={`${comparison.title}: ${comparison.rows.length} kommuner side om side.`}
      currentPath={COMPARE_PATH}
      breadcrumbs={[
        { href: MUNICIPALITIES_PATH, text: "Kommuner" },
        { href: COMPARE_PATH, text: "Sammenlign" },
        { text: comparison.title },
      ]}
    >
      <h1>{title}</h1>
      <Lead>
        {comparison.rows.length} kommuner måler denne indikator. Søjlen er seneste måling, den grå stiplede
        streg udgangspunktet og den grønne streg målet.
      </Lead>
      <ChartFigure chart={chart}>
        <DataTable
          caption={`${comparison.title}: seneste måling, udgangspunkt og mål pr. kommune`}
          columns={[
            {
              header: "Kommune",
              rowHeader: true,
              cell: (r) => (
                <a href={organisationPath(r.organisation.slug, `/indikatorer/${r.indicatorId}`)}>
                  {r.organisation.name}
                </a>
              ),
            },
            { header: "Seneste måling", numeric: true, cell: (r) => latestText(r, unit, threshold) },
            { header: "Periode", cell: (r) => (r.latest ? formatPeriod(r.latest.period) : "–") },
            { header: "Udgangspunkt", numeric: true, cell: (r) => referenceText(r.baseline, unit) },
            { header: "Mål", numeric: true, cell: (r) => referenceText(r.target, unit) },
            { header: "Fremdrift", cell: (r) => progressStatusLabels[r.progress] },
          ]}
          rows={comparison.rows}
        />
      </ChartFigure>
      <p>
        Målinger med færre end {threshold} personer vises som »{suppressionMarker(threshold)}« og tegnes ikke.{" "}
        {HOW}
      </p>
      <OpenDataLinks
        links={[{ href: NATIONAL_PACKAGE_PATH, text: "Alle kommuners data i én datapakke (zip)" }]}
        more={{ href: COMPARE_PATH, text: "Alle sammenligninger" }}
      />
    </NationalShell>
  );
}
