// The admin front page: the review queue's size, documents imported, what
// waits for the logged-in user, and the open status rounds' progress.
import { can } from "../../authz/can.ts";
import { formatDanishDate } from "../../domain/danishDate.ts";
import { formatNumber } from "../../domain/format.ts";
import { link } from "../../http/links.ts";
import type { adminDashboard } from "../../queries/dashboard.ts";
import { Card } from "../components/Card.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { danishDateTime } from "./dates.ts";
import { LateMark, roundName } from "./rounds/pages/controls.tsx";
import { type AdminPage, AdminShell } from "./shell.tsx";

type Dashboard = Awaited<ReturnType<typeof adminDashboard>>;

// These are counts of documents and review items, not of persons, so the
// small-number suppression for personal data does not apply to them.
const count = (n: number) => formatNumber(n, 0);

export function dashboardPage(page: AdminPage, data: Dashboard) {
  const waits: { text: string; href?: string; late?: boolean }[] = [];
  if (data.pendingCandidates)
    waits.push({
      text: `${count(data.pendingCandidates)} forslag fra importerede dokumenter venter på gennemgang`,
      href: "/admin/forslag",
    });
  for (const r of data.reportsToWrite)
    if (r.open > 0)
      waits.push({
        text: `${count(r.open)} ${r.open === 1 ? "indmelding" : "indmeldinger"} for ${r.administrations} i ${roundName(r)} (frist ${formatDanishDate(r.deadline)})`,
        href: "/admin/indmeldinger",
        late: r.late,
      });
  return (
    <AdminShell page={page} title="Oversigt" currentPath="/admin">
      <h1>Oversigt</h1>
      <p class="font-lead">Velkommen, {page.user.name}.</p>
      <h2>Det venter på dig</h2>
      {waits.length === 0 ? (
        <p>Der er ikke noget, der venter på dig lige nu.</p>
      ) : (
        <ul>
          {waits.map((w) => (
            <li>
              {w.href ? <a href={link(w.href)}>{w.text}</a> : w.text}
              {w.late && (
                <>
                  {" "}
                  <LateMark />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        {data.pendingCandidates !== null && (
          <div class="col-12 col-md-6">
            <Card heading="Forslag til gennemgang" headingLevel={3} href="/admin/forslag">
              <p class="font-lead" data-testid="queue-size">
                {count(data.pendingCandidates)}
              </p>
            </Card>
          </div>
        )}
        {can(page.user, "read", { entity: "statusReport", administrationId: null }) && (
          <div class="col-12 col-md-6">
            <Card heading="Statusrunder" headingLevel={3} href="/admin/runder">
              <p>Hvem har indmeldt, hvem mangler, påmindelser og rapporten til udvalget.</p>
            </Card>
          </div>
        )}
        {data.documentCount !== null && (
          <div class="col-12 col-md-6">
            <Card heading="Importerede dokumenter" headingLevel={3}>
              <p class="font-lead">{count(data.documentCount)}</p>
            </Card>
          </div>
        )}
      </div>
      {data.openRounds.length > 0 && (
        <>
          <h2>Åbne statusrunder</h2>
          <DataTable
            caption="Åbne statusrunder"
            captionHidden
            columns={[
              {
                header: "Statusrunde",
                rowHeader: true,
                cell: (r) => <a href={link(`/admin/runder/${r.id}`)}>{roundName(r)}</a>,
              },
              { header: "Politik", cell: (r) => r.policyTitle },
              {
                header: "Frist",
                cell: (r) => (
                  <>
                    {formatDanishDate(r.deadline)}
                    {r.late && (
                      <>
                        {" "}
                        <LateMark />
                      </>
                    )}
                  </>
                ),
              },
              { header: "Indmeldt", cell: (r) => `${count(r.reported)} af ${count(r.total)} indmeldt` },
            ]}
            rows={data.openRounds}
          />
        </>
      )}
      {data.recentDocuments.length > 0 && (
        <>
          <h2>Importerede dokumenter</h2>
          <p>De seneste fem, og ældre dokumenter med forslag, der venter på gennemgang.</p>
          <DataTable
            caption="Importerede dokumenter"
            captionHidden
            columns={[
              { header: "Fil", cell: (d) => d.filename, rowHeader: true },
              { header: "Titel", cell: (d) => d.title ?? "" },
              { header: "Importeret", cell: (d) => danishDateTime(d.createdAt) },
              {
                header: "Forslag til gennemgang",
                numeric: true,
                cell: (d) =>
                  d.pending > 0 ? (
                    <a href={link(`/admin/forslag?dokument=${d.id}`)}>{count(d.pending)}</a>
                  ) : (
                    "0"
                  ),
              },
            ]}
            rows={data.recentDocuments}
            footer={
              data.pendingCandidates !== null
                ? ["I alt", "", "", count(data.recentDocuments.reduce((n, d) => n + d.pending, 0))]
                : undefined
            }
          />
        </>
      )}
    </AdminShell>
  );
}
