// /initiativer: the project bank, filtered by query parameters (a GET form, so
// every view is a link), sortable by column links, paged, with the count and
// the DKK/FTE totals of the filter, and the same filter as CSV.
import { equalityGrounds, fundingStatuses, initiativeStatuses } from "../../domain/enums.ts";
import { formatDkk } from "../../domain/format.ts";
import {
  equalityGroundLabels,
  equalityGroundSlugs,
  fundingStatusLabels,
  initiativeStatusLabels,
} from "../../domain/labels.ts";
import { describeMoneyByPeriod, spanLabel } from "../../domain/moneyPeriods.ts";
import { link } from "../../http/links.ts";
import type { BrowseRow, browse, filterOptions } from "../../queries/initiatives/browse.ts";
import type { CurrentPolicies } from "../../queries/policies/policies.ts";
import { DataTable, type SortDirection } from "../components/DataTable.tsx";
import { Button, Select, TextInput } from "../components/FormControls.tsx";
import { Layout } from "../components/Layout.tsx";
import { html } from "../components/markup.ts";
import { Pagination } from "../components/Pagination.tsx";
import { Funding, InitiativeStatusTag, OpenDataLinks } from "./common.tsx";
import type { InitiativeQuery } from "./schema.ts";

type Browse = ReturnType<typeof browse>;
type Options = Awaited<ReturnType<typeof filterOptions>>;

/** The page's URL with some parameters changed (undefined removes one); filters are kept. */
export function browseHref(
  query: InitiativeQuery,
  change: Partial<Record<keyof InitiativeQuery, string | number | undefined>>,
) {
  const merged: Record<string, string | number | undefined> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of [
    "forvaltning",
    "politik",
    "grund",
    "finansiering",
    "status",
    "aar",
    "politikker",
    "sortering",
    "retning",
    "side",
    "format",
  ]) {
    const v = merged[key];
    if (v !== undefined && v !== "") params.set(key, String(v));
  }
  const s = params.toString();
  return s ? `/initiativer?${s}` : "/initiativer";
}

function FilterForm({ query, options }: { query: InitiativeQuery; options: Options }) {
  return (
    <form method="get" action={link("/initiativer")} class="filter-form" aria-labelledby="filter-heading">
      <h2 id="filter-heading" class="h3">
        Filtrér
      </h2>
      <div class="filter-grid">
        <Select
          id="f-forvaltning"
          name="forvaltning"
          label="Forvaltning"
          placeholder="Alle forvaltninger"
          value={query.forvaltning}
          options={options.administrations.map((a) => ({ value: a.code, text: `${a.name} (${a.code})` }))}
        />
        <Select
          id="f-politik"
          name="politik"
          label="Politik"
          placeholder="Alle politikker"
          value={query.politik}
          options={options.policies.map((p) => ({ value: p.slug, text: p.title }))}
        />
        <Select
          id="f-grund"
          name="grund"
          label="Diskriminationsgrund"
          placeholder="Alle grunde"
          value={query.grund}
          options={equalityGrounds.map((g) => ({
            value: equalityGroundSlugs[g],
            text: equalityGroundLabels[g],
          }))}
        />
        <Select
          id="f-finansiering"
          name="finansiering"
          label="Finansiering"
          placeholder="Alle"
          value={query.finansiering}
          options={fundingStatuses.map((f) => ({ value: f, text: fundingStatusLabels[f] }))}
        />
        <Select
          id="f-status"
          name="status"
          label="Status"
          placeholder="Alle"
          value={query.status}
          options={initiativeStatuses.map((s) => ({ value: s, text: initiativeStatusLabels[s] }))}
        />
        <TextInput
          id="f-aar"
          name="aar"
          label="År"
          hint="Fx 2022. Tomt: alle år."
          inputmode="numeric"
          widthClass="input-width-xs"
          value={query.aar}
        />
      </div>
      {query.sortering && <input type="hidden" name="sortering" value={query.sortering} />}
      {query.retning && <input type="hidden" name="retning" value={query.retning} />}
      <div class="filter-actions">
        <Button>Vis initiativer</Button>
        <a href={link("/initiativer")}>Nulstil filtre</a>
      </div>
    </form>
  );
}

/** The default view is the current policies; choosing a policy, a year or "alle" shows others. */
export function showsCurrentPolicies(query: InitiativeQuery): boolean {
  if (query.politikker) return query.politikker === "gaeldende";
  return query.politik === undefined && query.aar === undefined;
}

function PolicyScope({ query, current }: { query: InitiativeQuery; current: CurrentPolicies | undefined }) {
  if (!current) {
    return (
      <p>
        Viser initiativer under alle politikker, også udløbne.{" "}
        <a
          href={link(
            browseHref(query, {
              politikker: "gaeldende",
              politik: undefined,
              aar: undefined,
              side: undefined,
            }),
          )}
        >
          Vis kun de gældende politikker
        </a>
      </p>
    );
  }
  const span = current.span;
  const when = !span
    ? ""
    : span.inForce
      ? ` (gælder i ${span.from})`
      : ` (den nyeste periode, ${spanLabel(span.from, span.to)})`;
  return (
    <p>
      Viser initiativer under de gældende politikker{when}.{" "}
      <a href={link(browseHref(query, { politikker: "alle", side: undefined }))}>Vis alle politikker</a>
    </p>
  );
}

function MoneySummary({ browse, year }: { browse: Browse; year: number | undefined }) {
  const sentences = describeMoneyByPeriod(browse.money);
  if (sentences.length === 0) return <p>Budget{year ? ` for ${year}` : ""}: ikke oplyst.</p>;
  return (
    <div class="money-summary">
      {sentences.map((s) => (
        <p>{s}</p>
      ))}
    </div>
  );
}

export function initiativesPage(props: {
  organisation: string;
  query: InitiativeQuery;
  browse: Browse;
  options: Options;
  /** Set when only the current policies are shown. */
  current?: CurrentPolicies;
}) {
  const { query, browse } = props;
  const sortKey = query.sortering ?? "title";
  const direction: SortDirection = query.retning === "desc" ? "descending" : "ascending";
  const year = query.aar;
  return (
    <Layout
      title="Initiativer"
      organisation={props.organisation}
      currentPath="/initiativer"
      breadcrumbs={[{ text: "Forside", href: "/" }, { text: "Initiativer" }]}
    >
      <h1>Initiativer</h1>
      <p class="font-lead">
        De konkrete initiativer under politikkerne: hvem der står for dem, hvordan de er finansieret, og hvor
        langt de er.
      </p>
      <FilterForm query={query} options={props.options} />
      <h2 id="result-heading" class="h3">
        {browse.count === 1 ? "1 initiativ" : `${browse.count} initiativer`}
      </h2>
      <PolicyScope query={query} current={props.current} />
      <MoneySummary browse={browse} year={year} />
      <p>
        <a href={link(browseHref(query, { format: "csv", side: undefined }))}>
          Hent de viste initiativer som CSV
        </a>
      </p>
      <DataTable<BrowseRow>
        id="initiativer"
        caption={`Initiativer, side ${browse.page} af ${browse.totalPages}`}
        rows={browse.rows}
        emptyText="Ingen initiativer passer til filteret."
        stacked
        sort={{
          key: sortKey,
          direction,
          href: (key, dir) =>
            browseHref(query, {
              sortering: key,
              retning: dir === "descending" ? "desc" : "asc",
              side: undefined,
            }),
        }}
        columns={[
          {
            header: "Initiativ",
            rowHeader: true,
            sortKey: "title",
            cell: (r) => html`<a href="${link(`/initiativer/${r.id}`)}">${r.title}</a>`,
          },
          { header: "Forvaltning", sortKey: "administration", cell: (r) => r.administrationCode ?? "–" },
          {
            header: "Politik",
            sortKey: "policy",
            cell: (r) => html`<a href="${link(`/politikker/${r.policySlug}`)}">${r.policyTitle}</a>`,
          },
          { header: "Finansiering", sortKey: "funding", cell: (r) => Funding({ value: r.fundingStatus }) },
          { header: "Status", sortKey: "status", cell: (r) => InitiativeStatusTag({ value: r.status }) },
          {
            header: year ? `Budget ${year}` : "Budget",
            numeric: true,
            sortKey: "amount",
            cell: (r) => (r.amount === null ? "–" : formatDkk(r.amount)),
          },
        ]}
      />
      <Pagination
        currentPage={browse.page}
        totalPages={browse.totalPages}
        href={(p) => browseHref(query, { side: p === 1 ? undefined : p })}
        label="Sider med initiativer"
      />
      <OpenDataLinks
        links={[
          {
            href: browseHref(query, { format: "csv", side: undefined }),
            text: "Initiativerne i filteret (CSV)",
          },
          { href: "/data/initiatives.csv", text: "Alle initiativer (CSV)" },
          { href: "/data/budget_lines.csv", text: "Økonomi (CSV)" },
        ]}
      />
    </Layout>
  );
}
