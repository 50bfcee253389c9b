// The national front page: every municipality on this server, with a link to
// its own portal and what its registry holds, the comparisons and the national
// open data. Served at /kommuner, and at / when no municipality is chosen.
import { organisationPath } from "../../domain/organisationAddress.ts";
import type { OrganisationOverview } from "../../queries/organisations.ts";
import { DataTable } from "../components/DataTable.tsx";
import { Lead, OpenDataLinks } from "../portal/common.tsx";
import { COMPARE_PATH, MUNICIPALITIES_PATH, NATIONAL_PACKAGE_PATH, NationalShell } from "./shell.tsx";

export function municipalitiesPage(props: { organisations: readonly OrganisationOverview[] }) {
  return (
    <NationalShell
      title="Kommuner"
      description="Kommunernes politikker for ligestilling og inklusion i Pejl: find din kommune, og sammenlign indikatorerne."
      currentPath={MUNICIPALITIES_PATH}
    >
      <h1>Ligestilling og inklusion i kommunerne</h1>
      <Lead>
        Hver kommune har sin egen side med politikker, mål, indikatorer og konkrete initiativer. Indikatorer,
        som flere kommuner måler, kan sammenlignes side om side.
      </Lead>
      <DataTable
        caption="Kommuner i Pejl"
        columns={[
          {
            header: "Kommune",
            rowHeader: true,
            cell: (o) => <a href={organisationPath(o.slug)}>{o.name}</a>,
          },
          { header: "Politikker", numeric: true, cell: (o) => o.policies },
          { header: "Indikatorer", numeric: true, cell: (o) => o.indicators },
          { header: "Initiativer", numeric: true, cell: (o) => o.initiatives },
        ]}
        rows={props.organisations}
        emptyText="Der er endnu ingen kommuner i Pejl."
      />
      <p>
        <a href={COMPARE_PATH}>Sammenlign kommunernes indikatorer</a>
      </p>
      <OpenDataLinks
        links={[{ href: NATIONAL_PACKAGE_PATH, text: "Alle kommuners data i én datapakke (zip)" }]}
        more={{ href: COMPARE_PATH, text: "Sammenligninger med tal og tabeller" }}
      />
    </NationalShell>
  );
}
