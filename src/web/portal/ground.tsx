// /ligestillingsgrunde and /ligestillingsgrunde/:slug: everything across the
// policies that concerns one equality ground ("Alt om handicap og funktionsevne").
import { type EqualityGround, equalityGrounds } from "../../domain/enums.ts";
import { formatDkk } from "../../domain/format.ts";
import { equalityGroundLabels, equalityGroundSlugs } from "../../domain/labels.ts";
import { describeMoneyByPeriod } from "../../domain/moneyPeriods.ts";
import { link } from "../../http/links.ts";
import type { GroundOverview, GroundPolicy } from "../../queries/grounds.ts";
import { DataTable } from "../components/DataTable.tsx";
import { Layout } from "../components/Layout.tsx";
import { Funding, InitiativeStatusTag, kindLabel, OpenDataLinks, periodText } from "./common.tsx";

export function groundTitle(ground: EqualityGround): string {
  return `Alt om ${equalityGroundLabels[ground].toLowerCase()}`;
}

const reasonText: Record<GroundPolicy["reasons"][number], string> = {
  initiatives: "har initiativer for grunden",
  words: "nævner grunden i titel eller mål",
  document: "dokumentet handler om grunden",
};

export function groundsIndexPage(props: { organisation: string }) {
  return (
    <Layout
      title="Diskriminationsgrunde"
      organisation={props.organisation}
      breadcrumbs={[{ text: "Forside", href: "/" }, { text: "Diskriminationsgrunde" }]}
    >
      <h1>Diskriminationsgrunde</h1>
      <p class="font-lead">Se på tværs af politikkerne, hvad kommunen gør for hver diskriminationsgrund.</p>
      <ul>
        {equalityGrounds.map((g) => (
          <li>
            <a href={link(`/ligestillingsgrunde/${equalityGroundSlugs[g]}`)}>{groundTitle(g)}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function groundPage(props: {
  organisation: string;
  ground: EqualityGround;
  overview: GroundOverview;
}) {
  const { ground, overview } = props;
  const title = groundTitle(ground);
  const slug = equalityGroundSlugs[ground];
  const list = overview.initiatives;
  return (
    <Layout
      title={title}
      organisation={props.organisation}
      breadcrumbs={[
        { text: "Forside", href: "/" },
        { text: "Diskriminationsgrunde", href: "/ligestillingsgrunde" },
        { text: equalityGroundLabels[ground] },
      ]}
    >
      <h1>{title}</h1>
      <p class="font-lead">
        Politikker, mål og initiativer i kommunen, der handler om {equalityGroundLabels[ground].toLowerCase()}
        .
      </p>

      <h2>Politikker ({overview.policies.length})</h2>
      {overview.policies.length === 0 ? (
        <p>Ingen politikker nævner grunden.</p>
      ) : (
        <ul>
          {overview.policies.map((p) => (
            <li>
              <a href={link(`/politikker/${p.slug}`)}>{p.title}</a> ({kindLabel(p.kind)}
              {periodText(p) && `, ${periodText(p)}`}): {p.reasons.map((r) => reasonText[r]).join("; ")}
              {p.initiativeCount > 0 &&
                ` (${p.initiativeCount} ${p.initiativeCount === 1 ? "initiativ" : "initiativer"})`}
            </li>
          ))}
        </ul>
      )}

      <h2>Mål, der nævner grunden ({overview.goals.length})</h2>
      {overview.goals.length === 0 ? (
        <p>Ingen mål nævner grunden direkte.</p>
      ) : (
        <ul>
          {overview.goals.map((g) => (
            <li>
              <a
                href={link(`/politikker/${g.policySlug}#maal-${g.id}`)}
              >{`${g.number ? `${g.number}: ` : ""}${g.text}`}</a>{" "}
              ({g.policyTitle})
            </li>
          ))}
        </ul>
      )}

      <h2>Initiativer ({list.count})</h2>
      {describeMoneyByPeriod(list.money).map((sentence) => (
        <p>{sentence}</p>
      ))}
      <p>
        <a href={link(`/initiativer?grund=${slug}&politikker=alle`)}>Filtrér og sortér initiativerne</a>
      </p>
      <DataTable
        caption={`Initiativer for ${equalityGroundLabels[ground].toLowerCase()}`}
        captionHidden
        rows={list.rows}
        emptyText="Der er ikke registreret initiativer for grunden."
        columns={[
          {
            header: "Initiativ",
            rowHeader: true,
            cell: (r) => <a href={link(`/initiativer/${r.id}`)}>{r.title}</a>,
          },
          { header: "Forvaltning", cell: (r) => r.administrationCode ?? "–" },
          { header: "Finansiering", cell: (r) => <Funding value={r.fundingStatus} /> },
          { header: "Status", cell: (r) => <InitiativeStatusTag value={r.status} /> },
          { header: "Budget", numeric: true, cell: (r) => (r.amount === null ? "–" : formatDkk(r.amount)) },
        ]}
      />
      <OpenDataLinks
        links={[{ href: `/initiativer?grund=${slug}&format=csv`, text: "Initiativerne for grunden (CSV)" }]}
      />
    </Layout>
  );
}
