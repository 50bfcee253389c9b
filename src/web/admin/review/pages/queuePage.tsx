// The review queue: each candidate's fields beside the quotes they were read
// from, with accept / edit-then-accept / reject, filters, and bulk actions on
// everything the filter matches.

import { formatNumber } from "../../../../domain/format.ts";
import { link } from "../../../../http/links.ts";
import type { reviewQueuePage } from "../../../../queries/candidates.ts";
import { Alert, type AlertVariant } from "../../../components/Alert.tsx";
import { Button, Select } from "../../../components/FormControls.tsx";
import { Pagination } from "../../../components/Pagination.tsx";
import { confidenceText, entityMany, entityOne } from "../../entityLabels.ts";
import { type AdminPage, AdminShell, CsrfField } from "../../shell.tsx";
import { FieldsAndQuotes } from "./candidateFields.tsx";

type Queue = Awaited<ReturnType<typeof reviewQueuePage>>;
export type QueueRow = Queue["rows"][number];

export interface QueueView {
  filter: { dokument?: string; slags?: string; sikkerhed?: string };
  page: number;
  pageSize: number;
  documents: { id: string; filename: string; title: string | null }[];
  notice?: { variant: AlertVariant; text: string };
}

export const confidenceOptions = [
  { value: "", text: "Alle" },
  { value: "0.5", text: "Mindst 50 %" },
  { value: "0.7", text: "Mindst 70 %" },
  { value: "0.9", text: "Mindst 90 %" },
];

export function queueQuery(filter: QueueView["filter"], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.dokument) params.set("dokument", filter.dokument);
  if (filter.slags) params.set("slags", filter.slags);
  if (filter.sikkerhed) params.set("sikkerhed", filter.sikkerhed);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The label of a candidate: its title, text or metric, as the reviewer knows it. */
export function candidateLabel(row: { fields: Record<string, unknown> }): string {
  const f = row.fields;
  for (const key of ["title", "text", "metric", "label", "asked_by", "policy_title"]) {
    const v = f[key];
    if (typeof v === "string" && v.trim()) return v.length > 120 ? `${v.slice(0, 117)}…` : v;
  }
  return "Uden titel";
}

export function reviewPage(page: AdminPage, queue: Queue, view: QueueView) {
  const totalPages = Math.max(1, Math.ceil(queue.total / view.pageSize));
  const here = `/admin/forslag${queueQuery(view.filter, view.page > 1 ? { side: String(view.page) } : {})}`;
  return (
    <AdminShell
      page={page}
      title="Forslag til gennemgang"
      currentPath="/admin/forslag"
      breadcrumbs={[{ href: "/admin", text: "Oversigt" }, { text: "Forslag" }]}
    >
      <h1>Forslag til gennemgang</h1>
      {view.notice && (
        <Alert variant={view.notice.variant} headingLevel={2}>
          {view.notice.text}
        </Alert>
      )}
      <p>
        Forslagene er læst ud af importerede dokumenter. Sammenlign felterne med citatet, og godkend, ret
        eller afvis. Først godkendte forslag kommer i registret og på portalen.
      </p>
      <form method="get" action={link("/admin/forslag")} class="mb-6" aria-label="Filtrér forslag">
        <div class="row">
          <div class="col-12 col-md-4">
            <Select
              id="dokument"
              name="dokument"
              label="Dokument"
              placeholder="Alle dokumenter"
              value={view.filter.dokument}
              options={view.documents.map((d) => ({ value: d.id, text: d.filename }))}
            />
          </div>
          <div class="col-12 col-md-4">
            <Select
              id="slags"
              name="slags"
              label="Slags"
              placeholder="Alle slags"
              value={view.filter.slags}
              options={queue.kinds.map((k) => ({ value: k, text: entityMany(k) }))}
            />
          </div>
          <div class="col-12 col-md-4">
            <Select
              id="sikkerhed"
              name="sikkerhed"
              label="Sikkerhed"
              value={view.filter.sikkerhed ?? ""}
              options={confidenceOptions}
            />
          </div>
        </div>
        <Button variant="secondary">Filtrér</Button>
      </form>

      <h2 id="result-heading">
        {queue.total === 0
          ? "Ingen forslag matcher"
          : `${formatNumber(queue.total, 0)} forslag${totalPages > 1 ? `, side ${view.page} af ${totalPages}` : ""}`}
      </h2>

      {queue.total > 0 && (
        <form method="post" action={link("/admin/forslag/alle")} class="mb-6">
          <CsrfField token={page.csrf} />
          <input type="hidden" name="dokument" value={view.filter.dokument ?? ""} />
          <input type="hidden" name="slags" value={view.filter.slags ?? ""} />
          <input type="hidden" name="sikkerhed" value={view.filter.sikkerhed ?? ""} />
          <input type="hidden" name="antal" value={String(queue.total)} />
          <fieldset>
            <legend class="h4">Alle {formatNumber(queue.total, 0)} forslag, filteret viser</legend>
            <Button variant="secondary" name="handling" value="accept">
              Godkend alle {formatNumber(queue.total, 0)}
            </Button>{" "}
            <Button variant="warning" name="handling" value="reject">
              Afvis alle {formatNumber(queue.total, 0)}
            </Button>
          </fieldset>
        </form>
      )}

      {queue.rows.map((row) => (
        <article class="candidate mb-8" aria-labelledby={`c-${row.id}`}>
          <h3 id={`c-${row.id}`}>
            {entityOne(row.entity)}: {candidateLabel(row)}
          </h3>
          <p class="form-hint">
            {row.filename} · sikkerhed {confidenceText(row.confidence)}
          </p>
          {row.needsPlace && (
            <p>
              <span class="badge badge-warning">Skal placeres</span> Dokumentet siger ikke, hvad forslaget
              hører under. Vælg det under »Ret og godkend«.
            </p>
          )}
          <FieldsAndQuotes row={row} caption={`Felterne i forslaget ${candidateLabel(row)}`} />
          <form method="post" action={link(`/admin/forslag/${row.id}`)} class="mt-4">
            <CsrfField token={page.csrf} />
            <input type="hidden" name="version" value={String(row.version)} />
            <input type="hidden" name="tilbage" value={here} />
            {!row.needsPlace && (
              <>
                <Button name="handling" value="accept">
                  Godkend<span class="sr-only"> {candidateLabel(row)}</span>
                </Button>{" "}
              </>
            )}
            <a
              class="button button-secondary"
              href={link(`/admin/forslag/${row.id}?tilbage=${encodeURIComponent(here)}`)}
            >
              {row.needsPlace ? "Placér og godkend" : "Ret og godkend"}
              <span class="sr-only"> {candidateLabel(row)}</span>
            </a>{" "}
            <Button variant="tertiary" name="handling" value="reject">
              Afvis<span class="sr-only"> {candidateLabel(row)}</span>
            </Button>
          </form>
        </article>
      ))}
      <Pagination
        currentPage={view.page}
        totalPages={totalPages}
        href={(p) => `/admin/forslag${queueQuery(view.filter, { side: String(p) })}`}
        label="Sider med forslag"
      />
    </AdminShell>
  );
}
