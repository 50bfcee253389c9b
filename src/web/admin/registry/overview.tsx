// /admin/register: the registry as a tree (policy → theme → goal → indicator)
// and each policy's initiatives, filtered by administration, all linking to
// their editors. A GET form, so the filter works without JavaScript.
import {
  fundingStatusLabels,
  initiativeStatusLabels,
  policyKindLabels,
  policyStatusLabels,
} from "../../../domain/labels.ts";
import { link } from "../../../http/links.ts";
import type { RegistryOverview } from "../../../queries/registry.ts";
import { Alert } from "../../components/Alert.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { Button, ButtonGroup, Select } from "../../components/FormControls.tsx";
import { type AdminPage, AdminShell } from "../shell.tsx";
import { hrefOf, REGISTER } from "./kind.ts";

type Policy = RegistryOverview[number];
type Goal = Policy["goals"][number];

const label = <K extends string>(labels: Record<K, string>, key: string) => labels[key as K] ?? key;

function GoalItems({ goals }: { goals: Goal[] }) {
  return (
    <ul>
      {goals.map((g) => (
        <li>
          <a href={link(hrefOf("maal", g.id))}>{g.number ? `${g.number}. ${g.text}` : g.text}</a>
          {g.indicators.length > 0 && (
            <ul>
              {g.indicators.map((i) => (
                <li>
                  Indikator: <a href={link(hrefOf("indikatorer", i.id))}>{i.title}</a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function PolicySection({ p, filtered }: { p: Policy; filtered: boolean }) {
  const period = p.periodStart && p.periodEnd ? ` ${p.periodStart}–${p.periodEnd}` : "";
  return (
    <section class="mt-8">
      <h2>
        <a href={link(hrefOf("politikker", p.id))}>{p.title}</a>
      </h2>
      <p>
        {label(policyKindLabels, p.kind)}, {label(policyStatusLabels, p.status).toLowerCase()}
        {period}
      </p>
      <h3>Temaer og mål</h3>
      {p.themes.length === 0 && p.goals.length === 0 && <p>Politikken har ingen temaer eller mål.</p>}
      {p.themes.length > 0 && (
        <ul>
          {p.themes.map((t) => (
            <li>
              Tema <a href={link(hrefOf("temaer", t.id))}>{`${t.number}. ${t.title}`}</a>
              {t.goals.length > 0 && <GoalItems goals={t.goals} />}
            </li>
          ))}
        </ul>
      )}
      {p.goals.length > 0 && <GoalItems goals={p.goals} />}
      <h3>Initiativer</h3>
      <DataTable
        caption={`Initiativer under ${p.title}`}
        captionHidden
        rows={p.initiatives}
        emptyText={
          filtered ? "Ingen initiativer fra den valgte forvaltning." : "Politikken har ingen initiativer."
        }
        columns={[
          {
            header: "Initiativ",
            rowHeader: true,
            cell: (i) => <a href={link(hrefOf("initiativer", i.id))}>{i.title}</a>,
          },
          { header: "Forvaltning", cell: (i) => i.administrationCode ?? "" },
          { header: "Status", cell: (i) => label(initiativeStatusLabels, i.status) },
          { header: "Finansiering", cell: (i) => label(fundingStatusLabels, i.fundingStatus) },
        ]}
      />
    </section>
  );
}

export function overviewPage(
  page: AdminPage,
  tree: RegistryOverview,
  admins: { code: string; name: string }[],
  administration: string | undefined,
  deleted = false,
) {
  return (
    <AdminShell
      page={page}
      title="Registret"
      currentPath={REGISTER}
      breadcrumbs={[{ text: "Oversigt", href: "/admin" }, { text: "Registret" }]}
    >
      <h1>Registret</h1>
      {deleted && <Alert variant="success">Slettet.</Alert>}
      <p>
        Politikker med temaer, mål og indikatorer, og initiativerne under hver politik. Vælg et punkt for at
        rette det.
      </p>
      <form method="get" action={link(REGISTER)}>
        <Select
          id="forvaltning"
          name="forvaltning"
          label="Vis initiativer fra forvaltning"
          placeholder="Alle forvaltninger"
          value={administration ?? ""}
          options={admins.map((a) => ({ value: a.code, text: `${a.code} – ${a.name}` }))}
        />
        <ButtonGroup>
          <Button variant="secondary">Filtrér</Button>
        </ButtonGroup>
      </form>
      {tree.length === 0 && <p>Registret er tomt. Importér et dokument for at komme i gang.</p>}
      {tree.map((p) => (
        <PolicySection p={p} filtered={!!administration} />
      ))}
    </AdminShell>
  );
}
