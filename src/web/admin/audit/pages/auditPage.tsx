// The audit log page: filter, one event per row (newest first), pages of 50,
// and a link to the same selection as CSV.

import { formatNumber } from "../../../../domain/format.ts";
import { link } from "../../../../http/links.ts";
import type { listAuditEvents } from "../../../../queries/audit.ts";
import { DataTable } from "../../../components/DataTable.tsx";
import { Button, ButtonLink, Select, TextInput } from "../../../components/FormControls.tsx";
import { Pagination } from "../../../components/Pagination.tsx";
import { danishDateTime } from "../../dates.ts";
import { entityOne } from "../../entityLabels.ts";
import { type AdminPage, AdminShell } from "../../shell.tsx";
import { actionLabel, auditChanges } from "../auditText.ts";

type Events = Awaited<ReturnType<typeof listAuditEvents>>;

export interface AuditView {
  filter: { slags?: string; handling?: string; bruger?: string; fra?: string; til?: string };
  page: number;
  pageSize: number;
  entities: string[];
}

export function auditQuery(filter: AuditView["filter"], extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const { changes, more } = auditChanges(before, after);
  if (changes.length === 0) return <>–</>;
  return (
    <ul class="audit-changes">
      {changes.map((c) => (
        <li>
          <span class="audit-field">{c.label}:</span>{" "}
          {c.before === null ? c.after : `${c.before} → ${c.after}`}
        </li>
      ))}
      {more > 0 && <li>{`og ${more} ${more === 1 ? "felt" : "felter"} mere`}</li>}
    </ul>
  );
}

export function auditPage(page: AdminPage, events: Events, view: AuditView) {
  const totalPages = Math.max(1, Math.ceil(events.total / view.pageSize));
  return (
    <AdminShell
      page={page}
      title="Log"
      currentPath="/admin/log"
      breadcrumbs={[{ href: "/admin", text: "Oversigt" }, { text: "Log" }]}
    >
      <h1>Log over ændringer</h1>
      <p>Alle ændringer og log ind-forsøg: hvem, hvornår, hvad og hvordan det var før og efter.</p>
      <form method="get" action={link("/admin/log")} class="mb-6" aria-label="Filtrér loggen">
        <div class="row">
          <div class="col-12 col-md-4">
            <Select
              id="slags"
              name="slags"
              label="Element"
              placeholder="Alle"
              value={view.filter.slags}
              options={view.entities.map((e) => ({ value: e, text: entityOne(e) }))}
            />
          </div>
          <div class="col-12 col-md-4">
            <TextInput
              id="handling"
              name="handling"
              label="Handling"
              hint="Begyndelsen af handlingens kode, fx initiative eller user.login"
              value={view.filter.handling}
            />
          </div>
          <div class="col-12 col-md-4">
            <TextInput
              id="bruger"
              name="bruger"
              label="Bruger"
              hint="Del af e-mailadressen"
              value={view.filter.bruger}
            />
          </div>
          <div class="col-12 col-md-4">
            <TextInput id="fra" name="fra" label="Fra dato" type="date" value={view.filter.fra} />
          </div>
          <div class="col-12 col-md-4">
            <TextInput id="til" name="til" label="Til dato" type="date" value={view.filter.til} />
          </div>
        </div>
        <Button variant="secondary">Filtrér</Button>
      </form>
      <p>
        <ButtonLink href={`/admin/log.csv${auditQuery(view.filter)}`}>Hent som CSV</ButtonLink>
      </p>
      <div class="audit-log">
        <DataTable
          caption={`${formatNumber(events.total, 0)} hændelser${totalPages > 1 ? `, side ${view.page} af ${totalPages}` : ""}`}
          compact
          columns={[
            { header: "Tidspunkt", cell: (e) => danishDateTime(e.at) },
            { header: "Bruger", cell: (e) => e.actorLabel },
            { header: "Handling", cell: (e) => actionLabel(e.action, e.entity) },
            { header: "Element", cell: (e) => entityOne(e.entity) },
            { header: "Ændring", cell: (e) => <ChangeList before={e.before} after={e.after} /> },
          ]}
          rows={events.rows}
          emptyText="Ingen hændelser matcher filteret."
        />
      </div>
      <Pagination
        currentPage={view.page}
        totalPages={totalPages}
        href={(p) => `/admin/log${auditQuery(view.filter, { side: String(p) })}`}
        label="Sider i loggen"
      />
    </AdminShell>
  );
}
