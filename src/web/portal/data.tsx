// /data: the open-data page: the whole Frictionless package as a zip, every
// resource as CSV, each resource's columns described in Danish, the licence.

import { link } from "../../http/links.ts";
import { LICENCE } from "../../opendata/descriptor.ts";
import type { FieldDef } from "../../opendata/fields.ts";
import type { ResourceDef } from "../../opendata/resourceDef.ts";
import { Accordion } from "../components/Accordion.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { Layout } from "../components/Layout.tsx";
import { columnDescriptions, resourceDescriptions } from "./dataColumns.ts";

const typeLabels: Record<string, string> = {
  string: "tekst",
  integer: "heltal",
  number: "tal",
  date: "dato",
  datetime: "tidspunkt",
  boolean: "ja/nej",
  array: "liste",
  object: "objekt",
};

function describe(resource: string, f: FieldDef): string {
  const own = columnDescriptions[`${resource}.${f.name}`] ?? columnDescriptions[f.name];
  const parts = [own, f.description].filter((p): p is string => Boolean(p));
  return [...new Set(parts)].join(" ") || "–";
}

function typeText(f: FieldDef): string {
  const base = f.list ? "liste" : (typeLabels[f.type] ?? f.type);
  const ref = f.references ? `, henviser til ${f.references.resource}` : "";
  return `${base}${ref}${f.required ? ", skal udfyldes" : ""}`;
}

export function dataPage(props: {
  organisation: string;
  resources: readonly ResourceDef[];
  threshold: number;
}) {
  return (
    <Layout
      title="Åbne data"
      organisation={props.organisation}
      currentPath="/data"
      breadcrumbs={[{ text: "Forside", href: "/" }, { text: "Åbne data" }]}
    >
      <h1>Åbne data</h1>
      <p class="font-lead">
        Alt i Pejl kan hentes som åbne data: politikker, mål, indikatorer, målinger, initiativer og deres
        økonomi.
      </p>
      <p>
        Data er en <a href="https://specs.frictionlessdata.io/data-package/">Frictionless Data Package</a>: en
        fil, datapackage.json, der beskriver tabellerne, og én CSV-fil (UTF-8, med overskrifter) pr. tabel.
        Id'er er de samme fra udtræk til udtræk og de samme som i API'et. Beløb er i hele kroner. Målinger,
        der bygger på færre end {props.threshold} personer, er udeladt (markeret »&lt;{props.threshold}«).
      </p>
      <h2>Hent</h2>
      <ul>
        <li>
          <a href={link("/data/pejl-datapakke.zip")}>
            Hele datapakken (zip med datapackage.json og alle CSV-filer)
          </a>
        </li>
        <li>
          <a href={link("/data/datapackage.json")}>Kun beskrivelsen (datapackage.json)</a>
        </li>
      </ul>
      <h2>Licens</h2>
      <p>
        Data må bruges frit, også kommercielt, når {props.organisation} nævnes som kilde:{" "}
        <a href={link(LICENCE.path)}>{LICENCE.title}</a> ({LICENCE.name}).
      </p>
      <h2>Tabellerne</h2>
      <DataTable
        caption="Tabeller i datapakken"
        captionHidden
        rows={props.resources}
        columns={[
          { header: "Tabel", rowHeader: true, cell: (r) => r.title },
          { header: "Fil", cell: (r) => <a href={link(`/data/${r.name}.csv`)}>{`${r.name}.csv`}</a> },
          { header: "Beskrivelse", cell: (r) => r.description ?? resourceDescriptions[r.name] ?? "" },
        ]}
      />
      <h2>Kolonnerne</h2>
      <Accordion
        id="skema"
        headingLevel={3}
        items={props.resources.map((r) => ({
          title: `${r.title} (${r.name}.csv)`,
          content: (
            <DataTable
              caption={`Kolonner i ${r.name}.csv`}
              captionHidden
              compact
              rows={r.fields}
              columns={[
                { header: "Kolonne", rowHeader: true, cell: (f) => <code>{f.name}</code> },
                { header: "Type", cell: (f) => typeText(f) },
                { header: "Betydning", cell: (f) => describe(r.name, f) },
              ]}
            />
          ),
        }))}
      />
    </Layout>
  );
}
