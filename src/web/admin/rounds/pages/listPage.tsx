// The coordinator's list of status rounds, per policy: state, deadline and how
// many answers are in.
import { formatDanishDate } from "../../../../domain/danishDate.ts";
import type { RoundKind, RoundState } from "../../../../domain/enums.ts";
import { roundKindLabels } from "../../../../domain/labels.ts";
import { link } from "../../../../http/links.ts";
import type { RoundListRow } from "../../../../queries/rounds/rounds.ts";
import { Alert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { ButtonLink } from "../../../components/FormControls.tsx";
import { RoundStateBadge } from "../../../components/StatusBadge.tsx";
import { type AdminPage, AdminShell } from "../../shell.tsx";
import { roundName } from "./controls.tsx";

export function roundListPage(page: AdminPage, rows: readonly RoundListRow[], opts: { canManage: boolean }) {
  const byPolicy = new Map<string, RoundListRow[]>();
  for (const r of rows) byPolicy.set(r.policyTitle, [...(byPolicy.get(r.policyTitle) ?? []), r]);
  return (
    <AdminShell
      page={page}
      title="Statusrunder"
      currentPath="/admin/runder"
      breadcrumbs={[{ href: "/admin", text: "Oversigt" }, { text: "Statusrunder" }]}
    >
      <h1>Statusrunder</h1>
      {opts.canManage && (
        <p>
          <ButtonLink href="/admin/runder/ny" variant="primary">
            Åbn en ny statusrunde
          </ButtonLink>
        </p>
      )}
      {rows.length === 0 && <Alert variant="info">Der er ingen statusrunder endnu.</Alert>}
      {[...byPolicy].map(([policyTitle, rounds]) => (
        <>
          <h2>{policyTitle}</h2>
          <DataTable
            caption={`Statusrunder for ${policyTitle}`}
            captionHidden
            columns={[
              {
                header: "Runde",
                rowHeader: true,
                cell: (r) => (
                  <>
                    <a href={link(`/admin/runder/${r.id}`)}>{roundName(r)}</a>
                    {r.isExample && " (eksempeldata)"}
                  </>
                ),
              },
              { header: "Slags", cell: (r) => roundKindLabels[r.kind as RoundKind] ?? r.kind },
              { header: "Periode", cell: (r) => r.period },
              { header: "Status", cell: (r) => <RoundStateBadge state={r.state as RoundState} /> },
              { header: "Frist", cell: (r) => formatDanishDate(r.deadline) },
              { header: "Indmeldt", numeric: true, cell: (r) => `${r.reported} af ${r.total}` },
            ]}
            rows={rounds}
          />
        </>
      ))}
    </AdminShell>
  );
}
