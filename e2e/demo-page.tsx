// Every component on one page, with made-up but plausible data, for the axe
// run, the keyboard walk and the screenshots.

import { barChart } from "../src/charts/barChart.ts";
import { NARROW_CHART } from "../src/charts/common.ts";
import { lineChart } from "../src/charts/lineChart.ts";
import { sparkline } from "../src/charts/sparkline.ts";
import type { FundingStatus, InitiativeStatus } from "../src/domain/enums.ts";
import { formatDkk, formatValue } from "../src/domain/format.ts";
import { equalityGroundLabels } from "../src/domain/labels.ts";
import { Accordion } from "../src/web/components/Accordion.tsx";
import { Alert } from "../src/web/components/Alert.tsx";
import { Card, SummaryList } from "../src/web/components/Card.tsx";
import { ChartFigure, InlineChart } from "../src/web/components/ChartFigure.tsx";
import { DataTable, type SortDirection } from "../src/web/components/DataTable.tsx";
import { ErrorSummary } from "../src/web/components/ErrorSummary.tsx";
import {
  Button,
  ButtonGroup,
  CheckboxGroup,
  Select,
  TextInput,
} from "../src/web/components/FormControls.tsx";
import { Layout } from "../src/web/components/Layout.tsx";
import { Pagination } from "../src/web/components/Pagination.tsx";
import { SearchForm } from "../src/web/components/SearchForm.tsx";
import {
  FundingBadge,
  InitiativeStatusBadge,
  ProgressBadge,
  RatingBadge,
} from "../src/web/components/StatusBadge.tsx";

const observations = [
  { period: "2018", year: 2018, value: 62 },
  { period: "2019", year: 2019, value: 63 },
  { period: "2020", year: 2020, value: 65 },
  { period: "2021", year: 2021, value: 66 },
];

const budget = [
  { year: 2022, value: 1_200_000 },
  { year: 2023, value: 1_500_000 },
  { year: 2024, value: 850_000 },
];

interface Initiative {
  title: string;
  administration: string;
  status: InitiativeStatus;
  funding: FundingStatus;
  amount: number;
}

const initiatives: Initiative[] = [
  {
    title: "Mentorordning for unge ledige",
    administration: "BIF",
    status: "ongoing",
    funding: "funded",
    amount: 1_200_000,
  },
  {
    title: "Sprogcaféer på bibliotekerne",
    administration: "KFF",
    status: "completed",
    funding: "within_frame",
    amount: 350_000,
  },
  {
    title: "Antidiskriminationskampagne <script>alert(1)</script>",
    administration: "ØKF",
    status: "planned",
    funding: "requires_separate_funding",
    amount: 2_750_000,
  },
  {
    title: "Forældresamarbejde i dagtilbud",
    administration: "BUF",
    status: "paused",
    funding: "in_budget_process",
    amount: 600_000,
  },
];

const indicators = [
  {
    title: "Andel 25-64-årige i beskæftigelse",
    unit: "%",
    series: observations,
    target: { value: 70, period: "2022" },
    progress: "moderate_progress" as const,
  },
  {
    title: "Andel elever, der fuldfører en ungdomsuddannelse",
    unit: "%",
    series: [
      { period: "2018", year: 2018, value: 78 },
      { period: "2019", year: 2019, value: 77 },
      { period: "2020", year: 2020, value: 75 },
    ],
    target: { value: 85, period: "2022" },
    progress: "deterioration" as const,
  },
];

function sortInitiatives(rows: Initiative[], key?: string, dir?: SortDirection): Initiative[] {
  if (key !== "title" && key !== "amount") return rows;
  const sign = dir === "descending" ? -1 : 1;
  return [...rows].sort((a, b) =>
    key === "amount" ? sign * (a.amount - b.amount) : sign * a.title.localeCompare(b.title, "da"),
  );
}

export function DemoPage({ sort, dir }: { sort?: string; dir?: string }) {
  const direction: SortDirection | undefined =
    dir === "desc" ? "descending" : dir === "asc" ? "ascending" : undefined;
  const lineInput = {
    title: "Andel 25-64-årige i beskæftigelse",
    unit: "%",
    series: observations,
    baseline: { value: 62, period: "2018" },
    target: { value: 70, period: "2022" },
  };
  const barInput = {
    title: "Budget pr. år for mentorordningen",
    unit: "kr.",
    bars: budget,
    altLead: "Budget pr. år",
  };

  return (
    <Layout
      title="Komponenter"
      organisation="Københavns Kommune"
      currentPath="/politikker/demo"
      breadcrumbs={[
        { text: "Forside", href: "/" },
        { text: "Politikker", href: "/politikker" },
        { text: "Komponenter" },
      ]}
    >
      <h1>Demonstration af komponenter</h1>
      <p class="font-lead">Alle byggeklodser i Pejls portal på én side.</p>

      <SearchForm id="demo-search" />

      <h2>Beskeder</h2>
      <Alert variant="info" heading="Til orientering">
        Tallene for 2022 offentliggøres i juni.
      </Alert>
      <Alert variant="success">Statusrunden er låst, og rapporten er dannet.</Alert>
      <Alert variant="warning">Tre forvaltninger har endnu ikke indberettet.</Alert>

      <h2>Indikator med graf og tabel</h2>
      <ChartFigure chart={lineChart(lineInput)} narrowChart={lineChart({ ...lineInput, ...NARROW_CHART })}>
        <DataTable
          caption="Andel 25-64-årige i beskæftigelse, pr. år"
          columns={[
            { header: "År", cell: (o) => o.period, rowHeader: true },
            { header: "Andel", cell: (o) => formatValue(o.value, "%"), numeric: true },
          ]}
          rows={observations}
          compact
          narrow
        />
      </ChartFigure>

      <h2>Indikatorer</h2>
      <DataTable
        caption="Indikatorer i integrationspolitikken"
        columns={[
          { header: "Indikator", cell: (i) => i.title, rowHeader: true },
          {
            header: "Udvikling",
            cell: (i) => {
              const s = sparkline({ title: i.title, unit: i.unit, series: i.series, target: i.target });
              return <InlineChart chart={s} />;
            },
          },
          {
            header: "Seneste",
            cell: (i) => formatValue(i.series[i.series.length - 1]?.value ?? 0, i.unit),
            numeric: true,
          },
          { header: "Fremgang", cell: (i) => <ProgressBadge progress={i.progress} /> },
        ]}
        rows={indicators}
      />

      <h2>Initiativer</h2>
      <DataTable
        caption="Initiativer (eksempel på sortering og sider)"
        id="initiatives"
        zebra
        columns={[
          { header: "Titel", cell: (i) => i.title, rowHeader: true, sortKey: "title" },
          { header: "Forvaltning", cell: (i) => i.administration },
          { header: "Status", cell: (i) => <InitiativeStatusBadge status={i.status} /> },
          { header: "Finansiering", cell: (i) => <FundingBadge funding={i.funding} /> },
          { header: "Budget", cell: (i) => formatDkk(i.amount), numeric: true, sortKey: "amount" },
        ]}
        rows={sortInitiatives(initiatives, sort, direction)}
        sort={{
          key: sort,
          direction,
          href: (key, d) => `/demo?sort=${key}&dir=${d === "ascending" ? "asc" : "desc"}#initiatives`,
        }}
        footer={["I alt", "", "", "", formatDkk(initiatives.reduce((s, i) => s + i.amount, 0))]}
      />
      <Pagination
        currentPage={3}
        totalPages={9}
        href={(p) => `/demo?side=${p}`}
        label="Sider med initiativer"
      />

      <h2>Budget</h2>
      <ChartFigure chart={barChart(barInput)} narrowChart={barChart({ ...barInput, ...NARROW_CHART })}>
        <DataTable
          caption="Budget pr. år for mentorordningen"
          columns={[
            { header: "År", cell: (b) => String(b.year), rowHeader: true },
            { header: "Beløb", cell: (b) => formatDkk(b.value), numeric: true },
          ]}
          rows={budget}
          compact
          narrow
        />
      </ChartFigure>

      <h2>Vurderinger</h2>
      <p>
        <RatingBadge rating="on_track" /> <RatingBadge rating="at_risk" /> <RatingBadge rating="off_track" />{" "}
        <RatingBadge rating="completed" /> <RatingBadge rating="not_started" />{" "}
        <RatingBadge rating="paused_awaiting_funding" />
      </p>

      <h2>Indberetning</h2>
      <ErrorSummary
        errors={[
          { fieldId: "progress", message: "Angiv fremdrift som et tal mellem 0 og 100" },
          { fieldId: "grounds-option1", message: "Vælg mindst én diskriminationsgrund" },
        ]}
      />
      <form method="post" action="/demo" novalidate>
        <TextInput id="title" name="title" label="Initiativets titel" value="Mentorordning for unge ledige" />
        <TextInput
          id="progress"
          name="progress"
          label="Fremdrift"
          hint="I procent af det planlagte"
          value="mange"
          suffix="%"
          inputmode="numeric"
          widthClass="input-width-xs"
          error="Angiv fremdrift som et tal mellem 0 og 100"
        />
        <Select
          id="administration"
          name="administration"
          label="Forvaltning"
          placeholder="Vælg forvaltning"
          value="BIF"
          options={[
            { value: "BIF", text: "Beskæftigelses- og Integrationsforvaltningen" },
            { value: "BUF", text: "Børne- og Ungdomsforvaltningen" },
            { value: "KFF", text: "Kultur- og Fritidsforvaltningen" },
          ]}
        />
        <CheckboxGroup
          id="grounds"
          name="grounds"
          legend="Diskriminationsgrunde"
          hint="Vælg de grunde, initiativet retter sig mod"
          error="Vælg mindst én diskriminationsgrund"
          options={Object.entries(equalityGroundLabels)
            .slice(0, 4)
            .map(([value, text]) => ({ value, text }))}
        />
        <TextInput id="note" name="note" label="Bemærkning" optionalLabel />
        <ButtonGroup>
          <Button>Indsend</Button>
          <Button variant="secondary">Gem kladde</Button>
        </ButtonGroup>
      </form>

      <h2>Mere om politikken</h2>
      <Accordion
        id="demo-acc"
        headingLevel={3}
        items={[
          {
            title: "Sådan beregnes fremgang",
            content: <p>Fremgangen beregnes ud fra udgangspunkt, mål og seneste måling.</p>,
            expanded: true,
          },
          {
            title: "Datakilder",
            content: <p>Tallene kommer fra Danmarks Statistik og kommunens egne registre.</p>,
          },
        ]}
      />

      <h2>Nøgletal</h2>
      <SummaryList
        items={[
          { label: "Periode", value: "2011–2014" },
          { label: "Ansvarlig forvaltning", value: "Beskæftigelses- og Integrationsforvaltningen" },
          { label: "Vedtaget", value: "20. januar 2011" },
        ]}
      />
      <div class="row">
        <div class="col-12 col-md-6">
          <Card
            heading="Integrationspolitik 2011–2014"
            subheading="Politik"
            href="/politikker/integrationspolitik"
          >
            <p>Fire pejlemærker og 27 initiativer.</p>
          </Card>
        </div>
        <div class="col-12 col-md-6">
          <Card heading="Åbne data" subheading="Download">
            <p>Alle tal kan hentes som CSV i en datapakke.</p>
          </Card>
        </div>
      </div>
    </Layout>
  );
}
